/// Pairs the sentences of a French text with those of its English translation.
///
/// The search is Gale & Church's dynamic programming over monotone links of up to 4 sentences a
/// side, with each link's cost the sum of three parts: the prior of its shape (`BeadShape`), the
/// length cost (`LengthModel`), minus a lexical bonus, the share of tokens the two sides have in
/// common through anchors (`AnchorIndex`: identical words and numbers, cognates, dictionary and
/// glossary translations). A second pass adds a lexicon learned from the first pass's links: word
/// pairs that keep occurring in linked sentences (what hunalign does with its "realign" step).
///
/// Only a band around the diagonal is searched, widened while the best path touches its edge, so
/// time and memory grow with the length of the texts times the band, not with their product.
public struct SentenceAligner: Sendable {
    public var options: AlignerOptions
    /// Translations from a bilingual dictionary and the glossary.
    public var lexicon: TranslationLexicon

    public init(options: AlignerOptions = AlignerOptions(), lexicon: TranslationLexicon = TranslationLexicon()) {
        self.options = options
        self.lexicon = lexicon
    }

    /// The links, monotone, covering each sentence of both sides exactly once.
    public func align(french: [String], english: [String]) -> [AlignmentLink] {
        let frenchTokens = french.map(AlignmentTokenizer.tokens)
        let englishTokens = english.map(AlignmentTokenizer.tokens)
        let frenchLengths = french.map(AlignmentTokenizer.length)
        let englishLengths = english.map(AlignmentTokenizer.length)
        let lengths = LengthModel(frenchCharacters: frenchLengths.reduce(0, +), englishCharacters: englishLengths.reduce(0, +), variance: options.lengthVariance)
        var learned: TranslationLexicon?
        var links: [AlignmentLink] = []
        for pass in 0..<max(1, options.passes) {
            if pass > 0 {
                learned = Self.learn(from: links, french: frenchTokens, english: englishTokens)
            }
            let anchors = AnchorIndex(french: frenchTokens, english: englishTokens, dictionary: lexicon, learned: learned, rareShare: options.rareShare)
            var search = AlignmentSearch(anchors: anchors, frenchLengths: frenchLengths, englishLengths: englishLengths, lengths: lengths, lexicalWeight: options.lexicalWeight)
            let centers = pass == 0 ? search.lengthCenters() : search.pathCenters(links)
            links = search.run(initialBand: options.initialBand, centers: centers)
            if options.lexicalWeight == 0 { break }
        }
        return links
    }

    /// Word pairs that co-occur in at least two links, with a Dice coefficient of at least 0.5
    /// over the links.
    static func learn(from links: [AlignmentLink], french: [[String]], english: [[String]]) -> TranslationLexicon {
        var frenchIDs: [String: Int32] = [:]
        var englishIDs: [String: Int32] = [:]
        var frenchCount: [Int32: Int] = [:]
        var englishCount: [Int32: Int] = [:]
        var sides: [([Int32], [Int32])] = []
        for link in links where !link.french.isEmpty && !link.english.isEmpty {
            var f = Set<Int32>()
            for x in link.french { for token in french[x] where token.count > 1 { f.insert(Self.id(token, in: &frenchIDs)) } }
            var e = Set<Int32>()
            for y in link.english { for token in english[y] where token.count > 1 { e.insert(Self.id(token, in: &englishIDs)) } }
            for id in f { frenchCount[id, default: 0] += 1 }
            for id in e { englishCount[id, default: 0] += 1 }
            sides.append((Array(f), Array(e)))
        }
        // A pair seen in two links needs each word seen twice: dropping single words first keeps
        // the pair table small on long books.
        var pairs: [Int64: Int] = [:]
        for (f, e) in sides {
            let fr = f.filter { frenchCount[$0, default: 0] >= 2 }
            let en = e.filter { englishCount[$0, default: 0] >= 2 }
            for a in fr { for b in en { pairs[Int64(a) << 32 | Int64(b), default: 0] += 1 } }
        }
        let frenchWords = frenchIDs.sorted { $0.value < $1.value }.map(\.key)
        let englishWords = englishIDs.sorted { $0.value < $1.value }.map(\.key)
        var lexicon = TranslationLexicon()
        for (pair, count) in pairs where count >= 2 {
            let a = Int32(truncatingIfNeeded: pair >> 32)
            let b = Int32(truncatingIfNeeded: pair & 0xFFFF_FFFF)
            let dice = 2 * Double(count) / Double(frenchCount[a, default: 0] + englishCount[b, default: 0])
            if dice >= 0.5 { lexicon.add(french: frenchWords[Int(a)], english: englishWords[Int(b)]) }
        }
        return lexicon
    }

    private static func id(_ word: String, in table: inout [String: Int32]) -> Int32 {
        if let id = table[word] { return id }
        let id = Int32(table.count)
        table[word] = id
        return id
    }
}
