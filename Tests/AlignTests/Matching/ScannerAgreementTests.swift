import Testing

@testable import Align

/// The fast scanner must find exactly what the reference matcher finds.
@Suite("Scanner agrees with the reference matcher")
struct ScannerAgreementTests {
    static let stems = ["coréen", "missile", "portée", "OTAN", "Kiev", "Corée", "nord", "État", "système", "tactique", "cheval", "élu", "offensif", "Kim", "Jong", "un", "de", "du", "la", "l", "d", "ATACMS", "œuvre", "Saint", "Germain", "menteur", "premier", "nouvel"]
    static let endings = ["", "", "", "s", "e", "es", "ne", "nes", "x", "aux", "le", "ve", "se"]
    static let separators = [" ", " ", " ", "-", "\u{00A0}", "’", "'", ", ", ". ", " « ", "\u{202F}", "\u{00AD}", "\r", "  ", "—", "' ", " ’", " \r ", "\r-", " . ", "' '"]

    static func word(_ random: inout SeededGenerator) -> String {
        var word = stems.randomElement(using: &random)!
        if Bool.random(using: &random) { word += endings.randomElement(using: &random)! }
        switch Int.random(in: 0..<6, using: &random) {
        case 0: word = word.uppercased()
        case 1: word = word.prefix(1).uppercased() + word.dropFirst()
        case 2: word = word.lowercased()
        default: break
        }
        return word
    }

    static func phrase(_ random: inout SeededGenerator, words: ClosedRange<Int>) -> String {
        let count = Int.random(in: words, using: &random)
        var out = word(&random)
        for _ in 1..<max(count, 1) {
            out += [" ", "-", "'", " "].randomElement(using: &random)! + word(&random)
        }
        return out
    }

    @Test("random glossaries and texts, fixed seeds", arguments: 0..<40)
    func randomAgreement(seed: UInt64) {
        var random = SeededGenerator(seed: seed &* 7919 &+ 13)
        var concepts: [Concept] = []
        for index in 0..<Int.random(in: 3...25, using: &random) {
            let french = (0..<Int.random(in: 1...3, using: &random)).map { _ in Self.phrase(&random, words: 1...3) }
            let avoid = Bool.random(using: &random) ? [Self.phrase(&random, words: 1...2)] : []
            var flags: GlossaryFlags = []
            if Int.random(in: 0..<5, using: &random) == 0 { flags.insert(.caseSensitive) }
            if Int.random(in: 0..<5, using: &random) == 0 { flags.insert(.exact) }
            concepts.append(Concept(id: "c\(index)", english: "E\(index)", french: french, frenchAvoid: avoid, flags: flags))
        }
        var lines: [String] = []
        for _ in 0..<Int.random(in: 1...8, using: &random) {
            var line = ""
            for _ in 0..<Int.random(in: 0...30, using: &random) {
                line += Self.word(&random) + Self.separators.randomElement(using: &random)!
            }
            lines.append(line)
        }
        let text = lines.joined(separator: "\n")
        let reference = TermMatcher(concepts: concepts).occurrences(in: text)
        let scanner = TermScanner(glossary: CompiledGlossary(concepts: concepts), detectsNearMisses: false)
        let fast = scanner.scan(text)
        let entries = scanner.glossary.entries
        let fastView = fast.map { "\($0.start)-\($0.end)@\($0.termStart) \(scanner.glossary.form(of: entries[Int($0.entry)])) #\(entries[Int($0.entry)].conceptIndex) \($0.kind)" }
        let referenceView = reference.map { "\($0.start)-\($0.end)@\($0.termStart) \($0.form) #\($0.conceptIndex) \($0.kind)" }
        #expect(fastView == referenceView, "seed \(seed)\ntext: \(text.debugDescription)\nglossary: \(concepts.map { ($0.french, $0.frenchAvoid, $0.flags.names) })")
    }

    @Test("the seed corpus with the shipped glossary")
    func seedCorpusAgreement() throws {
        let glossary = try GlossaryLoader.load([RepositoryPaths.glossaries], validate: false).glossary
        let scanner = TermScanner(glossary: CompiledGlossary(concepts: glossary.concepts), detectsNearMisses: false)
        let reference = TermMatcher(concepts: glossary.concepts)
        for file in try InputFiles.expand(RepositoryPaths.corpus + "/fr", extensions: ["txt"]) {
            let text = String(decoding: try InputFiles.read(file), as: UTF8.self)
            let fast = scanner.scan(text).map { [$0.start, $0.termStart, $0.end, Int(scanner.glossary.entries[Int($0.entry)].conceptIndex)] }
            let slow = reference.occurrences(in: text).map { [$0.start, $0.termStart, $0.end, $0.conceptIndex] }
            #expect(fast == slow, "\(file)")
            #expect(!fast.isEmpty)
        }
    }
}
