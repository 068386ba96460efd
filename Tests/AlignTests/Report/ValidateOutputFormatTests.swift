import Foundation
import Testing

@testable import Align

/// The four renderings of `aligncli validate` on one glossary with several problems: golden files
/// (`Snapshots/validate.*`), and the structure each consumer relies on.
@Suite("validate output formats")
struct ValidateOutputFormatTests {
    static let fixture = RepositoryPaths.fixtures + "/glossary/report/several-problems.tsv"
    static let fileName = "several-problems.tsv"
    static let formats: [(format: String, snapshot: String)] = [
        ("text", "validate.txt"), ("json", "validate.json"), ("sarif", "validate.sarif"), ("github", "validate.github"),
    ]

    /// GitHub's escaping of a workflow command property (actions/toolkit `escapeProperty`).
    static func githubProperty(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A").replacingOccurrences(of: ":", with: "%3A")
            .replacingOccurrences(of: ",", with: "%2C")
    }

    /// The fixture copied into a scratch folder, then `validate --format format` on it, with the
    /// machine-dependent parts replaced: the folder by `<fixtures>`, the version by `<version>`, and
    /// SARIF fingerprints (which hash the path) by `<fingerprint>`.
    static func render(_ format: String, fixture: String = fixture) throws -> (run: CapturedIO.Run, normalized: String) {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = try scratch.write(try InputFiles.read(fixture), to: fileName)
        let run = CapturedIO.run(["validate", "--format", format, file])
        var text = run.stdout
        let encoded = scratch.path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? scratch.path
        for variant in [githubProperty(scratch.path), encoded, scratch.path] {
            text = text.replacingOccurrences(of: variant, with: "<fixtures>")
        }
        text = text.replacingOccurrences(of: "\"\(AlignVersion.current)\"", with: "\"<version>\"")
        let fingerprint = try Regex(#""alignFingerprint/v1" : "[0-9a-f]{16}""#)
        text = text.replacing(fingerprint, with: #""alignFingerprint/v1" : "<fingerprint>""#)
        return (run, text)
    }

    /// The diagnostics as the JSON format gives them: the reference the other formats are compared with.
    static func reference() throws -> [Diagnostic] {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        return try ValidateRun([try scratch.write(try InputFiles.read(fixture), to: fileName)]).diagnostics
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("each rendering equals its golden file", arguments: formats.map(\.format))
    func golden(_ format: String) throws {
        let (run, normalized) = try Self.render(format)
        #expect(run.exitCode == .findings)
        #expect(run.stderr == "4 errors, 3 warnings in 1 file (6 concepts)\n")
        #expect(!normalized.contains(NSTemporaryDirectory()), "no machine path is left")
        let snapshot = try #require(Self.formats.first { $0.format == format }?.snapshot)
        Snapshot.expect(normalized, matches: snapshot)
    }

    @Test("text: path:line:col: severity: message [check-id], then note lines")
    func textLines() throws {
        let (_, text) = try Self.render("text")
        let reference = try Self.reference()
        let pattern = try Regex(#"^<fixtures>/several-problems\.tsv:(\d+):(\d+): (error|warning|note): (.+)$"#)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "", "the output ends with a line end")
        var primary: [(line: Int, column: Int, severity: String, check: String)] = []
        for line in lines.dropLast() {
            let match = try #require(try pattern.wholeMatch(in: String(line)), "not a diagnostic line: \(line)")
            let (lineNumber, column, severity, message) = (
                Int(match.output[1].substring!)!, Int(match.output[2].substring!)!, String(match.output[3].substring!), match.output[4].substring!
            )
            if severity == "note" {
                #expect(!message.hasSuffix("]"))
                continue
            }
            let open = try #require(message.lastIndex(of: "["), "no [check-id] in \(line)")
            #expect(message.hasSuffix("]"))
            primary.append((lineNumber, column, severity, String(message[message.index(after: open)..<message.index(before: message.endIndex)])))
        }
        #expect(primary.map(\.check) == reference.map(\.checkID))
        #expect(primary.map(\.severity) == reference.map(\.severity.rawValue))
        #expect(primary.map { Place($0.line, $0.column) } == reference.map { Place($0.location!) })
        #expect(lines.count - 1 == reference.count + reference.reduce(0) { $0 + $1.notes.count })
    }

    @Test("json: parses with JSONSerialization and has version, summary and diagnostics")
    func jsonDocument() throws {
        let (_, text) = try Self.render("json")
        let document = try Self.json(text)
        #expect(document["version"] as? Int == 1)
        #expect(document["tool"] as? String == "aligncli")
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 4)
        #expect(summary["warnings"] as? Int == 3)
        #expect(summary["notes"] as? Int == 0)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 7)
        let ids = Set(GlossaryChecks.all.map(\.id))
        for diagnostic in diagnostics {
            #expect(ids.contains(diagnostic["checkID"] as? String ?? ""))
            #expect(["error", "warning"].contains(diagnostic["severity"] as? String ?? ""))
            #expect((diagnostic["message"] as? String)?.isEmpty == false)
            let location = try #require(diagnostic["location"] as? [String: Any])
            #expect(location["file"] as? String == "<fixtures>/several-problems.tsv")
            #expect((location["line"] as? Int ?? 0) >= 1 && (location["column"] as? Int ?? 0) >= 1)
        }
        #expect(diagnostics.filter { $0["severity"] as? String == "error" }.count == 4)
    }

    @Test("sarif: 2.1.0, every check as a rule, results with ruleId, level and a region")
    func sarifLog() throws {
        let (_, text) = try Self.render("sarif")
        let reference = try Self.reference()
        let log = try Self.json(text)
        #expect(log["version"] as? String == "2.1.0")
        #expect((log["$schema"] as? String)?.contains("sarif-2.1.0") == true)
        let runs = try #require(log["runs"] as? [[String: Any]])
        try #require(runs.count == 1)
        #expect(runs[0]["columnKind"] as? String == "unicodeCodePoints")
        let driver = try #require((runs[0]["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "aligncli")
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == GlossaryChecks.all.map(\.id))
        for (rule, descriptor) in zip(rules, GlossaryChecks.all) {
            #expect((rule["defaultConfiguration"] as? [String: Any])?["level"] as? String == descriptor.defaultSeverity.rawValue)
            #expect((rule["shortDescription"] as? [String: Any])?["text"] as? String == descriptor.summary)
        }
        let results = try #require(runs[0]["results"] as? [[String: Any]])
        try #require(results.count == reference.count)
        for (result, diagnostic) in zip(results, reference) {
            #expect(result["ruleId"] as? String == diagnostic.checkID)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == diagnostic.checkID)
            #expect(result["level"] as? String == diagnostic.severity.rawValue)
            let locations = try #require(result["locations"] as? [[String: Any]])
            let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
            let region = try #require(physical["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == diagnostic.location?.line)
            #expect(region["startColumn"] as? Int == diagnostic.location?.column)
            #expect((physical["artifactLocation"] as? [String: Any])?["uri"] as? String == "<fixtures>/several-problems.tsv")
            #expect((result["relatedLocations"] as? [Any])?.count ?? 0 == diagnostic.notes.count)
        }
    }

    @Test("sarif: fingerprints survive lines moving, and tell results apart")
    func sarifFingerprints() throws {
        func fingerprints(_ text: String) throws -> [String] {
            let runs = try #require(try Self.json(text)["runs"] as? [[String: Any]])
            let results = try #require(runs.first?["results"] as? [[String: Any]])
            return results.compactMap { ($0["partialFingerprints"] as? [String: String])?["alignFingerprint/v1"] }
        }
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let original = String(decoding: try InputFiles.read(Self.fixture), as: UTF8.self)
        let file = try scratch.write(original, to: Self.fileName)
        let before = try fingerprints(CapturedIO.run(["validate", "--format", "sarif", file]).stdout)
        let moved = original.replacingOccurrences(of: "# Several", with: "# A new comment line.\n# Several")
        try scratch.write(moved, to: Self.fileName)
        let after = try fingerprints(CapturedIO.run(["validate", "--format", "sarif", file]).stdout)
        #expect(before.count == 7)
        #expect(before.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
        #expect(Set(before).count == before.count)
        #expect(after == before)
        let lines = try ValidateRun([file]).diagnostics.map { $0.location!.line }
        #expect(lines == [5, 6, 6, 7, 8, 9, 9], "the lines did move")
    }

    /// A GitHub workflow command: name, properties (unescaped), message (escaped as sent).
    static func parseCommand(_ line: Substring) throws -> (name: String, properties: [String: String], data: String) {
        try #require(line.hasPrefix("::"))
        let body = line.dropFirst(2)
        let end = try #require(body.range(of: "::"))
        let head = body[..<end.lowerBound]
        let space = try #require(head.firstIndex(of: " "))
        var properties: [String: String] = [:]
        for pair in head[head.index(after: space)...].split(separator: ",") {
            let equals = try #require(pair.firstIndex(of: "="))
            properties[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
                .replacingOccurrences(of: "%2C", with: ",").replacingOccurrences(of: "%3A", with: ":")
                .replacingOccurrences(of: "%0A", with: "\n").replacingOccurrences(of: "%0D", with: "\r")
                .replacingOccurrences(of: "%25", with: "%")
        }
        return (String(head[..<space]), properties, String(body[end.upperBound...]))
    }

    @Test("github: ::error file=… lines, one per diagnostic, at the same places")
    func githubCommands() throws {
        let (_, text) = try Self.render("github")
        let reference = try Self.reference()
        let lines = text.split(separator: "\n")
        try #require(lines.count == reference.count, "notes ride along in the message, not on lines of their own")
        for (line, diagnostic) in zip(lines, reference) {
            #expect(line.hasPrefix("::\(diagnostic.severity == .error ? "error" : "warning") file="))
            let command = try Self.parseCommand(line)
            #expect(command.properties["file"] == "<fixtures>/several-problems.tsv")
            #expect(command.properties["line"] == "\(diagnostic.location!.line)")
            #expect(command.properties["col"] == "\(diagnostic.location!.column)")
            #expect(command.properties["title"] == diagnostic.checkID)
            #expect(command.data.components(separatedBy: "%0A").count == diagnostic.notes.count + 1)
        }
    }

    @Test("github: %, : and , are escaped in properties; only % and line ends in the message")
    func githubEscaping() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let folder = scratch.path + "/we,ird:dir%25"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let file = folder + "/g.tsv"
        try Data("# align-glossary 1\nid\ten\tfr\tflags\nnato\tNATO\tOTAN\t100%,x:y\n".utf8).write(to: URL(fileURLWithPath: file))
        let run = CapturedIO.run(["validate", "--format", "github", file])
        #expect(run.exitCode == .findings)
        let lines = run.stdout.split(separator: "\n")
        try #require(lines.count == 2)
        #expect(lines[0] == "::error file=\(Self.githubProperty(scratch.path))/we%2Cird%3Adir%2525/g.tsv,line=3,col=16,title=unknown-flag::unknown flag '100%25' (known flags: case, exact)")
        let second = try Self.parseCommand(lines[1])
        #expect(second.properties["file"] == file, "the property unescapes to the path")
        #expect(second.properties["col"] == "21")
        #expect(second.data == "unknown flag 'x:y' (known flags: case, exact)")
    }
}
