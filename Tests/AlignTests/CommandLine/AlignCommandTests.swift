import Foundation
import Testing

@testable import Align

/// `aligncli align` end to end, in-process: the seed pairs and their deliberate slips, every
/// output format, and the ways a run can go wrong.
@Suite("align command")
struct AlignCommandTests {
    static var glossaries: String { RepositoryPaths.glossaries }
    static var rules: String { RepositoryPaths.root + "/normalize/boilerplate.tsv" }
    static var french: String { RepositoryPaths.corpus + "/fr" }
    static var english: String { RepositoryPaths.corpus + "/en" }

    struct Slip: Hashable, CustomStringConvertible {
        var file: String
        var check: String
        var concept: String
        var surface: String
        var description: String { "\(file) \(check) \(concept) '\(surface)'" }
    }

    /// The deliberate slips of the English translations, as listed by whoever wrote them.
    static func slips() throws -> [Slip] {
        let text = try String(contentsOfFile: RepositoryPaths.fixtures + "/alignment/seed-slips.tsv", encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            // missing-canonical points at the French term; the other two at the English surface.
            return Slip(file: fields[0], check: fields[1], concept: fields[2], surface: fields[1] == "missing-canonical" ? fields[3] : fields[4])
        }
    }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("align-pair-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func seedNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: french).filter { $0.hasSuffix(".txt") }.sorted()
    }

    @Test("on the five seed pairs every deliberate slip is found, and nothing else")
    func seedSlips() throws {
        let glossary = try GlossaryLoader.load([Self.glossaries], validate: false).glossary
        let (fr, en) = PairAligner.documentNormalizers(boilerplate: try BoilerplateRules.load(path: Self.rules).rules)
        var lexicon = TranslationLexicon()
        lexicon.add(glossary)
        let pair = PairAligner(aligner: SentenceAligner(lexicon: lexicon), checker: TermPairChecker(concepts: glossary.concepts), french: fr, english: en)
        var found: [Slip] = []
        let names = try Self.seedNames()
        #expect(names.count == 5)
        for name in names {
            let alignment = try pair.align(frenchPath: Self.french + "/" + name, englishPath: Self.english + "/" + name)
            for finding in alignment.findings {
                let sentences = finding.check == "missing-canonical" ? alignment.french : alignment.english
                #expect(finding.location.file.hasSuffix(name))
                _ = sentences
                found.append(Slip(file: name, check: finding.check, concept: finding.conceptID, surface: finding.check == "missing-canonical" ? finding.french : finding.englishSurface))
            }
            // Links are monotone and cover each sentence once.
            #expect(alignment.links.flatMap { Array($0.french) } == Array(alignment.french.indices))
            #expect(alignment.links.flatMap { Array($0.english) } == Array(alignment.english.indices))
        }
        let expected = try Self.slips()
        #expect(expected.count == 6)
        #expect(Set(found) == Set(expected))
        #expect(found.count == expected.count)
    }

    @Test("a finding names the file, line and column of its surface")
    func findingLocation() throws {
        let name = "004_25c71a11cc7808fb.txt"
        let run = CapturedIO.run(["align", "-g", Self.glossaries, "--rules", Self.rules, Self.french + "/" + name, Self.english + "/" + name])
        #expect(run.exitCode == .findings)
        let englishLines = try String(contentsOfFile: Self.english + "/" + name, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        // Recompute where `Kiev` is, independently of the command.
        let (lineIndex, line) = try #require(englishLines.enumerated().first { $0.element.contains("Kiev") })
        let column = line[..<line.range(of: "Kiev")!.lowerBound].unicodeScalars.count + 1
        #expect(run.stderr.contains("\(Self.english)/\(name):\(lineIndex + 1):\(column): warning: 'Kiev' is to be avoided: use 'Kyiv' [avoided-term]"))
        #expect(run.stderr.contains("2 findings"))
    }

    @Test("without a glossary there are no findings and the exit status is 0")
    func noGlossary() throws {
        let name = try Self.seedNames()[0]
        let run = CapturedIO.run(["align", "--no-glossary", "--rules", Self.rules, Self.french + "/" + name, Self.english + "/" + name])
        #expect(run.exitCode == .ok)
        #expect(run.stderr.contains("0 findings"))
        // The translator split the first sentence in two.
        #expect(run.stdout.hasPrefix("[0]:[0, 1]\n"))
    }

    @Test("--sentences aligns one sentence per line; links cover both files")
    func sentences() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fr = folder.appendingPathComponent("fr.txt").path
        let en = folder.appendingPathComponent("en.txt").path
        try "Le 12 mai, Paris accueille le sommet de l'OTAN.\nLes dirigeants arrivent à 9 heures.\nIls partent le soir, après le dîner officiel.\n".write(toFile: fr, atomically: true, encoding: .utf8)
        try "On 12 May, Paris hosts the NATO summit.\nThe leaders arrive at 9 a.m.\nThey leave in the evening.\nThis is after the official dinner.\n".write(toFile: en, atomically: true, encoding: .utf8)
        let run = CapturedIO.run(["align", "--sentences", "-g", Self.glossaries, fr, en])
        #expect(run.exitCode == .ok)
        #expect(run.stdout == "[0]:[0]\n[1]:[1]\n[2]:[2, 3]\n")
    }

    @Test("every format writes something well-formed, and --output writes the same bytes atomically")
    func formats() throws {
        let name = "003_9becd614287ec202.txt"
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in AlignmentWriter.Format.allCases {
            let arguments = ["align", "-g", Self.glossaries, "--rules", Self.rules, "--format", format.rawValue, Self.french + "/" + name, Self.english + "/" + name]
            let run = CapturedIO.run(arguments)
            #expect(run.exitCode == .findings)
            #expect(!run.stdout.isEmpty)
            let path = folder.appendingPathComponent("out.\(format.rawValue)").path
            let toFile = CapturedIO.run(arguments + ["--output", path])
            #expect(toFile.stdout.isEmpty)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == run.stdout)
            switch format {
            case .tmx: #expect(run.stdout.contains("<tmx version=\"1.4\">"))
            case .xliff: #expect(run.stdout.contains("urn:oasis:names:tc:xliff:glossary:2.0"))
            case .html: #expect(run.stdout.contains("Atlantic Alliance"))
            case .links, .tsv: break
            }
        }
        // Same input, same bytes.
        let again = CapturedIO.run(["align", "-g", Self.glossaries, "--rules", Self.rules, "--format", "xliff", Self.french + "/" + name, Self.english + "/" + name])
        #expect(try String(contentsOfFile: folder.appendingPathComponent("out.xliff").path, encoding: .utf8) == again.stdout)
    }

    @Test("usage errors, missing and unreadable inputs: exit codes 64, 66, 65; no partial output")
    func errors() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = Self.french + "/" + (try Self.seedNames()[0])
        #expect(CapturedIO.run(["align", good]).exitCode == .usage)
        #expect(CapturedIO.run(["align", Self.french, Self.english]).exitCode == .usage)
        #expect(CapturedIO.run(["align", "--format", "tmxx", good, good]).stderr.contains("did you mean"))
        let missing = CapturedIO.run(["align", good, folder.appendingPathComponent("nope.txt").path])
        #expect(missing.exitCode == .noInput)
        #expect(missing.stderr.contains("nope.txt"))
        let bad = folder.appendingPathComponent("bad.txt").path
        try Data([0x4C, 0x61, 0x0A, 0x61, 0x62, 0xC3, 0x28, 0x0A]).write(to: URL(fileURLWithPath: bad))
        let output = folder.appendingPathComponent("out.links").path
        let invalid = CapturedIO.run(["align", "--no-glossary", "--output", output, good, bad])
        #expect(invalid.exitCode == .dataError)
        #expect(invalid.stderr.contains("bad.txt:2:3: invalid UTF-8 at byte offset 5"))
        #expect(!FileManager.default.fileExists(atPath: output))
        let missingDictionary = CapturedIO.run(["align", "--dictionary", folder.appendingPathComponent("none.index").path, good, good])
        #expect(missingDictionary.exitCode == .noInput)
    }
}
