import Foundation
import Testing

@testable import Align

/// The sentence aligner's invariants (monotone links covering every sentence once) on seeded
/// pseudo-random texts and degenerate inputs, the link shapes it must find in a hand-written
/// French–English text (split, merge, dropped and added sentences), and the lexicon its first
/// pass learns from Candide. Its accuracy on real books is `GoldAlignmentTests`.
@Suite("SentenceAligner")
struct SentenceAlignerTests {
    // MARK: - Checking links

    /// Records an issue unless `links` are monotone, each has a sentence on at least one side and
    /// one of the `BeadShape` shapes, and together they cover French `0..<french` and English
    /// `0..<english` exactly once, in order. Scores are finite, not negative, and 0 for a link
    /// with an empty side.
    static func expectMonotoneCover(
        _ links: [AlignmentLink], french: Int, english: Int, _ context: String = "",
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for problem in FuzzInvariants.monotoneCover(links, french: french, english: english) {
            Issue.record("\(context) \(problem)", sourceLocation: sourceLocation)
        }
    }

    /// The links as `[0, 1]:[0]` lines, for readable comparisons.
    static func ladder(_ links: [AlignmentLink]) -> [String] { links.map(\.bracketed) }

    // MARK: - Seeded pseudo-random texts

    /// Letters for random words: ASCII, accented and multibyte (`é`, `œ`, `’`) letters.
    static let letters: [String] = "abcdefghijklmnopqrstuvwxyzéèàçôœ".map(String.init) + ["’"]
    static let punctuation = [".", ",", ";", "!", "?", "—", "«", "»", "(", ")"]

    /// A vocabulary of random words (some numbers), so that words recur across sentences the way
    /// names and function words do.
    static func vocabulary(_ count: Int, using generator: inout SeededGenerator) -> [String] {
        (0..<count).map { _ in
            if Int.random(in: 0..<10, using: &generator) == 0 { return String(Int.random(in: 0...2000, using: &generator)) }
            return (0..<Int.random(in: 1...12, using: &generator)).map { _ in letters.randomElement(using: &generator)! }.joined()
        }
    }

    /// A random sentence of 0–30 words: sometimes empty or only white space, as a blank line is.
    static func sentence(from words: [String], blankLines: Bool = true, using generator: inout SeededGenerator) -> String {
        switch blankLines ? Int.random(in: 0..<20, using: &generator) : 2 {
        case 0: return ""
        case 1: return "  \t "
        default:
            var parts: [String] = []
            for _ in 0..<Int.random(in: 1...30, using: &generator) {
                parts.append(words.randomElement(using: &generator)!)
                if Int.random(in: 0..<6, using: &generator) == 0 { parts.append(punctuation.randomElement(using: &generator)!) }
            }
            if Int.random(in: 0..<4, using: &generator) == 0 { parts[0] = parts[0].capitalized }
            return parts.joined(separator: " ")
        }
    }

    static func text(sentences: Int, words: [String], blankLines: Bool = true, using generator: inout SeededGenerator) -> [String] {
        (0..<sentences).map { _ in sentence(from: words, blankLines: blankLines, using: &generator) }
    }

    /// The aligner settings under test, by name: the default two passes, the first pass alone
    /// (no learned lexicon), and plain Gale–Church.
    static let modes: [String: AlignerOptions] = {
        var firstPass = AlignerOptions()
        firstPass.passes = 1
        return ["default": AlignerOptions(), "first-pass": firstPass, "length-only": .lengthOnly]
    }()

    @Test("random texts of 0–60 sentences a side: links are monotone and cover each sentence once", arguments: ["default", "length-only"], 0..<40)
    func randomTexts(mode: String, seed: UInt64) throws {
        var generator = SeededGenerator(seed: seed)
        let options = try #require(Self.modes[mode])
        let words = Self.vocabulary(Int.random(in: 5...300, using: &generator), using: &generator)
        let french = Self.text(sentences: Int.random(in: 0...60, using: &generator), words: words, using: &generator)
        let english = Self.text(sentences: Int.random(in: 0...60, using: &generator), words: words, using: &generator)
        let links = SentenceAligner(options: options).align(french: french, english: english)
        Self.expectMonotoneCover(links, french: french.count, english: english.count, "seed \(seed) (\(french.count) vs \(english.count)):")
        #expect(SentenceAligner(options: options).align(french: french, english: english) == links, "the same input gives the same links")
    }

    /// Lopsided and empty sides, where the band around the diagonal has to widen to reach the end.
    @Test(
        "lopsided and empty sides: links are monotone and cover each sentence once",
        arguments: ["default", "length-only"], [(0, 0), (0, 1), (1, 0), (0, 60), (60, 0), (1, 1), (1, 300), (300, 1), (2, 300), (300, 2), (10, 300), (300, 10)])
    func lopsided(mode: String, counts: (french: Int, english: Int)) throws {
        var generator = SeededGenerator(seed: UInt64(counts.french * 1000 + counts.english))
        let options = try #require(Self.modes[mode])
        let words = Self.vocabulary(200, using: &generator)
        let french = Self.text(sentences: counts.french, words: words, using: &generator)
        let english = Self.text(sentences: counts.english, words: words, using: &generator)
        let links = SentenceAligner(options: options).align(french: french, english: english)
        Self.expectMonotoneCover(links, french: french.count, english: english.count, "\(counts.french) vs \(counts.english):")
        if counts.french == 0 || counts.english == 0 {
            // Nothing to pair with: one link per sentence, each with an empty other side.
            let expected = (0..<counts.french).map { AlignmentLink(french: $0..<($0 + 1), english: 0..<0, score: 0) }
                + (0..<counts.english).map { AlignmentLink(french: 0..<0, english: $0..<($0 + 1), score: 0) }
            #expect(links == expected)
        }
    }

    // MARK: - Identical texts

    /// The seeds (of 40) whose random text, aligned with itself, gives a link other than 1-1.
    static func identicalTextFailures(options: AlignerOptions, blankLines: Bool) -> [UInt64] {
        (0..<40).filter { seed in
            var generator = SeededGenerator(seed: 100 + seed)
            let words = vocabulary(Int.random(in: 5...300, using: &generator), using: &generator)
            let sentences = text(sentences: Int.random(in: 1...60, using: &generator), words: words, blankLines: blankLines, using: &generator)
            let links = SentenceAligner(options: options).align(french: sentences, english: sentences)
            return links.count != sentences.count || !links.allSatisfy { $0.french.count == 1 && $0.french == $0.english }
        }
    }

    /// The second pass's learned lexicon (function words included) still merges a blank line
    /// into a neighbour on a few seeds (see `droppedSentence`).
    @Test("the same random sentences on both sides give 1-1 links", arguments: ["default", "first-pass", "length-only"], [false, true])
    func identicalRandomTexts(mode: String, blankLines: Bool) throws {
        let options = try #require(Self.modes[mode])
        let failures = Self.identicalTextFailures(options: options, blankLines: blankLines)
        withKnownIssue("the second pass's learned function words merge a blank line into a neighbour") {
            #expect(failures.isEmpty, "seeds \(failures) of 40 give a link other than 1-1")
        } when: {
            mode == "default" && blankLines
        }
    }

    @Test("a whole book against itself gives 1-1 links", arguments: ["fr.txt", "en.txt"])
    func identicalBook(side: String) throws {
        let sentences = try GoldBook.lines(GoldBook.directory + "/Candide/" + side)
        let links = SentenceAligner().align(french: sentences, english: sentences)
        #expect(links.count == sentences.count)
        #expect(links.allSatisfy { $0.french.count == 1 && $0.french == $0.english })
    }

    @Test("the same short sentence repeated on both sides, in unequal numbers", arguments: ["default", "length-only"], [(50, 50), (50, 30), (30, 50)])
    func repeatedSentence(mode: String, counts: (french: Int, english: Int)) throws {
        let options = try #require(Self.modes[mode])
        let french = Array(repeating: "Oui.", count: counts.french)
        let english = Array(repeating: "Yes.", count: counts.english)
        let links = SentenceAligner(options: options).align(french: french, english: english)
        Self.expectMonotoneCover(links, french: counts.french, english: counts.english)
        if counts.french == counts.english { #expect(links.allSatisfy { $0.french.count == 1 && $0.english.count == 1 }) }
    }

    // MARK: - Planted alignments in random texts

    /// A random "translation": each French sentence's words through a fixed word-for-word
    /// substitution, except a fifth of the vocabulary that stays as it is (names, numbers), with
    /// the text cut into links of random shapes (mostly 1-1) that the aligner should find again.
    static func plantedTranslation(seed: UInt64) -> (french: [String], english: [String], links: [String]) {
        var generator = SeededGenerator(seed: 1000 + seed)
        let frenchWords = vocabulary(400, using: &generator)
        var substitution: [String: String] = [:]
        for word in frenchWords where Int.random(in: 0..<5, using: &generator) > 0 {
            substitution[word] = (0..<Int.random(in: 2...10, using: &generator)).map { _ in String("bdfgklmnprstvwz".randomElement(using: &generator)!) }.joined()
        }
        let shapes: [(french: Int, english: Int, weight: Int)] = [(1, 1, 80), (1, 2, 7), (2, 1, 7), (1, 0, 2), (0, 1, 2), (2, 2, 1), (1, 3, 1)]
        var beads: [Bead] = []
        for _ in 0..<Int.random(in: 40...60, using: &generator) {
            var pick = Int.random(in: 0..<shapes.reduce(0) { $0 + $1.weight }, using: &generator)
            var index = 0
            while pick >= shapes[index].weight {
                pick -= shapes[index].weight
                index += 1
            }
            let shape = shapes[index]
            // Sentences of 8–25 words, so that lengths say something and each has a few anchors.
            func words() -> [String] { (0..<Int.random(in: 8...25, using: &generator)).map { _ in frenchWords.randomElement(using: &generator)! } }
            let sentences = (0..<shape.french).map { _ in words() }
            var translated: [[String]] = []
            if shape.french == 0 {
                translated = [words().map { substitution[$0] ?? $0 }]
            } else if shape.english > 0 {
                // The translation cut into `shape.english` sentences of about the same length.
                let all = sentences.flatMap { $0 }.map { substitution[$0] ?? $0 }
                let size = (all.count + shape.english - 1) / shape.english
                translated = stride(from: 0, to: all.count, by: size).map { Array(all[$0..<min(all.count, $0 + size)]) }
            }
            beads.append(Bead(french: sentences.map { $0.joined(separator: " ") + "." }, english: translated.map { $0.joined(separator: " ") + "." }))
        }
        return texts(beads)
    }

    /// Pooled over 20 seeds, the share of planted links with sentences on both sides that are
    /// found exactly. Dropped and added sentences are mostly missed here (random words give
    /// little context); `droppedSentence` tests them in a real text.
    @Test("a planted alignment of random shapes in random texts is found again")
    func plantedAlignment() throws {
        var recall: [String: Double] = [:]
        for mode in ["default", "first-pass", "length-only"] {
            let options = try #require(Self.modes[mode])
            var planted = 0
            var found = 0
            for seed: UInt64 in 0..<20 {
                let (french, english, expected) = Self.plantedTranslation(seed: seed)
                let links = Set(Self.ladder(SentenceAligner(options: options).align(french: french, english: english)))
                let scored = expected.filter { !$0.contains("[]") }
                planted += scored.count
                found += scored.filter(links.contains).count
            }
            recall[mode] = Double(found) / Double(planted)
        }
        #expect(recall["length-only"]! >= 0.9, "\(recall)")
        #expect(recall["first-pass"]! >= recall["length-only"]!, "\(recall)")
        #expect(recall["default"]! >= 0.94 && recall["default"]! >= recall["first-pass"]!, "\(recall)")
    }

    // MARK: - Link shapes in a hand-written translation

    /// One link of the hand-written text: French sentences and their English translation.
    struct Bead {
        var french: [String]
        var english: [String]
    }

    /// A log of a fishing voyage with names, dates and numbers, translated sentence by sentence.
    static let voyage: [Bead] = [
        ("Le 12 mars 1869, le capitaine Ulysse Morel quitta le port de Saint-Malo à bord du Saint-Exupère.", "On 12 March 1869, Captain Ulysse Morel left the port of Saint-Malo aboard the Saint-Exupère."),
        ("Il avait quarante-deux ans et n’avait jamais vu l’Islande.", "He was forty-two years old and had never seen Iceland."),
        ("Son second, un Breton nommé Yves Le Goff, tenait le journal de bord.", "His mate, a Breton named Yves Le Goff, kept the ship’s log."),
        ("Le navire emportait 180 tonneaux de sel, 60 barils de farine et 14 hommes d’équipage.", "The ship carried 180 casks of salt, 60 barrels of flour and a crew of 14."),
        ("Pendant les 9 premiers jours, le vent resta favorable.", "For the first 9 days the wind stayed fair."),
        ("Le 21 mars, une tempête arracha le grand mât et emporta deux chaloupes.", "On 21 March a storm tore away the mainmast and carried off two boats."),
        ("Morel fit route vers Reykjavik, où il arriva le 2 avril avec 13 hommes seulement.", "Morel steered for Reykjavik, where he arrived on 2 April with only 13 men."),
        ("Le matelot Pierre Kerbrat avait disparu pendant la nuit du 22.", "The sailor Pierre Kerbrat had vanished during the night of the 22nd."),
        ("À Reykjavik, le consul Olafsson leur prêta 400 couronnes pour réparer le navire.", "In Reykjavik the consul Olafsson lent them 400 crowns to repair the ship."),
        ("Les réparations durèrent jusqu’au 30 mai.", "The repairs lasted until 30 May."),
        ("Le Saint-Exupère repartit alors vers le nord, vers les bancs de morue du Groenland.", "The Saint-Exupère then sailed north again, towards the cod banks of Greenland."),
        ("En 47 jours de pêche, l’équipage remplit 3 200 barils.", "In 47 days of fishing the crew filled 3,200 barrels."),
        ("Au retour, le 18 septembre, toute la ville de Saint-Malo attendait sur les quais.", "On the way back, on 18 September, the whole town of Saint-Malo was waiting on the quays."),
        ("Morel ne reprit jamais la mer.", "Morel never went to sea again."),
        ("Il mourut en 1891 dans sa maison de Cancale, à 64 ans.", "He died in 1891 in his house at Cancale, aged 64."),
        ("Le journal d’Yves Le Goff est conservé aux archives de Rennes.", "Yves Le Goff’s log is kept in the archives at Rennes."),
    ].map { Bead(french: [$0.0], english: [$0.1]) }

    /// Links other than 1-1, to put into `voyage`.
    enum Shape: String, CaseIterable, Sendable {
        case split = "1-2"
        case merge = "2-1"
        case dropped = "1-0"
        case added = "0-1"
        case splitInThree = "1-3"

        var bead: Bead {
            switch self {
            case .split:
                Bead(
                    french: ["Le 3 juin, le Saint-Exupère croisa le baleinier norvégien Fridtjof, commandé par Lars Haugen, qui leur céda 20 barils d’eau douce contre 6 tonneaux de sel."],
                    english: ["On 3 June the Saint-Exupère met the Norwegian whaler Fridtjof, commanded by Lars Haugen.", "Haugen let them have 20 barrels of fresh water for 6 casks of salt."])
            case .merge:
                Bead(
                    french: ["Le froid devint terrible.", "Le 11 juillet, le thermomètre descendit à 15 degrés sous zéro."],
                    english: ["The cold grew terrible, and on 11 July the thermometer fell to 15 degrees below zero."])
            case .dropped:
                Bead(french: ["Le vieux curé de Paramé, l’abbé Guillaume Tessier, bénit le navire et son équipage devant une foule nombreuse venue de Dinard et de Cancale."], english: [])
            case .added:
                Bead(french: [], english: ["The French editor of the log, writing in 1902, added here a long note on the Breton cod fishery, which this translation leaves out."])
            case .splitInThree:
                Bead(
                    french: ["Le 8 août, deux baleiniers écossais, l’Aurora et le Dundee, commandés par les frères MacLeod, se joignirent à eux pour traverser les glaces du détroit de Davis, où ils perdirent 3 jours."],
                    english: ["On 8 August two Scottish whalers joined them, the Aurora and the Dundee.", "They were commanded by the MacLeod brothers.", "Together they crossed the ice of the Davis Strait, where they lost 3 days."])
            }
        }
    }

    /// The texts of `beads` and their links in `[0]:[0, 1]` form.
    static func texts(_ beads: [Bead]) -> (french: [String], english: [String], links: [String]) {
        var french: [String] = []
        var english: [String] = []
        var links: [String] = []
        for bead in beads {
            let x = french.count..<(french.count + bead.french.count)
            let y = english.count..<(english.count + bead.english.count)
            links.append(AlignmentLink(french: x, english: y, score: 0).bracketed)
            french += bead.french
            english += bead.english
        }
        return (french, english, links)
    }

    @Test("a hand-written translation sentence by sentence gives 1-1 links", arguments: ["default", "length-only"])
    func voyageOneToOne(mode: String) throws {
        let options = try #require(Self.modes[mode])
        let (french, english, expected) = Self.texts(Self.voyage)
        #expect(Self.ladder(SentenceAligner(options: options).align(french: french, english: english)) == expected)
    }

    /// Each shape at the start, in the middle and at the end of the text: the link must be found
    /// and every other link stay 1-1. A dropped sentence is `droppedSentence`.
    @Test("a split, merged or added sentence is found", arguments: [Shape.split, .merge, .added, .splitInThree], [0, 8, 16])
    func shape(_ shape: Shape, at position: Int) {
        var beads = Self.voyage
        beads.insert(shape.bead, at: position)
        let (french, english, expected) = Self.texts(beads)
        let found = Self.ladder(SentenceAligner().align(french: french, english: english))
        #expect(found == expected, "\(shape.rawValue) at \(position): expected \(expected[position]), found around it \(found[max(0, position - 2)..<min(found.count, position + 3)])")
    }

    /// The positions (3 to 13, with at least three translated sentences on either side) where
    /// a dropped French sentence is not found as a 1-0 link, or other links change.
    static func droppedSentenceMisses(options: AlignerOptions) -> [Int] {
        (3...13).filter { position in
            var beads = voyage
            beads.insert(Shape.dropped.bead, at: position)
            let (french, english, expected) = texts(beads)
            return ladder(SentenceAligner(options: options).align(french: french, english: english)) != expected
        }
    }

    /// The first pass finds the 1-0 link; the second pass's learned lexicon turns it into a 2-1
    /// link with the sentence before or after. Cause: `learn` keeps function words (Candide:
    /// `de` → and, in, of, the, to; `le` → and, of, the, to), their keys are added to every French
    /// token, rare or not, and the similarity counts every French token with a key on the other
    /// side, so the dropped sentence's `le`, `de`, `et` all match the neighbour's one `the`, `of`,
    /// `and`. At position 8: first pass 1-1 + 1-0 costs 5.10 against 5.83 for 2-1; second pass
    /// 3.79 against 3.02 (the 2-1 link's lexical bonus goes from 0.63 to 3.44).
    @Test("a dropped sentence is found as a 1-0 link", arguments: ["default", "first-pass"])
    func droppedSentence(mode: String) throws {
        let misses = Self.droppedSentenceMisses(options: try #require(Self.modes[mode]))
        withKnownIssue("the second pass absorbs a dropped sentence into a 2-1 link (learned function words)") {
            #expect(misses.isEmpty, "not found with the dropped sentence at \(misses)")
        } when: {
            mode == "default"
        }
    }

    // MARK: - Learned lexicon

    /// The second pass's lexicon: word pairs that recur in the first pass's links of Candide.
    @Test("the lexicon learned from Candide's first pass pairs words with their translations")
    func learnedLexicon() throws {
        let book = try GoldBook.load("Candide")
        var firstPass = AlignerOptions()
        firstPass.passes = 1
        let links = SentenceAligner(options: firstPass).align(french: book.french, english: book.english)
        let lexicon = SentenceAligner.learn(from: links, french: book.french.map(AlignmentTokenizer.tokens), english: book.english.map(AlignmentTokenizer.tokens))
        // Translations that are not cognates, so only co-occurrence can find them, and cognates.
        let expected = [
            ("chateau", "castle"), ("moutons", "sheep"), ("vaisseau", "ship"), ("jardin", "garden"), ("mer", "sea"), ("roi", "king"),
            ("dieu", "god"), ("maison", "house"), ("baronne", "baroness"), ("philosophe", "philosopher"), ("inquisiteur", "inquisitor"),
        ]
        for (french, english) in expected {
            #expect(lexicon.exact(french)?.contains(english) == true, "\(french) → \(lexicon.exact(french)?.sorted() ?? [])")
        }
        #expect(lexicon.exact("chateau")?.contains("garden") != true)
        #expect(lexicon.exact("jardin")?.contains("castle") != true)
    }

    // MARK: - Problems found and fixed, and one still open

    /// `AlignmentLink.score` is documented as 0 to 1, but the similarity counts every French
    /// occurrence that has a key on the English side, however few the English ones: `Paris,
    /// Paris, Paris` against `Paris` gave 2 × 3 / 4 = 1.5 before the score was capped.
    @Test("link scores stay within 0 and 1 when a French word repeats", arguments: ["default", "length-only"])
    func scoreBound(mode: String) throws {
        let options = try #require(Self.modes[mode])
        let links = SentenceAligner(options: options).align(french: ["Paris, Paris, Paris !"], english: ["Paris."])
        #expect(links.allSatisfy { (0...1).contains($0.score) }, "scores \(links.map(\.score))")
    }

    /// A link's lexical bonus was `lexicalWeight × similarity × (a + b) / 2`, so a sentence without
    /// tokens (a blank line, `* * *`) merged into a fully anchored neighbour doubled the
    /// neighbour's bonus: 2-2 gained 5 where its prior costs 3.9 more than two 1-1 links. Now only
    /// sentences with tokens count. `--sentences` files often have blank lines between paragraphs.
    @Test("a blank line next to a well-anchored sentence, the same text on both sides", arguments: ["", "  ", "* * *"])
    func blankLineMerge(blank: String) throws {
        let text = ["Ulysse Morel quitta Saint-Malo 1869.", blank, "Jacques Perrin vendit 400 barils."]
        let links = SentenceAligner(options: try #require(Self.modes["first-pass"])).align(french: text, english: text)
        #expect(Self.ladder(links) == ["[0]:[0]", "[1]:[1]", "[2]:[2]"])
    }
}
