import Foundation
import Testing

@testable import Align

/// `aligncli report` and `aligncli suggest` end to end, in-process, on the shipped glossaries and
/// corpus and on scratch copies.
@Suite("report command")
struct ReportCommandTests {
    static let glossaries = RepositoryPaths.glossaries
    static let corpus = RepositoryPaths.corpus

    static func run(_ arguments: [String]) -> CapturedIO.Run { CapturedIO.run(arguments) }

    /// The lines of the text report's "Documents" section, by document path.
    static func documentLines(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var current: String?
        var inDocuments = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("Documents") {
                inDocuments = true
                continue
            }
            guard inDocuments else { continue }
            if line.hasPrefix("  "), !line.hasPrefix("    ") {
                current = String(line.dropFirst(2).split(separator: ":").first ?? "")
                result[current!] = ""
            } else if let current {
                result[current, default: ""] += " " + line.trimmingCharacters(in: .whitespaces)
            }
        }
        return result
    }

    @Test("on the shipped glossaries and corpus: the findings the issue asks for")
    func shippedCorpus() throws {
        let run = Self.run(["report", "-g", Self.glossaries, Self.corpus])
        #expect(run.exitCode == .findings, "avoided forms are errors, and errors fail by default")
        let text = run.stdout
        #expect(text.contains("kim-jong-un is written 2 ways across the corpus: 'Kim Jong-un' (preferred) ×1 in 1 document, 'Kim Jong Un' (unlisted) ×2 in 1 document [inconsistent-variant]"))
        #expect(text.contains("error: avoided form 'Volodomyr Zelensky' of volodymyr-zelensky"))
        #expect(text.contains("error: avoided form 'ATACM' of atacms"))
        #expect(!text.contains("'Biden' (variant)"), "a surname after the full name is no inconsistency")
        #expect(text.contains("'Ukrainiens' is not in the glossary"))
        for name in ["Pyongyang", "Bucha", "TASS", "G20", "Slutsky"] {
            #expect(!text.contains("'\(name)' is not in the glossary"), "\(name) is covered by the shipped glossary")
        }
        #expect(run.stderr.hasSuffix("in 5 documents\n"))
    }

    @Test("every article shows Koursk → Kursk, OTAN → NATO and Kiev → Kyiv where they occur")
    func mappingsPerDocument() throws {
        let run = Self.run(["report", "-g", Self.glossaries, Self.corpus])
        let documents = Self.documentLines(run.stdout)
        #expect(documents.count == 5)
        let scan = Self.run(["scan", "-g", Self.glossaries, "--format", "tsv", Self.corpus]).stdout
        let rows: [[Substring]] = scan.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        for (id, mapping) in [("kursk", "Koursk → Kursk"), ("nato", "OTAN → NATO"), ("kyiv", "Kiev → Kyiv")] {
            var withTerm = Set<String>()
            for row in rows where row.count > 4 && row[4] == Substring(id) { withTerm.insert(String(row[0])) }
            #expect(withTerm.count >= 4, "\(id) occurs in most articles")
            for (path, line) in documents {
                #expect(line.contains(mapping) == withTerm.contains(path), "\(mapping) in \(path)")
            }
        }
    }

    @Test("uncovered names such as Pyongyang and Bucha when the glossary lacks them")
    func uncoveredWhenMissing() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for file in try InputFiles.expand(Self.glossaries, extensions: ["tsv"]) {
            let text = try String(contentsOfFile: file, encoding: .utf8)
            let kept = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.hasPrefix("pyongyang\t") && !$0.hasPrefix("bucha\t") && !$0.hasPrefix("tass\t") }
            try scratch.write(kept.joined(separator: "\n"), to: URL(fileURLWithPath: file).lastPathComponent)
        }
        let run = Self.run(["report", "-g", scratch.path, "--fail-on", "never", Self.corpus])
        #expect(run.exitCode == .ok)
        #expect(run.stdout.contains("'Pyongyang' is not in the glossary: 3 occurrences in 2 documents"))
        #expect(run.stdout.contains("'Bucha' is not in the glossary: 2 occurrences in 1 document"))
    }

    @Test("output is byte-identical across runs", arguments: ReportFormat.allCases.map(\.rawValue))
    func deterministic(_ format: String) throws {
        let first = Self.run(["report", "-g", Self.glossaries, "--format", format, Self.corpus])
        let second = Self.run(["report", "-g", Self.glossaries, "--format", format, Self.corpus])
        #expect(!first.stdout.isEmpty)
        #expect(Array(first.stdout.utf8) == Array(second.stdout.utf8))
    }

    @Test("--fail-on decides the exit status")
    func failOn() {
        #expect(Self.run(["report", "-g", Self.glossaries, "--fail-on", "never", Self.corpus]).exitCode == .ok)
        #expect(Self.run(["report", "-g", Self.glossaries, "--fail-on", "warning", Self.corpus]).exitCode == .findings)
        let clean = Self.run(["report", "-g", ReportFixtures.glossary, "--fail-on", "error", "-"])
        #expect(clean.exitCode == .ok, "no document, no finding but unused entries (notes)")
    }

    @Test("a baseline accepts the findings it records; a new or more frequent finding fails")
    func baseline() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let corpus = scratch.path + "/corpus"
        try FileManager.default.createDirectory(atPath: corpus, withIntermediateDirectories: true)
        for file in try InputFiles.expand(ReportFixtures.corpus, extensions: ["txt"]) {
            try scratch.write(try InputFiles.read(file), to: "corpus/" + URL(fileURLWithPath: file).lastPathComponent)
        }
        let baseline = scratch.path + "/baseline.json"
        let written = Self.run(["report", "-g", ReportFixtures.glossary, "--write-baseline", baseline, corpus])
        #expect(written.exitCode == .findings, "writing a baseline does not hide today's verdict")
        let recorded = try ReportBaseline.read(baseline)
        #expect(recorded.findings.count == 11)
        #expect(Self.run(["report", "-g", ReportFixtures.glossary, "--baseline", baseline, corpus]).exitCode == .ok)
        // The baseline does not depend on where the corpus is: fingerprints hash paths below it.
        let moved = scratch.path + "/elsewhere"
        try FileManager.default.moveItem(atPath: corpus, toPath: moved)
        #expect(Self.run(["report", "-g", ReportFixtures.glossary, "--baseline", baseline, moved]).exitCode == .ok)
        // One more ATACM in a.txt: the avoided-term finding now has more occurrences than recorded.
        try scratch.write(try InputFiles.read(moved + "/a.txt") + Array("Encore un ATACM.\n".utf8), to: "elsewhere/a.txt")
        let worse = Self.run(["report", "-g", ReportFixtures.glossary, "--baseline", baseline, "--format", "json", moved])
        #expect(worse.exitCode == .findings)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(worse.stdout.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        let fresh = findings.filter { $0["baseline"] as? String == "new" }
        #expect(fresh.count == 1)
        #expect(fresh.first?["term"] as? String == "ATACM")
        #expect(findings.filter { $0["baseline"] as? String == "unchanged" }.count == findings.count - 1)
        let github = Self.run(["report", "-g", ReportFixtures.glossary, "--baseline", baseline, "--format", "github", moved]).stdout
        #expect(github.split(separator: "\n").count == 1, "GitHub annotations only for new findings")
    }

    @Test("--output writes the report to a file and nothing to standard output")
    func outputFile() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = scratch.path + "/report.md"
        let run = Self.run(["report", "-g", ReportFixtures.glossary, "--format", "markdown", "-o", path, ReportFixtures.corpus])
        #expect(run.stdout.isEmpty)
        #expect(try String(contentsOfFile: path, encoding: .utf8).hasPrefix("# Terminology report\n"))
    }

    @Test("usage errors exit 64, missing inputs 66, bad inputs 65")
    func exitCodes() throws {
        #expect(Self.run(["report", "--fail-on", "warnings"]).exitCode == .usage)
        #expect(Self.run(["report", "--fail-on", "warnings"]).stderr.contains("did you mean 'warning'?"))
        #expect(Self.run(["report", "--uncovered-limit", "many"]).exitCode == .usage)
        #expect(Self.run(["report", "--format", "pdf"]).exitCode == .usage)
        #expect(Self.run(["report", "-g", ReportFixtures.glossary, "/nonexistent/corpus"]).exitCode == .noInput)
        #expect(Self.run(["report", "-g", ReportFixtures.glossary, "--baseline", "/nonexistent/baseline.json", ReportFixtures.corpus]).exitCode == .noInput)
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let bad = try scratch.write("{\"format\": \"something else\"}", to: "baseline.json")
        #expect(Self.run(["report", "-g", ReportFixtures.glossary, "--baseline", bad, ReportFixtures.corpus]).exitCode == .dataError)
        let binary = try scratch.write([0x41, 0x00, 0x42], to: "binary.txt")
        let latin = try scratch.write([0x4B, 0x69, 0x65, 0x76, 0xE9, 0x0A], to: "latin.txt")
        let mixed = Self.run(["report", "-g", ReportFixtures.glossary, "--fail-on", "never", binary, latin])
        #expect(mixed.exitCode == .dataError, "a document that is not UTF-8 text is bad input")
        #expect(mixed.stderr.contains("invalid-utf8"))
    }

    @Test("suggest prints uncovered candidates as glossary rows that validate once English is filled in")
    func suggest() throws {
        let run = Self.run(["suggest", "-g", ReportFixtures.glossary, "--header", ReportFixtures.corpus])
        #expect(run.exitCode == .ok)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == GlossaryDocument.versionMarker)
        let header = try #require(lines.first { !$0.hasPrefix("#") })
        #expect(header == "id\ten\tfr\ten_avoid\tfr_avoid\tflags\tnote")
        let rows = lines.filter { !$0.hasPrefix("#") }.dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(rows.map { $0[2] } == ["Kremlin", "Ria Novosti"])
        #expect(rows.allSatisfy { $0.count == 7 && $0[1].isEmpty })
        #expect(run.stdout.contains("# white-house ('Maison Blanche', English 'White House'): 'MAISON BLANCHE' 2 occurrences in 2 documents"))
        // With English filled in, the output is a valid glossary file whose examples match.
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let filled = lines.map { line -> String in
            guard !line.hasPrefix("#"), line != header else { return line }
            var fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            fields[1] = "English " + fields[2]
            return fields.joined(separator: "\t")
        }.joined(separator: "\n") + "\n"
        let file = try scratch.write(filled, to: "suggested.tsv")
        let validate = Self.run(["validate", file])
        #expect(validate.exitCode == .ok, "\(validate.stdout)")
        // Without --header: rows in the glossary's own columns, ready to paste below its header.
        let plain = Self.run(["suggest", "-g", Self.glossaries, "--min-occurrences", "1", "--limit", "3", Self.corpus])
        let plainRows = plain.stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }
        #expect(plainRows.count == 3)
        #expect(plainRows.allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 9 }, "the shipped files have 9 columns")
        #expect(plainRows.first?.hasPrefix("ukrainiens\t\tUkrainiens\t") == true)
    }
}
