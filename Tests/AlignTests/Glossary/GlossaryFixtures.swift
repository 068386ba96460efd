import Foundation
import Testing

@testable import Align

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A 1-based line and column in a glossary file, written `line:col` in `.expected` files.
struct Place: Hashable, Comparable, Sendable, CustomStringConvertible {
    var line: Int
    var column: Int

    init(_ line: Int, _ column: Int) {
        self.line = line
        self.column = column
    }

    init(_ location: Align.SourceLocation) {
        self.init(location.line, location.column)
    }

    /// Reads `3:25`.
    init?(parsing text: some StringProtocol) {
        let parts = text.split(separator: ":")
        guard parts.count == 2, let line = Int(parts[0]), let column = Int(parts[1]) else { return nil }
        self.init(line, column)
    }

    var description: String { "\(line):\(column)" }

    static func < (a: Place, b: Place) -> Bool { (a.line, a.column) < (b.line, b.column) }
}

/// A fresh folder under the system temporary folder, for files a test writes; `remove()` it after.
struct ScratchDirectory {
    let path: String

    init() throws {
        // Short on purpose: a socket path must fit in `sockaddr_un.sun_path` (108 bytes).
        path = NSTemporaryDirectory() + "align-" + UUID().uuidString.prefix(8).lowercased()
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    /// Writes `bytes` to `name` in this folder and returns the file's path.
    @discardableResult
    func write(_ bytes: [UInt8], to name: String) throws -> String {
        let file = path + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        return file
    }

    /// Writes `text` as UTF-8 to `name` in this folder and returns the file's path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try write(Array(text.utf8), to: name)
    }

    /// Makes `name` a Unix domain socket: it exists and is not a folder, but opening it for reading
    /// fails (ENXIO) even for root, unlike a file with its permissions removed.
    @discardableResult
    func makeUnreadableFile(named name: String) throws -> String {
        let file = path + "/" + name
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(descriptor >= 0, "socket() failed")
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        try #require(file.utf8.count < capacity, "socket path too long: \(file)")
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in file.utf8.enumerated() { buffer[index] = byte }
        }
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size))
            }
        }
        try #require(status == 0, "bind() failed for \(file)")
        return file
    }

    /// The bytes of `name` in this folder.
    func read(_ name: String) throws -> [UInt8] {
        try InputFiles.read(path + "/" + name)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// One fixture file: bytes, or a file that exists but cannot be read.
enum FixtureFile: Sendable {
    case bytes([UInt8])
    case unreadable
}

/// The trigger and near-miss ("clean") fixtures of the checks in `GlossaryChecks.all`.
///
/// Most are committed text files: `Fixtures/glossary/triggers/<check-id>.tsv` with its sidecar
/// `<check-id>.expected` (the `line:col` of every diagnostic of that check), and
/// `Fixtures/glossary/clean/<check-id>.tsv`. The checks about bytes a text fixture cannot hold
/// (or that editors and Git would silently change: NUL, invalid UTF-8, a byte order mark, CRLF)
/// and about a file that cannot be read are made here at run time instead.
enum GlossaryFixtures {
    enum Kind: String, Sendable, CaseIterable {
        case triggers
        case clean
    }

    static let directory = RepositoryPaths.fixtures + "/glossary"

    /// A small valid glossary, with multibyte text (`’`, `é`) before the places the generated
    /// fixtures break.
    static let base = """
        # align-glossary 1
        id\ten\tfr\tnote
        kyiv\tKyiv\tKyiv|Kiev\tcapitale de l’Ukraine (résidence du gouvernement)
        odesa\tOdesa\tOdessa|Odesa\tport sur la mer Noire

        """

    /// `base` up to the `é` of `résidence`: 79 bytes, 44 code points on line 3 before it.
    static let beforeResidenceAccent = "# align-glossary 1\nid\ten\tfr\tnote\nkyiv\tKyiv\tKyiv|Kiev\tcapitale de l’Ukraine (r"
    static let afterResidenceAccent = String(base.dropFirst(beforeResidenceAccent.count + 1))

    /// `base` as a Latin-1 file would hold it: `é` is the single byte 0xE9.
    static var latin1Base: [UInt8] {
        Array(beforeResidenceAccent.utf8) + [0xE9] + Array(afterResidenceAccent.utf8)
    }

    /// The run-time fixtures, by check id.
    static let generated: [String: (trigger: FixtureFile, expected: [Place], clean: FixtureFile)] = [
        "unreadable-file": (.unreadable, [Place(1, 1)], .bytes(Array(base.utf8))),
        "binary-file": (
            .bytes(Array(base.replacingOccurrences(of: "Odessa|", with: "Odessa\u{0}|").utf8)), [Place(4, 19)],
            .bytes(Array(base.utf8))
        ),
        "invalid-utf8": (.bytes(latin1Base), [Place(3, 45)], .bytes(Array(base.utf8))),
        "byte-order-mark": (.bytes([0xEF, 0xBB, 0xBF] + Array(base.utf8)), [Place(1, 1)], .bytes(Array(base.utf8))),
        // Line 1 ends in LF, the others in CRLF: the warning names the first CRLF line, once.
        "line-endings": (.bytes(Array(crlfAfterFirstLine(base).utf8)), [Place(2, 1)], .bytes(Array(base.utf8))),
    ]

    static func crlfAfterFirstLine(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return lines[0] + "\n" + lines.dropFirst().joined(separator: "\r\n")
    }

    /// The ids that have a committed fixture of `kind`.
    static func committedIDs(_ kind: Kind) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory + "/" + kind.rawValue)
            .filter { $0.hasSuffix(".tsv") }.map { String($0.dropLast(4)) }.sorted()
    }

    /// The ids that have a committed `.expected` sidecar.
    static func sidecarIDs() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory + "/triggers")
            .filter { $0.hasSuffix(".expected") }.map { String($0.dropLast(9)) }.sorted()
    }

    static func committedPath(_ kind: Kind, _ id: String) -> String {
        directory + "/" + kind.rawValue + "/" + id + ".tsv"
    }

    /// The fixture file of `kind` for check `id`.
    static func file(_ kind: Kind, _ id: String) throws -> FixtureFile {
        if let made = generated[id] { return kind == .triggers ? made.trigger : made.clean }
        return .bytes(try InputFiles.read(committedPath(kind, id)))
    }

    /// Where the trigger fixture of `id` must produce diagnostics of `id`.
    static func expectedPlaces(_ id: String) throws -> [Place] {
        if let made = generated[id] { return made.expected }
        let text = String(decoding: try InputFiles.read(directory + "/triggers/" + id + ".expected"), as: UTF8.self)
        return try text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map { line in
            try #require(Place(parsing: line), "bad line '\(line)' in \(id).expected")
        }
    }

    /// Writes the fixture of `kind` for `id` into `scratch` as `<id>.tsv` and returns its path.
    static func install(_ kind: Kind, _ id: String, in scratch: ScratchDirectory) throws -> String {
        switch try file(kind, id) {
        case .bytes(let bytes): try scratch.write(bytes, to: id + ".tsv")
        case .unreadable: try scratch.makeUnreadableFile(named: id + ".tsv")
        }
    }
}

/// Runs `aligncli validate --format json` in-process and decodes what it reported.
struct ValidateRun {
    var exitCode: ExitCode
    var diagnostics: [Diagnostic]
    var stderr: String

    private struct Report: Decodable { var diagnostics: [Diagnostic] }

    init(_ paths: [String], options: [String] = []) throws {
        let run = CapturedIO.run(["validate", "--format", "json"] + options + paths)
        exitCode = run.exitCode
        stderr = run.stderr
        diagnostics = try JSONDecoder().decode(Report.self, from: Data(run.stdout.utf8)).diagnostics
    }

    /// The diagnostics of one check.
    func of(_ checkID: String) -> [Diagnostic] { diagnostics.filter { $0.checkID == checkID } }

    /// The places of the diagnostics of one check, in order.
    func places(_ checkID: String) -> [Place?] { of(checkID).map { $0.location.map(Place.init) } }
}
