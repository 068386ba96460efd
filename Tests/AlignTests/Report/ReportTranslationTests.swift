import Foundation
import Testing

@testable import Align

/// `aligncli report` on a bilingual corpus: each French document aligned with its English
/// translation, and `missing-canonical`, `untranslated-term` and English `avoided-term` findings
/// through every format, baselines and `--fail-on`; `--no-translations` and corpora without `en/`
/// as before.
@Suite("report: English translations")
struct ReportTranslationTests {
    static let glossaries = RepositoryPaths.glossaries
    static let corpus = RepositoryPaths.corpus
    static let translationChecks: Set<String> = [MissingCanonicalCheck.descriptor.id, UntranslatedTermCheck.descriptor.id]

    /// One deliberate slip of the seed translations, as a finding must show it.
    struct Slip: Hashable, CustomStringConvertible {
        var check: String
        var concept: String
        /// The file name.
        var file: String
        /// The English surface; the French term for `missing-canonical`.
        var term: String
        var description: String { "\(file) \(check) \(concept) '\(term)'" }
    }

    /// The slips of `Fixtures/alignment/seed-slips.tsv`, with the French term of those the English lacks.
    static func seedSlips() throws -> (slips: Set<Slip>, french: [Slip: String]) {
        let text = String(decoding: try InputFiles.read(RepositoryPaths.fixtures + "/alignment/seed-slips.tsv"), as: UTF8.self)
        var slips = Set<Slip>()
        var french: [Slip: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("file\t") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            let isMissing = fields[1] == MissingCanonicalCheck.descriptor.id
            let slip = Slip(check: fields[1], concept: fields[2], file: fields[0], term: isMissing ? fields[3] : fields[4])
            slips.insert(slip)
            french[slip] = fields[3]
        }
        return (slips, french)
    }

    static func json(_ run: CapturedIO.Run) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
    }

    static func findings(_ document: [String: Any]) throws -> [[String: Any]] {
        try #require(document["findings"] as? [[String: Any]])
    }

    static func englishFindings(_ document: [String: Any]) throws -> [[String: Any]] {
        try findings(document).filter { $0["language"] as? String == "en" || translationChecks.contains($0["check"] as? String ?? "") }
    }

    static func file(_ finding: [String: Any]) -> String {
        ((finding["location"] as? [String: Any])?["file"] as? String) ?? ""
    }

    /// The findings of the French text, without the machine-dependent part of their paths.
    static func frenchFindings(_ document: [String: Any], root: String) throws -> [String] {
        try findings(document).filter { $0["language"] as? String == "fr" }.map { finding in
            let place = file(finding).replacingOccurrences(of: root, with: "<corpus>")
            return "\(finding["check"] ?? "") \(finding["fingerprint"] ?? "") \(place) \(finding["message"] ?? "")"
        }
    }

    /// A copy of the shipped corpus in a scratch folder: every French document, and the
    /// translations named by `english` (all of them by default).
    static func copyCorpus(to scratch: ScratchDirectory, english: ((String) -> Bool) = { _ in true }) throws -> String {
        let root = scratch.path + "/corpus"
        for language in ["fr", "en"] {
            try FileManager.default.createDirectory(atPath: root + "/" + language, withIntermediateDirectories: true)
            for file in try InputFiles.expand(corpus + "/" + language, extensions: ["txt"]) {
                let name = URL(fileURLWithPath: file).lastPathComponent
                guard language == "fr" || english(name) else { continue }
                try scratch.write(try InputFiles.read(file), to: "corpus/\(language)/\(name)")
            }
        }
        return root
    }

    @Test("on the shipped corpus: exactly the six slips of seed-slips.tsv, in the English files")
    func seedSlips() throws {
        let run = CapturedIO.run(["report", "-g", Self.glossaries, "--format", "json", Self.corpus])
        #expect(run.exitCode == .findings)
        let document = try Self.json(run)
        let english = try Self.englishFindings(document)
        let (expected, frenchTerms) = try Self.seedSlips()
        #expect(expected.count == 6)
        var found = Set<Slip>()
        for finding in english {
            let entry = try #require(finding["entry"] as? [String: Any])
            let slip = Slip(
                check: finding["check"] as? String ?? "", concept: entry["id"] as? String ?? "",
                file: URL(fileURLWithPath: Self.file(finding)).lastPathComponent, term: finding["term"] as? String ?? "")
            #expect(found.insert(slip).inserted, "one finding per slip: \(slip)")
            #expect(finding["language"] as? String == "en", "\(slip)")
            #expect(Self.file(finding).hasSuffix("corpus/en/" + slip.file), "\(slip) is located in the translation")
            #expect(finding["occurrences"] as? Int == 1)
            let evidence = try #require(finding["evidence"] as? [[String: Any]])
            if slip.check == MissingCanonicalCheck.descriptor.id {
                // The English sentence, then the French term in the French file.
                let last = try #require(evidence.last)
                #expect(last["surface"] as? String == frenchTerms[slip])
                #expect(((last["location"] as? [String: Any])?["file"] as? String)?.hasSuffix("corpus/fr/" + slip.file) == true)
            } else {
                #expect(evidence.first?["surface"] as? String == slip.term)
            }
        }
        #expect(found == expected, "missed: \(expected.subtracting(found)); unexpected: \(found.subtracting(expected))")
        let documents = try #require(document["documents"] as? [[String: Any]])
        #expect(documents.count == 5)
        for summary in documents {
            let translation = try #require(summary["translation"] as? [String: Any], "every seed article has a translation")
            #expect((translation["path"] as? String)?.contains("/corpus/en/") == true)
            #expect((translation["links"] as? Int ?? 0) > 0)
        }
    }

    @Test("the English findings in every format")
    func formats() throws {
        let text = CapturedIO.run(["report", "-g", Self.glossaries, Self.corpus]).stdout
        #expect(text.contains("corpus/en/000_cfba520f93c225c9.txt:5:74: warning: 'Koursk' of kursk is left in French in the English translation: write 'Kursk' [untranslated-term]"))
        #expect(text.contains("corpus/en/004_25c71a11cc7808fb.txt:3:1: error: avoided English form 'Kiev' of kyiv: write 'Kyiv' (French 'Kiev') [avoided-term]"))
        #expect(text.contains("warning: 'OTAN' (nato) is not rendered as 'NATO' in the English translation [missing-canonical]"))
        #expect(text.contains("translation: " + Self.corpus + "/en/003_9becd614287ec202.txt, "))
        let markdown = CapturedIO.run(["report", "-g", Self.glossaries, "--format", "markdown", Self.corpus]).stdout
        #expect(markdown.contains("## missing-canonical (2 warnings)"))
        #expect(markdown.contains("## untranslated-term (2 warnings)"))
        #expect(markdown.contains("| `missing-canonical` | warning | 2 | 2 |"))
        let sarif = try Self.json(CapturedIO.run(["report", "-g", Self.glossaries, "--format", "sarif", Self.corpus]))
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.filter { $0["id"] as? String == AvoidedTermCheck.descriptor.id }.count == 1, "one rule for avoided forms in both languages")
        let results = try #require(run["results"] as? [[String: Any]])
        let english = results.filter { result in
            let uri = ((((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String) ?? ""
            return uri.contains("corpus/en/")
        }
        #expect(english.count == 6)
        for result in english {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        let github = CapturedIO.run(["report", "-g", Self.glossaries, "--format", "github", Self.corpus]).stdout.split(separator: "\n")
        #expect(github.filter { $0.contains("corpus/en/") && $0.contains("title=untranslated-term::") }.count == 2)
        #expect(github.filter { $0.hasPrefix("::error ") && $0.contains("corpus/en/") && $0.contains("title=avoided-term::") }.count == 2)
        let html = CapturedIO.run(["report", "-g", Self.glossaries, "--format", "html", Self.corpus]).stdout
        #expect(html.components(separatedBy: "data-check=\"missing-canonical\"").count - 1 == 2)
        #expect(html.contains("<span class=\"language\">English translation</span>"))
        #expect(html.contains("<mark class=\"translation\">Koursk</mark>"))
    }

    @Test("--no-translations drops the English findings and changes nothing else")
    func noTranslations() throws {
        let with = try Self.json(CapturedIO.run(["report", "-g", Self.glossaries, "--format", "json", Self.corpus]))
        let run = CapturedIO.run(["report", "-g", Self.glossaries, "--format", "json", "--no-translations", Self.corpus])
        let without = try Self.json(run)
        #expect(try Self.englishFindings(without).isEmpty)
        #expect(try Self.frenchFindings(without, root: Self.corpus) == Self.frenchFindings(with, root: Self.corpus))
        let documents = try #require(without["documents"] as? [[String: Any]])
        #expect(documents.allSatisfy { $0["translation"] == nil })
        #expect(run.stderr == "2 errors, 1 warning, 1 note in 5 documents\n")
    }

    @Test("a corpus folder without en/ is read as before; a document without a translation is not pair-checked")
    func partialCorpora() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let reference = try Self.json(CapturedIO.run(["report", "-g", Self.glossaries, "--format", "json", "--no-translations", Self.corpus]))
        let frenchOnly = try Self.copyCorpus(to: scratch, english: { _ in false })
        try FileManager.default.removeItem(atPath: frenchOnly + "/en")
        let plain = try Self.json(CapturedIO.run(["report", "-g", Self.glossaries, "--format", "json", frenchOnly]))
        #expect(try Self.englishFindings(plain).isEmpty)
        #expect(try Self.frenchFindings(plain, root: frenchOnly) == Self.frenchFindings(reference, root: Self.corpus))
        // corpus/fr given directly: French only, the same keys and fingerprints.
        let direct = try Self.json(CapturedIO.run(["report", "-g", Self.glossaries, "--format", "json", Self.corpus + "/fr"]))
        #expect(try Self.englishFindings(direct).isEmpty)
        // Only 000 translated: only its slip, only its summary names a translation.
        let other = try ScratchDirectory()
        defer { other.remove() }
        let partial = try Self.copyCorpus(to: other, english: { $0.hasPrefix("000_") })
        let document = try Self.json(CapturedIO.run(["report", "-g", Self.glossaries, "--format", "json", partial]))
        let english = try Self.englishFindings(document)
        #expect(english.map { $0["check"] as? String } == [UntranslatedTermCheck.descriptor.id])
        #expect(english.map { $0["term"] as? String } == ["Koursk"])
        let documents = try #require(document["documents"] as? [[String: Any]])
        #expect(documents.map { $0["translation"] != nil } == [true, false, false, false, false])
    }

    @Test("baselines and --fail-on count the English findings like the others")
    func baselineAndFailOn() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let root = try Self.copyCorpus(to: scratch)
        let baseline = scratch.path + "/baseline.json"
        #expect(CapturedIO.run(["report", "-g", Self.glossaries, "--write-baseline", baseline, root]).exitCode == .findings)
        let recorded = try ReportBaseline.read(baseline)
        #expect(recorded.findings.filter { Self.translationChecks.contains($0.check) }.count == 4)
        #expect(recorded.findings.filter { $0.check == AvoidedTermCheck.descriptor.id }.map(\.term).sorted() == ["ATACM", "Kiev", "Volodomyr Zelensky", "elected president"])
        #expect(CapturedIO.run(["report", "-g", Self.glossaries, "--baseline", baseline, "--fail-on", "warning", root]).exitCode == .ok)
        // A new untranslated form (a warning) in one sentence of 000.
        let path = root + "/en/000_cfba520f93c225c9.txt"
        var text = String(decoding: try InputFiles.read(path), as: UTF8.self)
        text = text.replacingOccurrences(of: "as Moscow sees momentum", with: "as Moscou sees momentum")
        try scratch.write(text, to: "corpus/en/000_cfba520f93c225c9.txt")
        #expect(CapturedIO.run(["report", "-g", Self.glossaries, "--baseline", baseline, root]).exitCode == .ok, "a new warning does not fail on error")
        let warning = CapturedIO.run(["report", "-g", Self.glossaries, "--baseline", baseline, "--fail-on", "warning", "--format", "json", root])
        #expect(warning.exitCode == .findings)
        let fresh = try Self.findings(try Self.json(warning)).filter { $0["baseline"] as? String == "new" }
        #expect(fresh.map { $0["check"] as? String } == [UntranslatedTermCheck.descriptor.id])
        #expect(fresh.map { $0["term"] as? String } == ["Moscou"])
        // A new English avoided form is an error.
        text = text.replacingOccurrences(of: "as much aid as possible to Kyiv", with: "as much aid as possible to Kiev")
        try scratch.write(text, to: "corpus/en/000_cfba520f93c225c9.txt")
        let error = CapturedIO.run(["report", "-g", Self.glossaries, "--baseline", baseline, "--format", "github", root])
        #expect(error.exitCode == .findings)
        #expect(error.stdout.split(separator: "\n").filter { $0.hasPrefix("::error ") }.count == 1)
        #expect(error.stdout.contains("title=avoided-term::avoided English form 'Kiev' of kyiv"))
    }

    @Test("a translation that is not text is an input problem, and the French document is still reported")
    func unreadableTranslation() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let root = try Self.copyCorpus(to: scratch)
        try scratch.write([0x4B, 0x69, 0x65, 0x76, 0xE9, 0x0A], to: "corpus/en/004_25c71a11cc7808fb.txt")
        let run = CapturedIO.run(["report", "-g", Self.glossaries, "--format", "json", root])
        #expect(run.exitCode == .dataError)
        #expect(run.stderr.contains("corpus/en/004_25c71a11cc7808fb.txt:1:5: error: invalid UTF-8 at byte offset 4; the translation is not checked"))
        let english = try Self.englishFindings(try Self.json(run))
        #expect(english.count == 4, "the other four translations are checked")
        #expect(!english.contains { Self.file($0).contains("004_") })
    }
}
