import Testing

@testable import Align

/// One test per matching rule of the scan issue, each run through the fast scanner and checked
/// against the reference matcher, with multibyte text before and inside the matches.
@Suite("Matching rules")
struct MatchingRuleTests {
    struct Hit: Equatable, CustomStringConvertible {
        var surface: String
        var id: String
        var kind: MatchKind
        var description: String { "\(surface)=\(id)/\(kind.rawValue)" }
    }

    static func concept(_ id: String, _ french: [String], avoid: [String] = [], flags: GlossaryFlags = []) -> Concept {
        Concept(id: id, english: id.uppercased(), french: french, frenchAvoid: avoid, flags: flags)
    }

    /// The matches of `text`, after checking that the reference matcher agrees on every offset.
    static func hits(_ text: String, _ concepts: [Concept], nearMisses: Bool = false) -> [Hit] {
        let scanner = TermScanner(glossary: CompiledGlossary(concepts: concepts), detectsNearMisses: nearMisses)
        let matches = scanner.scan(text)
        let utf8 = Array(text.utf8)
        if !nearMisses {
            let reference = TermMatcher(concepts: concepts).occurrences(in: text)
            #expect(matches.map { [$0.start, $0.termStart, $0.end] } == reference.map { [$0.start, $0.termStart, $0.end] }, "reference disagrees on \(text)")
        }
        return matches.map { match in
            let entry = scanner.glossary.entries[Int(match.entry)]
            return Hit(surface: String(decoding: utf8[match.start..<match.end], as: UTF8.self), id: concepts[Int(entry.conceptIndex)].id, kind: match.kind)
        }
    }

    @Test("case and diacritics are folded unless the concept has the case flag")
    func folding() {
        let us = Self.concept("us", ["États-Unis"])
        #expect(Self.hits("Les ETATS-UNIS, les Etats-Unis et les États-Unis.", [us]).map(\.surface) == ["ETATS-UNIS", "Etats-Unis", "États-Unis"])
        let nato = Self.concept("nato", ["OTAN"], flags: .caseSensitive)
        #expect(Self.hits("l'OTAN et l'Otan", [nato]).map(\.surface) == ["l'OTAN"])
    }

    @Test("every apostrophe, hyphen and space variant is one character", arguments: ["l'OTAN", "l’OTAN", "l‘OTAN", "lʼOTAN", "l´OTAN"])
    func apostrophes(text: String) {
        let hits = Self.hits("Créée en 1949, \(text) s’élargit.", [Self.concept("nato", ["OTAN"])])
        #expect(hits == [Hit(surface: text, id: "nato", kind: .elided)])
    }

    @Test("spaces of every width and hyphens are equal between words")
    func spaces() {
        let kim = Self.concept("kim", ["Kim Jong Un"])
        let text = "Kim Jong-un, Kim\u{00A0}Jong\u{202F}Un, Kim Jong un, Kim‑Jong‑Un"
        #expect(Self.hits(text, [kim]).map(\.surface) == ["Kim Jong-un", "Kim\u{00A0}Jong\u{202F}Un", "Kim Jong un", "Kim‑Jong‑Un"])
    }

    @Test("word boundaries: never inside a longer word, always next to punctuation")
    func boundaries() {
        let nato = Self.concept("nato", ["OTAN"])
        #expect(Self.hits("OTANIEN, SOTAN et otans", [nato]).isEmpty)
        let text = "(OTAN) OTAN. « OTAN » d'OTAN l’OTAN OTAN-Russie"
        #expect(Self.hits(text, [nato]).map(\.surface) == ["OTAN", "OTAN", "OTAN", "d'OTAN", "l’OTAN", "OTAN"])
    }

    @Test("elisions are part of the surface, not of the term", arguments: ["l'", "d'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "s'", "n'", "c'", "j'", "m'", "t'"])
    func elisions(elision: String) {
        let hits = Self.hits("Il dit \(elision)Ukraine.", [Self.concept("ukraine", ["Ukraine"])])
        #expect(hits == [Hit(surface: elision + "Ukraine", id: "ukraine", kind: .elided)])
    }

    @Test("common nouns and adjectives inflect; names and exact entries do not")
    func inflection() {
        let concepts = [
            Self.concept("nk", ["nord-coréen"]),
            Self.concept("lrm", ["missile à longue portée"]),
            Self.concept("sys", ["système de missiles tactiques"]),
            Self.concept("kursk", ["Koursk"]),
            Self.concept("exact", ["drone"], flags: .exact),
        ]
        let text = "nord-coréen, nord-coréenne, nord-coréens, nord-coréennes; des missiles à longue portée; les systèmes de missiles tactiques; Koursks; drones"
        #expect(
            Self.hits(text, concepts).map(\.description) == [
                "nord-coréen=nk/exact", "nord-coréenne=nk/inflected", "nord-coréens=nk/inflected", "nord-coréennes=nk/inflected",
                "missiles à longue portée=lrm/inflected", "systèmes de missiles tactiques=sys/inflected",
            ])
    }

    @Test("leftmost-longest: longer forms win and matches never overlap")
    func leftmostLongest() {
        let concepts = [
            Self.concept("korea", ["Corée"]),
            Self.concept("north-korea", ["Corée du Nord"]),
            Self.concept("south-korea", ["République de Corée"]),
            Self.concept("state-dept", ["Département d'État"]),
            Self.concept("us-state-dept", ["Département d'État américain"]),
        ]
        let text = "La Corée du Nord, la République de Corée, la Corée, le Département d’État américain et le Département d'État."
        #expect(
            Self.hits(text, concepts).map(\.description) == [
                "Corée du Nord=north-korea/exact", "République de Corée=south-korea/exact", "Corée=korea/exact",
                "Département d’État américain=us-state-dept/folded", "Département d'État=state-dept/exact",
            ])
    }

    @Test("match kinds: variant, avoided, folded")
    func kinds() {
        let concepts = [Self.concept("kyiv", ["Kiev", "Kyiv"]), Self.concept("atacms", ["ATACMS"], avoid: ["ATACM"])]
        #expect(
            Self.hits("Kiev, Kyiv, KIEV, ATACM, ATACMS", concepts).map(\.description) == [
                "Kiev=kyiv/exact", "Kyiv=kyiv/variant", "KIEV=kyiv/folded", "ATACM=atacms/avoided", "ATACMS=atacms/exact",
            ])
    }

    @Test("a term never crosses a line break")
    func lineBreaks() {
        let concepts = [Self.concept("nk", ["Corée du Nord"])]
        #expect(Self.hits("la Corée du\nNord et la Corée du\r\nNord", concepts).isEmpty)
        #expect(Self.hits("la Corée\tdu Nord", concepts).map(\.surface) == ["Corée\tdu Nord"])
    }

    @Test("byte offsets and columns count multibyte text correctly")
    func offsets() throws {
        let concepts = [Self.concept("kursk", ["Koursk"]), Self.concept("oe", ["œuvre"])]
        let text = "éé’—« Koursk »\nœuvre, Œuvre et oeuvre — Koursk"
        let scanner = TermScanner(glossary: CompiledGlossary(concepts: concepts))
        let matches = scanner.scan(text)
        let utf8 = Array(text.utf8)
        #expect(matches.map { String(decoding: utf8[$0.start..<$0.end], as: UTF8.self) } == ["Koursk", "œuvre", "Œuvre", "oeuvre", "Koursk"])
        #expect(matches.map(\.line) == [1, 2, 2, 2, 2])
        #expect(matches.map(\.column) == [7, 1, 8, 17, 26])
        let index = LineIndex(bytes: utf8)
        for match in matches {
            let position = index.position(ofByte: match.start)
            #expect(position.line == match.line && position.column == match.column)
        }
    }

    @Test("soft hyphens and zero-width characters do not break words")
    func invisibleCharacters() {
        let hits = Self.hits("Kou\u{00AD}rsk et Ko\u{200B}ursk", [Self.concept("kursk", ["Koursk"])])
        #expect(hits.map(\.surface) == ["Kou\u{00AD}rsk", "Ko\u{200B}ursk"])
    }
}

/// Possible misspellings of names and acronyms.
@Suite("Near misses")
struct NearMissTests {
    static let concepts = [
        MatchingRuleTests.concept("zelensky", ["Volodymyr Zelensky", "Zelensky"]),
        MatchingRuleTests.concept("atacms", ["ATACMS"]),
        MatchingRuleTests.concept("north-korea", ["Corée du Nord"]),
        MatchingRuleTests.concept("russia", ["Russie"]),
        MatchingRuleTests.concept("putin", ["Poutine"], flags: .caseSensitive),
    ]

    static func hits(_ text: String) -> [MatchingRuleTests.Hit] {
        MatchingRuleTests.hits(text, concepts, nearMisses: true)
    }

    @Test("one edit from a name or acronym is reported with the form it resembles")
    func misspellings() {
        let hits = Self.hits("Hier, le président Volodomyr Zelensky a reçu des ATACM et des ATAMCS de la Corrée du Nord.")
        #expect(
            hits.map(\.description) == [
                "Volodomyr Zelensky=zelensky/misspelled", "ATACM=atacms/misspelled", "ATAMCS=atacms/misspelled",
                "Corrée du Nord=north-korea/misspelled",
            ])
    }

    @Test("no near miss on ordinary words, short words, sentence starts or other first letters")
    func noNoise() {
        #expect(Self.hits("Russe, il parle. Routine oblige. La Russe est là. Un Tussie, une Rusie, la Russiie ? Zelenski. Il cite Zelenski.").map(\.description) == ["Russiie=russia/misspelled", "Zelenski=zelensky/misspelled"])
        #expect(Self.hits("Les russes et la routine de la corée.").isEmpty)
    }

    @Test("what is remembered of a word's candidates depends on its capitals, and lines in between change nothing")
    func rememberedCandidates() {
        // `Atacm` (not in capitals, too short for a name) has no candidate, `ATACM` has one: the
        // scanner remembers per word whether it has candidates, and the two share a folded form.
        let text = "Un Atacm ici.\nPuis Marcel et Gaston.\nDes ATACM là.\nEncore Atacm, Marcel.\nEt ATACM."
        #expect(Self.hits(text).map(\.description) == ["ATACM=atacms/misspelled", "ATACM=atacms/misspelled"])
    }

    @Test("a near miss whose misspelled word ends a longer form is found far along a long line")
    func nearMissEndingAForm() {
        // The scanner looks for near misses only from starts within a form's length of an unknown
        // capitalized word: here the misspelled word is the third token of its form, after fifty
        // tokens that start nothing.
        let concepts = [MatchingRuleTests.concept("juncker", ["Jean-Claude Juncker"]), MatchingRuleTests.concept("zelensky", ["Volodymyr Zelensky", "Zelensky"])]
        let filler = Array(repeating: "le très long discours de la commission", count: 8).joined(separator: " et ")
        let text = "Selon \(filler), Jean-Claude Junker répond à Volodymyr Zelenskyy ; Junker seul, non."
        #expect(MatchingRuleTests.hits(text, concepts, nearMisses: true).map(\.description) == ["Jean-Claude Junker=juncker/misspelled", "Volodymyr Zelenskyy=zelensky/misspelled"])
    }

    @Test("a scanner reused across texts, in turn and at once, answers as a new one does")
    func reusedScanner() async {
        // Scans hand their word cache and near-miss memo on to the next scan: what one text
        // taught them must not change another's matches.
        let texts = [
            "Un Atacm ici, des ATACM là, Volodomyr Zelensky et la Corrée du Nord.",
            "La Corée du Nord, Zelenski, Marcel et Gaston ; des ATACMS.\nPuis Routine et Russiie.",
            "ATACM, Atacm, Zelensky, Volodymyr Zelensky, la Russie.",
        ]
        let scanner = TermScanner(glossary: CompiledGlossary(concepts: Self.concepts), detectsNearMisses: true)
        let fresh = texts.map { TermScanner(glossary: scanner.glossary, detectsNearMisses: true).scan($0) }
        for _ in 0..<3 {
            #expect(texts.map { scanner.scan($0) } == fresh)
        }
        let together = await withTaskGroup(of: (Int, [ScanMatch]).self) { group in
            for round in 0..<12 { group.addTask { (round, scanner.scan(texts[round % texts.count])) } }
            var results = [[ScanMatch]](repeating: [], count: 12)
            for await (round, matches) in group { results[round] = matches }
            return results
        }
        #expect(together == (0..<12).map { fresh[$0 % texts.count] })
    }

    @Test("a near miss may contain an exact match but never cuts one")
    func overlaps() {
        #expect(Self.hits("avec Volodomyr Zelensky.").map(\.description) == ["Volodomyr Zelensky=zelensky/misspelled"])
        #expect(Self.hits("avec Zelensky.").map(\.description) == ["Zelensky=zelensky/variant"])
    }

    @Test("a near-miss spelling used three times in one text is deliberate, and what it contained comes back")
    func recurringSpellings() {
        let twice = "Le président Volodomyr Zelensky parle. Hier, Volodomyr Zelensky a parlé."
        #expect(Self.hits(twice).map(\.kind) == [.misspelled, .misspelled])
        let thrice = twice + " Enfin, Volodomyr Zelensky se tait."
        #expect(Self.hits(thrice).map(\.description) == Array(repeating: "Zelensky=zelensky/variant", count: 3))
    }
}
