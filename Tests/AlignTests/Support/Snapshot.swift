import Foundation
import Testing

/// Golden files under `Tests/AlignTests/Snapshots/`, compared byte for byte. They are re-recorded
/// only when the environment sets `ALIGN_RECORD_SNAPSHOTS=1`; a recording run fails on purpose,
/// so a recorded file is always looked at and then checked by a normal run.
enum Snapshot {
    /// The folder of the golden files, in the source tree (not the test bundle), so recording
    /// writes where the files are committed.
    static let directory = RepositoryPaths.root + "/Tests/AlignTests/Snapshots"

    static var isRecording: Bool { ProcessInfo.processInfo.environment["ALIGN_RECORD_SNAPSHOTS"] == "1" }

    /// Expects `actual` to equal the golden file `name`, or records it when recording.
    static func expect(_ actual: String, matches name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let path = directory + "/" + name
        if isRecording {
            do {
                try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
                try Data(actual.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
                Issue.record("recorded snapshot \(name); run again without ALIGN_RECORD_SNAPSHOTS to check it", sourceLocation: sourceLocation)
            } catch {
                Issue.record("cannot record snapshot \(name): \(error)", sourceLocation: sourceLocation)
            }
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("no snapshot \(name); record it with ALIGN_RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        // Bytes, not `String ==`, which would call NFC and NFD text equal.
        guard !data.elementsEqual(actual.utf8) else { return }
        let expected = String(decoding: data, as: UTF8.self)
        Issue.record("snapshot \(name) differs: \(firstDifference(expected, actual))", sourceLocation: sourceLocation)
    }

    /// Where two texts first differ, line by line, for a readable failure.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(a.count, b.count) {
            let left = index < a.count ? String(a[index]) : "<end of file>"
            let right = index < b.count ? String(b[index]) : "<end of file>"
            if !left.utf8.elementsEqual(right.utf8) { return "line \(index + 1)\n  expected: \(left)\n  actual:   \(right)" }
        }
        return "the line ends differ"
    }
}
