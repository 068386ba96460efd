import Testing

@testable import Align

/// The `uncovered-term` heuristic on synthetic French text: names mid-sentence, acronyms and runs
/// are found; capitalized ordinary words at sentence starts, headings and titles are not.
@Suite("report: candidate terms")
struct CandidateExtractorTests {
    static func observations(_ text: String, matches: [ScanMatch] = []) -> [(text: String, uncertain: Bool, count: Int)] {
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        var extractor = CandidateExtractor(keepsSpans: false)
        let output = bytes.withUnsafeBufferPointer { extractor.extract(UnsafeBufferPointer(rebasing: $0[..<(bytes.count - 1)]), firstLine: 1, matches: matches) }
        return output.candidates.map { ($0.key.text, $0.key.uncertainPrefix > 0, $0.tally.count) }
    }

    /// The runs seen mid-sentence (sentence-initial ones are resolved later, against the corpus).
    static func texts(_ text: String) -> [String] { observations(text).filter { !$0.uncertain }.map(\.text) }

    @Test("names mid-sentence, acronyms, runs with particles, hyphenated numbers")
    func found() {
        #expect(Self.texts("Il a vu le Kremlin hier.") == ["Kremlin"])
        #expect(Self.texts("selon l'agence TASS et le G20") == ["TASS", "G20"])
        #expect(Self.texts("avec Leonid Slutsky, puis Golden Ten Data.") == ["Leonid Slutsky", "Golden Ten Data"])
        #expect(Self.texts("le général Charles de Gaulle et Jeanne d'Arc") == ["Charles de Gaulle", "Jeanne d'Arc"])
        #expect(Self.texts("des avions F-16 et des Su-34") == ["F-16", "Su-34"])
        #expect(Self.texts("la ville de Saint-Pétersbourg") == ["Saint-Pétersbourg"])
        #expect(Self.texts("après l'Élysée") == ["Élysée"], "a capital after an elision belongs to the name")
    }

    @Test("a sentence-initial capital is uncertain, after any opener")
    func uncertain() {
        let found = Self.observations("Hélas, il pleut. Bucha est loin ! Pyongyang dit : « Moscou ment » et puis — Washington répond (Paris aussi)")
        #expect(found.map(\.text) == ["Hélas", "Bucha", "Pyongyang", "Moscou", "Washington", "Paris"])
        #expect(found.allSatisfy { $0.uncertain })
        #expect(Self.observations("il pleut, Bucha est loin").map(\.uncertain) == [false])
        #expect(Self.observations("Selon Leonid Slutsky").map(\.uncertain) == [true])
        #expect(Self.observations("M. Dupont est venu.").first { $0.text == "Dupont" }?.uncertain == false, "an abbreviation's period ends no sentence")
        #expect(Self.observations("Une note de TASS. TASS dément.").filter { $0.text == "TASS" }.map { [$0.count] + ($0.uncertain ? [1] : []) } == [[2]], "acronyms are never uncertain")
    }

    @Test("no candidates in headings, titles, Roman numerals, lower-case text or glossary matches")
    func notFound() {
        #expect(Self.texts("UNE VEILLÉE AU VILLAGE.").isEmpty)
        #expect(Self.texts("Biden Authorizes Long Range Strikes Into Russia").isEmpty)
        #expect(Self.texts("au XIXe siècle, sous Louis XIV") == ["Louis"])
        #expect(Self.texts("les soldats ukrainiens et nord-coréens").isEmpty)
        #expect(Self.texts("un ministre, A. B. C. D. E. F. G. H. I. J.").isEmpty, "single letters are no names")
        let text = "le président Kim Jong-un arrive"
        let start = text.utf8.count - "Kim Jong-un arrive".utf8.count
        let match = ScanMatch(entry: 0, start: start, termStart: start, end: start + "Kim Jong-un".utf8.count, line: 1, column: 14, kind: .exact)
        #expect(Self.observations(text, matches: [match]).isEmpty)
        #expect(Self.texts("Le Président Biden De Washington Au Sommet Du G7 Avec Macron") .isEmpty, "a run of six names is a title")
    }

    @Test("a spaced dash separates; a hyphen joins")
    func dashes() {
        #expect(Self.texts("la Roma – Interviews") == ["Roma"])
        #expect(Self.observations("la Roma – Interviews").map(\.text) == ["Roma", "Interviews"], "after the dash, a sentence start")
        #expect(Self.observations("France – Politique et sports du jour").first { $0.text == "Politique" }?.uncertain == true)
    }

    @Test("positions are byte offsets, right after multibyte text", arguments: ["", "é", "œuvre’s — ", "Ça « va » "])
    func positions(_ prefix: String) throws {
        let text = prefix + "vu par l’agence Ria Novosti hier"
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        var extractor = CandidateExtractor(keepsSpans: true)
        let output = bytes.withUnsafeBufferPointer { extractor.extract(UnsafeBufferPointer(rebasing: $0[..<(bytes.count - 1)]), firstLine: 7, matches: []) }
        let span = try #require(output.spans.first { $0.key.text == "Ria Novosti" })
        #expect(String(decoding: bytes[span.position.start..<span.position.end], as: UTF8.self) == "Ria Novosti")
        #expect(span.position.line == 7)
        #expect(Excerpt.column(bytes, of: span.position.start) == prefix.unicodeScalars.count + 17)
    }

    @Test("the word hash set agrees with Set<UInt64>")
    func wordHashSet() {
        var generator = SeededGenerator(seed: 0x5EED_0003)
        var fast = WordHashSet(capacity: 4)
        var reference = Set<UInt64>()
        var keys: [UInt64] = [0, 1, UInt64.max]
        for _ in 0..<5000 { keys.append(UInt64.random(in: 0...5000, using: &generator) &* 0x9E37_79B9_7F4A_7C15) }
        for key in keys {
            fast.insert(key)
            reference.insert(key)
        }
        for probe in keys + [2, 3, 12345] {
            #expect(fast.contains(probe) == reference.contains(WordHashSet.stored(probe)) || fast.contains(probe) == reference.contains(probe))
        }
        var merged = WordHashSet()
        merged.formUnion(fast)
        #expect(keys.allSatisfy { merged.contains($0) })
        #expect(!merged.contains(424242))
    }

    @Test("batched insertion agrees with one-by-one insertion, across growth and duplicates")
    func wordHashSetBatches() {
        var generator = SeededGenerator(seed: 0x5EED_0004)
        var batched = WordHashSet(capacity: 2)
        var single = WordHashSet(capacity: 2)
        var reference = Set<UInt64>()
        for _ in 0..<40 {
            // Small key ranges repeat keys within and across batches; 0 and 1 share a slot value.
            var batch: [UInt64] = (0..<Int.random(in: 0...700, using: &generator)).map { _ in
                UInt64.random(in: 0...3000, using: &generator) &* 0x9E37_79B9_7F4A_7C15
            }
            batch += [0, 1]
            batch.withUnsafeBufferPointer { batched.insert(contentsOf: $0) }
            for key in batch {
                single.insert(key)
                reference.insert(WordHashSet.stored(key))
            }
            #expect(batched.count == reference.count)
            #expect(batched.count == single.count)
        }
        for probe in reference.shuffled(using: &generator).prefix(500) { #expect(batched.contains(probe)) }
        #expect(!batched.contains(2))
    }

    @Test("the hash slot map agrees with Dictionary")
    func hashSlots() {
        var fast = HashSlots(capacity: 2)
        var reference: [UInt64: Int] = [:]
        for index in 0..<3000 {
            let key = UInt64(index % 1200) &* 0xD6E8_FEB8_6659_FD93
            fast.set(index, for: key)
            reference[WordHashSet.stored(key)] = index
        }
        for index in 0..<1300 {
            let key = UInt64(index) &* 0xD6E8_FEB8_6659_FD93
            #expect(fast.value(for: key) == reference[WordHashSet.stored(key)] ?? -1)
        }
    }
}

/// The whole heuristic over several documents: ranking, the ≥ 2 rule, ordinary words, grouping.
@Suite("report: uncovered terms")
struct UncoveredTermTests {
    @Test("sentence-initial ordinary words do not flood, real names recur")
    func noFlood() throws {
        let documents = [
            "Hier, le Kremlin a répondu. Cependant rien ne change. Pourtant Pyongyang insiste.",
            "Toutefois le Kremlin dément. Ensuite le porte-parole du Kremlin parle. Pyongyang envoie des troupes.",
            "Désormais les troupes de Pyongyang avancent. Hier encore, rien. Ensuite, rien.",
        ]
        let found = try ReportFixtures.candidates(documents)
        #expect(found == ["Pyongyang", "Kremlin"], "\(found)")
    }

    @Test("a capitalized word the corpus also writes in lower case is an ordinary word")
    func ordinary() throws {
        let found = try ReportFixtures.candidates(["Selon l'État, l'État décide.", "Un état de crise ; les Ukrainiens et les Ukrainiens."])
        #expect(found == ["Ukrainiens"])
    }

    @Test("a function word before a name is dropped, and the rest counts")
    func strippedRun() throws {
        let found = try ReportFixtures.candidates(["Selon Leonid Slutsky, rien.", "Le député Leonid Slutsky parle."])
        #expect(found == ["Leonid Slutsky"])
        #expect(try ReportFixtures.candidates(["Selon le Kremlin, rien.", "Selon du Kremlin, et le Kremlin."]) == ["Kremlin"])
    }

    @Test("one occurrence is not enough; case variants are one candidate under the most frequent")
    func grouping() throws {
        #expect(try ReportFixtures.candidates(["Le Kremlin répond."]).isEmpty)
        let analysis = try ReportFixtures.analysis([], documents: ["le Kremlin, le Kremlin et le KREMLIN"], options: { var o = ReportOptions(); o.uncoveredLimit = 0; return o }())
        #expect(analysis.candidates.map(\.term) == ["Kremlin"])
        #expect(analysis.candidates.first?.spellings == ["Kremlin", "KREMLIN"])
        #expect(analysis.candidates.first?.occurrences == 3)
    }

    @Test("ranked by documents, then occurrences")
    func ranking() throws {
        let found = try ReportFixtures.candidates(["voir Alpha, Alpha, Alpha et Beta", "voir Beta et Gamma", "voir Gamma, Beta"])
        #expect(found == ["Beta", "Gamma", "Alpha"])
    }

    @Test("near-duplicates of entries are grouped under them")
    func nearDuplicates() throws {
        let glossary = [
            Concept(id: "volodymyr-zelensky", english: "Volodymyr Zelensky", french: ["Volodymyr Zelensky"]),
            Concept(id: "white-house", english: "White House", french: ["Maison Blanche"], flags: [.caseSensitive]),
        ]
        let analysis = try ReportFixtures.analysis(
            glossary, documents: ["le président Zelensky et la MAISON BLANCHE", "selon Zelensky, la MAISON BLANCHE et le Kremlin", "le Kremlin"],
            options: { var o = ReportOptions(); o.uncoveredLimit = 0; return o }())
        let byTerm = Dictionary(uniqueKeysWithValues: analysis.candidates.map { ($0.term, $0.resembles?.concept) })
        #expect(byTerm["Zelensky"] == .some(0))
        #expect(byTerm["MAISON BLANCHE"] == .some(1))
        #expect(byTerm["Kremlin"] == .some(nil))
        let findings = UncoveredTermCheck.findings(in: analysis)
        #expect(findings.map(\.term) == ["Kremlin", "Zelensky", "MAISON BLANCHE"], "new terms first, then near-duplicates by entry")
        #expect(findings[1].entry?.id == "volodymyr-zelensky")
        #expect(findings[1].message.contains("resembles 'Volodymyr Zelensky'"))
    }
}
