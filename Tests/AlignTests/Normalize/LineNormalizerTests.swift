import Testing

@testable import Align

/// Typography normalization of one line: every change, its provenance, and idempotence.
@Suite("Normalize: line normalization")
struct LineNormalizerTests {
    static func normalized(_ text: String, _ configure: (inout NormalizeOptions) -> Void = { _ in }) -> String {
        var options = NormalizeOptions()
        configure(&options)
        return String(decoding: LineNormalizer(options: options).normalize(Array(text.utf8)).text, as: UTF8.self)
    }

    @Test("one apostrophe between letters; quotes left alone", arguments: [
        ("l’Ukraine aujourd’hui", "l'Ukraine aujourd'hui"), ("lʼOTAN qu´il", "l'OTAN qu'il"),
        ("'bonjour' et ‘salut’", "'bonjour' et ‘salut’"), ("les Jones’ voiture", "les Jones’ voiture"),
    ])
    func apostrophes(text: String, expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test("the typographic apostrophe on request")
    func typographicApostrophe() {
        #expect(Self.normalized("l'Ukraine d’Ukraine") { $0.apostrophe = .typographic } == "l’Ukraine d’Ukraine")
    }

    @Test("space variants become one space, runs collapse, line edges are trimmed", arguments: [
        ("a\u{00A0}b\u{202F}c\u{2009}d  e\t f", "a b c d e f"), ("  \u{00A0}début et fin \u{3000}", "début et fin"),
        ("100\u{00A0}000 soldats", "100 000 soldats"), ("\u{00A0}", ""), ("mot\u{00AD}\u{200B} suivant", "mot suivant"),
    ])
    func spaces(text: String, expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test("French spacing before : ; ! ? and inside « » kept as no-break spaces on request")
    func frenchSpacing() {
        let text = "Sources : il dit « oui » ; vraiment ? 100\u{00A0}000"
        #expect(Self.normalized(text) == "Sources : il dit « oui » ; vraiment ? 100 000")
        #expect(Self.normalized(text) { $0.frenchSpacing = .nbsp } == "Sources\u{A0}: il dit «\u{A0}oui\u{A0}» ; vraiment\u{A0}? 100 000".replacingOccurrences(of: " ;", with: "\u{A0};"))
        #expect(Self.normalized(text) { $0.frenchSpacing = .narrow } == "Sources\u{202F}: il dit «\u{202F}oui\u{202F}»\u{202F}; vraiment\u{202F}? 100 000")
        // Missing spaces are not invented.
        #expect(Self.normalized("ville: les") { $0.frenchSpacing = .nbsp } == "ville: les")
    }

    @Test("dashes: spaced dashes unified, dialogue dashes at line start, hyphens in words kept", arguments: [
        ("notent – des drones", "notent – des drones"), ("x - y -- z — w", "x – y – z – w"), ("-- Oui, dit-il.", "— Oui, dit-il."),
        ("— Non.", "— Non."), ("–Peut-être", "—Peut-être"), ("nord-coréen 2020–2024", "nord-coréen 2020–2024"),
        ("Jean\u{2011}Paul", "Jean-Paul"), ("-5 degrés", "-5 degrés"),
    ])
    func dashes(text: String, expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test("em dashes or hyphens on request")
    func dashStyles() {
        #expect(Self.normalized("x - y") { $0.dash = .em } == "x — y")
        #expect(Self.normalized("x — y") { $0.dash = .hyphen } == "x - y")
        #expect(Self.normalized("— Oui") { $0.dash = .hyphen } == "- Oui")
    }

    @Test("NFC", arguments: [("e\u{0301}te\u{0301}", "été"), ("\u{212B}ngström", "\u{00C5}ngström"), ("cafe\u{0301}’s", "café's")])
    func nfc(text: String, expected: String) {
        let result = Self.normalized(text)
        #expect(result.unicodeScalars.elementsEqual(expected.unicodeScalars))
    }

    @Test("glued sentences are split", arguments: [
        ("cette année.Selon des sources", "cette année. Selon des sources"), ("au sein de l'OTAN.Joe Biden", "au sein de l'OTAN. Joe Biden"),
        ("par les États-Unis.Le débat", "par les États-Unis. Le débat"), ("vraiment?!Non", "vraiment?! Non"), ("attendre…Puis", "attendre… Puis"),
    ])
    func glued(text: String, expected: String) {
        #expect(Self.normalized(text) == expected)
    }

    @Test("what looks glued but is not", arguments: [
        "M.Dupont", "U.S.Army", "3.5 millions", "www.Example.Com", "http://site.fr/Page.Html", "Donald J. Trump", "J.Trump",
        "écrire à jean@Mail.Com", "Mme.Dupont", "version 2.Le", "Forzarom.info", "v.Ab",
    ])
    func notGlued(text: String) {
        #expect(Self.normalized(text) == text)
    }

    static let samples = [
        "  Dans l’année.Selon «\u{00A0}des\u{00A0}» sources : 10\u{202F}000 – oui -- non ! e\u{0301}te\u{0301}\u{00AD} fin\t ",
        "— Qu’est-ce que c’est ?", "l'OTAN.Joe Biden ⟨Joe Biden⟩", "", "\u{0301}accent seul", "« »", "a\u{0001}b",
    ]

    @Test("normalizing a normalized line changes nothing", arguments: samples)
    func idempotent(text: String) {
        for apostrophe in NormalizeOptions.Apostrophe.allCases {
            for spacing in NormalizeOptions.FrenchSpacing.allCases {
                for dash in NormalizeOptions.Dash.allCases {
                    var options = NormalizeOptions()
                    options.apostrophe = apostrophe
                    options.frenchSpacing = spacing
                    options.dash = dash
                    let normalizer = LineNormalizer(options: options)
                    let once = normalizer.normalize(Array(text.utf8))
                    let twice = normalizer.normalize(once.text)
                    #expect(twice.edits.isEmpty, "\(apostrophe) \(spacing) \(dash): \(twice.edits)")
                    #expect(twice.text == once.text)
                }
            }
        }
    }

    @Test("edits rebuild the normalized line from the original bytes", arguments: samples)
    func provenance(text: String) {
        let source = Array(text.utf8)
        let line = LineNormalizer(options: NormalizeOptions()).normalize(source)
        let rebuilt = NormalizedLine.apply(line.edits, to: source) { Array(line.text[$0.target]) }
        #expect(rebuilt == line.text)
        for (first, second) in zip(line.edits, line.edits.dropFirst()) {
            #expect(first.source.upperBound <= second.source.lowerBound)
            #expect(first.target.upperBound <= second.target.lowerBound)
        }
    }

    @Test("normalized offsets map back to original byte offsets, multibyte text before and inside")
    func offsetMapping() {
        // "é’é  «x»": é (2 bytes), ’ (3 → 1), é, two spaces (→ 1), « (2), x, » (2).
        let source = Array("é’é  «x»".utf8)
        let line = LineNormalizer(options: NormalizeOptions()).normalize(source)
        #expect(String(decoding: line.text, as: UTF8.self) == "é'é «x»")
        // Normalized: é=0..<2 '=2..<3 é=3..<5 space=5..<6 «=6..<8 x=8..<9 »=9..<11.
        #expect(line.sourceStart(of: 0) == 0)
        #expect(line.sourceStart(of: 2) == 2)  // the apostrophe edit starts where ’ did
        #expect(line.sourceEnd(of: 3) == 5)  // … and ends where it did
        #expect(line.sourceStart(of: 3) == 5)
        #expect(line.sourceStart(of: 6) == 9)  // « after the collapsed spaces
        #expect(line.sourceEnd(of: 5) == 7)  // end of é before the spaces
        #expect(line.sourceEnd(of: 11) == source.count)
        // Trimmed edges: a segment starts after deleted leading spaces, ends before trailing ones.
        let padded = LineNormalizer(options: NormalizeOptions()).normalize(Array("  Été.  ".utf8))
        #expect(padded.sourceStart(of: 0) == 2)
        #expect(padded.sourceEnd(of: padded.text.count) == 2 + "Été.".utf8.count)
    }
}

/// The line normalizer's fast loop (plain ASCII, single spaces, Latin-1 letters skipped in one
/// run) against the general path taken for every scalar.
@Suite("Normalize: line normalizer fast loop")
struct LineNormalizerFastLoopTests {
    @Test("random lines: the same text and the same edits with and without the fast loop")
    func fastLoopAgrees() {
        var generator = SeededGenerator(seed: 0x5EED_0006)
        let pieces = [
            "a", "mot", "Été", "é", "e\u{301}", "A\u{30A}", "c\u{327}a", "é\u{301}", " ", "  ", "\u{00A0}", "\u{202F}", "\t", "'", "’", "-", "‐", " – ",
            "—", ".", "année.Selon", "M.", "U.S.", "3.5", "!", "?", " ?", " :", "«", "»", "\u{00AD}", "\u{200B}", "×", "ÿ", "Ÿ", "ß", "🙂", "\u{7F}", "\u{1}",
        ]
        for _ in 0..<600 {
            var line = ""
            for _ in 0..<Int.random(in: 0...24, using: &generator) { line += pieces.randomElement(using: &generator)! }
            for spacing in [NormalizeOptions.FrenchSpacing.space, .nbsp] {
                var options = NormalizeOptions()
                options.frenchSpacing = spacing
                let normalizer = LineNormalizer(options: options)
                let bytes = Array(line.utf8)
                let (fast, reference) = bytes.withUnsafeBufferPointer {
                    (normalizer.normalize(buffer: $0, skipsPlainRuns: true), normalizer.normalize(buffer: $0, skipsPlainRuns: false))
                }
                #expect(fast == reference, "\(line.unicodeScalars.map { String($0.value, radix: 16) })")
            }
        }
    }
}
