import Align
import Foundation

/// Runs `aligncli normalize` in-process into temporary folders and reads its outputs back.
enum NormalizeFixtures {
    static let rules = RepositoryPaths.root + "/normalize/boilerplate.tsv"
    static let seedFolder = RepositoryPaths.corpus + "/fr"

    /// A new, empty temporary folder.
    static func temporaryFolder(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.path + "/align-normalize-\(name)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    /// `aligncli normalize INPUTS --output OUTPUT --glossary glossaries --rules normalize/boilerplate.tsv EXTRA`.
    static func run(_ extra: [String] = [], output: String?, inputs: [String] = [RepositoryPaths.corpus]) -> CapturedIO.Run {
        var arguments = ["normalize"] + inputs + ["--glossary", RepositoryPaths.glossaries, "--rules", rules]
        if let output { arguments += ["--output", output] }
        return CapturedIO.run(arguments + extra)
    }

    /// The seed corpus normalized once with the default options, shared by the tests that only read it.
    static let seedOutput: (folder: String, run: CapturedIO.Run) = {
        let folder = temporaryFolder("seed")
        return (folder, run(output: folder))
    }()

    static var seedNames: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: seedFolder)) ?? []).filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The JSON objects of `NAME.segments.jsonl`.
    static func segments(_ folder: String, _ name: String) throws -> [[String: Any]] {
        let text = try String(contentsOfFile: folder + "/" + name + ".segments.jsonl", encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
    }

    /// The rows of `NAME.removed.tsv` (header dropped), split into fields.
    static func removals(_ folder: String, _ name: String) throws -> [[String]] {
        let text = try String(contentsOfFile: folder + "/" + name + ".removed.tsv", encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
    }

    static func bytes(_ path: String) -> [UInt8] {
        FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? []
    }

    static func text(_ path: String) -> String {
        String(decoding: bytes(path), as: UTF8.self)
    }

    /// Every file below `folder`, relative path → bytes.
    static func tree(_ folder: String) -> [String: [UInt8]] {
        var result: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + relative, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[relative] = bytes(folder + "/" + relative)
            }
        }
        return result
    }
}
