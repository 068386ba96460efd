import Foundation
import Testing

@testable import Align

/// Golden files of `aligncli report` in every format over the fixture glossary and corpus
/// (`Snapshots/report/`), and the structure each consumer relies on. Machine paths become
/// `<fixtures>` and the version `<version>`; fingerprints hash paths below the corpus folder, so
/// they stay in the goldens as they are.
@Suite("report output formats")
struct ReportSnapshotTests {
    static let snapshots: [(format: String, file: String)] = [
        ("text", "report/report.txt"), ("markdown", "report/report.md"), ("json", "report/report.json"), ("sarif", "report/report.sarif"),
        ("github", "report/report.github"), ("html", "report/report.html"),
    ]

    static func render(_ format: String) -> (run: CapturedIO.Run, normalized: String) {
        let run = CapturedIO.run(["report", "-g", ReportFixtures.glossary, "--format", format, ReportFixtures.corpus])
        return (run, ReportFixtures.normalized(run.stdout))
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("each format equals its golden file", arguments: snapshots.map(\.format))
    func golden(_ format: String) throws {
        let (run, normalized) = Self.render(format)
        #expect(run.exitCode == .findings)
        #expect(run.stderr == "2 errors, 4 warnings, 5 notes in 2 documents\n")
        #expect(!normalized.contains(RepositoryPaths.root), "no machine path is left")
        Snapshot.expect(normalized, matches: try #require(Self.snapshots.first { $0.format == format }).file)
    }

    @Test("text: every finding line is path:line:col: severity: message [check]")
    func textLines() throws {
        let (_, text) = Self.render("text")
        let pattern = try Regex(#"^<fixtures>/(corpus/[ab]\.txt|glossary/fixture\.tsv):\d+:\d+: (error|warning|note): .+ \[([a-z-]+)\]$"#)
        let findingLines = text.split(separator: "\n").filter { $0.hasPrefix("<fixtures>/") }
        let checks = try findingLines.map { line in try #require(try pattern.wholeMatch(in: String(line))).output[3].substring.map(String.init) ?? "" }
        #expect(checks.sorted() == ["avoided-term", "avoided-term", "inconsistent-variant", "inconsistent-variant", "inconsistent-variant", "possible-misspelling",
            "uncovered-term", "uncovered-term", "uncovered-term", "unused-entry", "unused-entry"])
    }

    @Test("json: schema, version, summary, fingerprints and the summaries")
    func jsonDocument() throws {
        let document = try Self.json(Self.render("json").normalized)
        #expect(document["schema"] as? String == "align-report")
        #expect(document["version"] as? Int == TerminologyReport.schemaVersion)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 2 && summary["warnings"] as? Int == 4 && summary["notes"] as? Int == 5)
        #expect(summary["failed"] as? Bool == true && summary["failOn"] as? String == "error")
        let findings = try #require(document["findings"] as? [[String: Any]])
        let fingerprints = findings.compactMap { $0["fingerprint"] as? String }
        #expect(fingerprints.count == findings.count && Set(fingerprints).count == findings.count, "fingerprints are unique")
        #expect(fingerprints.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
        let variant = try #require(findings.first { $0["check"] as? String == "inconsistent-variant" && ($0["entry"] as? [String: Any])?["id"] as? String == "kim-jong-un" })
        let variants = try #require(variant["variants"] as? [[String: Any]])
        #expect(variants.map { $0["surface"] as? String } == ["Kim Jong-un", "Kim Jong Un"])
        #expect(variants.map { $0["status"] as? String } == ["preferred", "unlisted"])
        let concepts = try #require(document["concepts"] as? [[String: Any]])
        #expect(concepts.map { $0["id"] as? String } == ["atacms", "kim-jong-un", "kursk", "kyiv", "nato", "north-korean", "volodymyr-zelensky"])
        let documents = try #require(document["documents"] as? [[String: Any]])
        #expect(documents.count == 2)
        let terms = try #require(documents.first?["terms"] as? [[String: Any]])
        #expect(terms.map { $0["english"] as? String }.contains("Kursk"))
        #expect(documents.allSatisfy { $0["boilerplate"] == nil }, "LATER: the normalizer's hook is empty for now")
    }

    @Test("sarif: 2.1.0, the report's checks as rules, fingerprints, related locations")
    func sarifLog() throws {
        let log = try Self.json(Self.render("sarif").normalized)
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ReportChecks.descriptors.map(\.id))
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 11)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            #expect(((result["partialFingerprints"] as? [String: String])?["alignFingerprint/v1"])?.count == 16)
            #expect(["error", "warning", "note"].contains(result["level"] as? String ?? ""))
        }
    }

    @Test("github: one workflow command per finding, with file, line and column")
    func githubCommands() throws {
        let lines = Self.render("github").normalized.split(separator: "\n")
        #expect(lines.count == 11)
        let pattern = try Regex(#"^::(error|warning|notice) (file=[^,]+,line=\d+,col=\d+,)?title=[a-z-]+::.+$"#)
        for line in lines { #expect(try pattern.wholeMatch(in: String(line)) != nil, "\(line)") }
    }

    @Test("html: self-contained, no external resources")
    func htmlSelfContained() {
        let html = Self.render("html").normalized
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        for external in ["src=\"http", "href=\"http", "<link", "@import", "url("] {
            #expect(!html.contains(external), "\(external)")
        }
        #expect(html.contains("<span class=\"en\">Kursk</span>"))
    }

    @Test("colour only when asked for, and never in files")
    func colour() throws {
        let capture = CapturedIO()
        var io = capture.io
        io.outputIsTerminal = true
        _ = AlignCommandLine.run(["report", "-g", ReportFixtures.glossary, ReportFixtures.corpus], io: io)
        #expect(capture.stdout.contains("\u{1B}[1;31merror:"))
        let quiet = CapturedIO()
        var noColor = quiet.io
        noColor.outputIsTerminal = true
        noColor.environment = ["NO_COLOR": "1"]
        _ = AlignCommandLine.run(["report", "-g", ReportFixtures.glossary, ReportFixtures.corpus], io: noColor)
        #expect(!quiet.stdout.contains("\u{1B}["))
    }
}
