/// The lexical side of the aligner: each French token's anchor keys, each English sentence's key
/// set, and which French tokens an English sentence matches.
///
/// Keys live in three name spaces: `w` a whole English word (identical tokens such as names and
/// numbers, or a translation from a lexicon), `c` a cognate prefix (first four letters of words
/// of five or more: `physionomie`/`physiognomy`), `s` the first five letters of an English word
/// (so a dictionary's `lower` finds `lowered`).
struct AnchorIndex: Sendable {
    /// Per French sentence: offsets into `tokenKeyStarts` of its tokens that have keys.
    private(set) var frenchTokenStart: [Int] = [0]
    /// Per anchoring French token: offset into `keys`.
    private(set) var tokenKeyStart: [Int] = [0]
    private(set) var keys: [Int32] = []
    /// Per English sentence: its sorted, unique keys.
    private(set) var englishKeys: [[Int32]] = []
    /// All tokens per sentence, anchoring or not (the denominator of the similarity).
    private(set) var frenchTokenCount: [Int] = []
    private(set) var englishTokenCount: [Int] = []

    init(french: [[String]], english: [[String]], dictionary: TranslationLexicon, learned: TranslationLexicon?, rareShare: Double) {
        var table: [String: Int32] = [:]
        func key(_ space: Character, _ text: Substring) -> Int32 {
            let name = String(space) + text
            if let id = table[name] { return id }
            let id = Int32(table.count)
            table[name] = id
            return id
        }
        var documentFrequency: [String: Int] = [:]
        for tokens in french {
            for token in Set(tokens) { documentFrequency[token, default: 0] += 1 }
        }
        let rareLimit = max(3, Int(rareShare * Double(french.count)))

        var tokenKeys: [Int32] = []
        for tokens in french {
            frenchTokenCount.append(tokens.count)
            for token in tokens {
                tokenKeys.removeAll(keepingCapacity: true)
                let rare = (documentFrequency[token] ?? 0) <= rareLimit
                if rare {
                    let count = token.count
                    let number = AlignmentTokenizer.isNumber(token)
                    if number || count >= 3 { tokenKeys.append(key("w", token[...])) }
                    if count >= 5 && !number { tokenKeys.append(key("c", token.prefix(4))) }
                    if let translations = dictionary.lookUp(token) {
                        for word in translations.sorted() {
                            tokenKeys.append(key("w", word[...]))
                            tokenKeys.append(key("s", word.prefix(5)))
                        }
                    }
                }
                if let translations = learned?.exact(token) {
                    for word in translations.sorted() { tokenKeys.append(key("w", word[...])) }
                }
                guard !tokenKeys.isEmpty else { continue }
                keys.append(contentsOf: tokenKeys)
                tokenKeyStart.append(keys.count)
            }
            frenchTokenStart.append(tokenKeyStart.count - 1)
        }
        // English keys need only exist when some French key has them: a lookup that misses the
        // table can never match.
        for tokens in english {
            englishTokenCount.append(tokens.count)
            var set = Set<Int32>()
            for token in tokens {
                if let id = table["w" + token] { set.insert(id) }
                if token.count >= 5 && !AlignmentTokenizer.isNumber(token), let id = table["c" + token.prefix(4)] { set.insert(id) }
                if let id = table["s" + token.prefix(5)] { set.insert(id) }
            }
            englishKeys.append(set.sorted())
        }
    }

    /// Number of anchoring tokens of French sentence `x`.
    func anchorCount(_ x: Int) -> Int { frenchTokenStart[x + 1] - frenchTokenStart[x] }

    /// The keys of one French sentence in a small hash table, each with the set of the
    /// sentence's anchoring tokens that carry it: matching an English sentence is then one probe
    /// per English key.
    struct SentenceKeys {
        let words: Int
        fileprivate var slots: [Int32]
        fileprivate var bits: [UInt64]
        fileprivate var shift: UInt32
    }

    func keys(ofFrench x: Int) -> SentenceKeys {
        let first = frenchTokenStart[x]
        let tokenCount = frenchTokenStart[x + 1] - first
        let words = (tokenCount + 63) / 64
        let keyCount = tokenKeyStart[first + tokenCount] - tokenKeyStart[first]
        var capacity = 8
        var shift: UInt32 = 29
        while capacity < keyCount * 2 { capacity <<= 1; shift -= 1 }
        var table = SentenceKeys(words: words, slots: [Int32](repeating: -1, count: capacity), bits: [UInt64](repeating: 0, count: capacity * words), shift: shift)
        for t in 0..<tokenCount {
            for k in tokenKeyStart[first + t]..<tokenKeyStart[first + t + 1] {
                let key = keys[k]
                var slot = Self.slot(key, shift: shift)
                while table.slots[slot] != -1 && table.slots[slot] != key { slot = (slot + 1) & (capacity - 1) }
                table.slots[slot] = key
                table.bits[slot * words + (t >> 6)] |= 1 << UInt64(t & 63)
            }
        }
        return table
    }

    private static func slot(_ key: Int32, shift: UInt32) -> Int {
        Int((UInt32(bitPattern: key) &* 2_654_435_761) >> shift)
    }

    /// Bit `t` set when anchoring token `t` of the French sentence of `table` has a key in English
    /// sentence `y`; written into `mask` (`table.words` words).
    func match(_ table: SentenceKeys, english y: Int, into mask: UnsafeMutablePointer<UInt64>) {
        let words = table.words
        mask.initialize(repeating: 0, count: words)
        let capacity = table.slots.count
        table.slots.withUnsafeBufferPointer { slots in
            table.bits.withUnsafeBufferPointer { bits in
                for key in englishKeys[y] {
                    var slot = Self.slot(key, shift: table.shift)
                    while true {
                        let found = slots[slot]
                        if found == key {
                            for w in 0..<words { mask[w] |= bits[slot * words + w] }
                            break
                        }
                        if found == -1 { break }
                        slot = (slot + 1) & (capacity - 1)
                    }
                }
            }
        }
    }
}
