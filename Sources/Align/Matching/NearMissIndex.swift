/// Finds glossary words within one edit (insertion, deletion, substitution or transposition of
/// adjacent letters) of a text word, without comparing the word to the whole glossary: every
/// glossary word is indexed under the hash of itself and of each of its one-letter deletions
/// (symmetric deletion), so a query costs one probe per letter of the text word.
///
/// Only words of names and acronyms (forms that start with a capital) of at least
/// `minimumLength` letters are indexed: misspellings of ordinary words are a spell checker's job,
/// and short words are too close to each other to tell a typo from another word.
struct NearMissIndex: Sendable {
    /// Shortest indexed glossary word, and shortest text word in capitals (`ATACM`).
    static let minimumLength = 5
    /// Shortest capitalized text word: French capitalizes nationality nouns mid-sentence
    /// (`une Russe`), one letter from `Russie`, and five-letter names are too close to words.
    static let minimumCapitalizedLength = 6
    /// Shortest capitalized word that is a near miss on its own, without an exact word of the
    /// same form beside it: short names one letter apart are usually two real names (`Martel`,
    /// `Marcel`), measured on the benchmark novels.
    static let minimumLoneCapitalizedLength = 7

    /// The indexed words (folded) and their exact symbols.
    private let words: [[UInt8]]
    /// Whether the glossary writes the word in capitals (an acronym such as `ATACMS`).
    private let isAcronym: [Bool]
    private let wordSymbols: [Int32]
    /// One slot of the table: a variant's hash and the index of the word it comes from.
    struct Slot {
        var hash: UInt64
        /// -1 for an empty slot.
        var word: Int32

        static let empty = Slot(hash: 0, word: -1)
    }

    /// Open addressing, duplicates allowed: variant hash → word index.
    private let slots: [Slot]
    private let mask: Int
    /// A blocked Bloom filter over the variant hashes (two bits of one word each, about 16 bits a
    /// hash), small enough to stay in cache. Measured reason: most words asked about have no
    /// candidate, and each of their one-letter deletions probed the table, a cache miss per
    /// letter at 100k terms (the table is a few megabytes).
    private let filter: [UInt64]
    private let filterMask: Int

    init(words entries: [(word: [UInt8], isAcronym: Bool)], symbols: SymbolTable) {
        let words = entries.map(\.word)
        var size = 16
        let expected = words.reduce(0) { $0 + $1.count + 1 }
        while size < expected * 2 { size <<= 1 }
        var slots = [Slot](repeating: .empty, count: size)
        let mask = size - 1
        var filterWords = 1
        while filterWords * 64 < expected * 16 { filterWords <<= 1 }
        var filter = [UInt64](repeating: 0, count: filterWords)
        let filterMask = filterWords - 1
        for (wordIndex, word) in words.enumerated() {
            for hash in Set(Self.variantHashes(word)) {
                var slot = Int(truncatingIfNeeded: hash) & mask
                while slots[slot].word >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Slot(hash: hash, word: Int32(wordIndex))
                let (filterWord, bits) = BlockedBloom.position(hash, mask: filterMask)
                filter[filterWord] |= bits
            }
        }
        self.words = words
        self.isAcronym = entries.map(\.isAcronym)
        self.wordSymbols = words.map { Int32(symbols.entryIndex(forExisting: $0)) }
        self.slots = slots
        self.mask = mask
        self.filter = filter
        self.filterMask = filterMask
    }


    var isEmpty: Bool { words.isEmpty }

    /// Scalar start offsets in UTF-8 bytes.
    static func scalarStarts(_ word: [UInt8]) -> [Int] {
        word.indices.filter { word[$0] & 0xC0 != 0x80 }
    }

    /// Hashes of the word and of each one-scalar deletion of it (duplicates possible).
    static func variantHashes(_ word: [UInt8]) -> [UInt64] {
        var hashes: [UInt64] = []
        forEachVariantHash(word) { hashes.append($0) }
        return hashes
    }

    /// Calls `body` with the hash of the word, then of each one-scalar deletion of it, in order.
    @inline(__always)
    static func forEachVariantHash(_ word: [UInt8], _ body: (UInt64) -> Void) {
        body(WordHash.of(word))
        var start = 0
        while start < word.count {
            var end = start + 1
            while end < word.count, word[end] & 0xC0 == 0x80 { end += 1 }
            var hasher = WordHasher()
            for offset in 0..<start { hasher.append(word[offset]) }
            for offset in end..<word.count { hasher.append(word[offset]) }
            body(hasher.value)
            start = end
        }
    }

    /// Acronyms get the looser rules (five letters, any ending: `ATACM` for `ATACMS`) only when
    /// both the text and the glossary write the word in capitals.
    func candidates(for word: [UInt8], allCapitals: Bool) -> [Int32] {
        // Most words asked about have no candidate: they are answered without building a string
        // or an array (this ran for every capitalized word a scan had not seen recently).
        let scalarCount = word.count { $0 & 0xC0 != 0x80 }
        guard scalarCount >= (allCapitals ? Self.minimumLength : Self.minimumCapitalizedLength) else { return [] }
        var found: [Int32] = []
        filter.withUnsafeBufferPointer { filter in
            slots.withUnsafeBufferPointer { slots in
                Self.forEachVariantHash(word) { hash in
                    let (filterWord, bits) = BlockedBloom.position(hash, mask: filterMask)
                    guard filter[filterWord] & bits == bits else { return }
                    var slot = Int(truncatingIfNeeded: hash) & mask
                    while slots[slot].word >= 0 {
                        if slots[slot].hash == hash, !found.contains(slots[slot].word) { found.append(slots[slot].word) }
                        slot = (slot + 1) & mask
                    }
                }
            }
        }
        guard !found.isEmpty else { return [] }
        let scalars = String(decoding: word, as: UTF8.self).unicodeScalars
        let wordScalars = Array(scalars)
        if Self.isRomanNumeral(wordScalars) { return [] }
        return found.sorted().filter { index in
            let candidate = Array(String(decoding: words[Int(index)], as: UTF8.self).unicodeScalars)
            return candidate != wordScalars && candidate.first == wordScalars.first
                && !Self.isRomanNumeral(candidate)
                && (allCapitals && isAcronym[Int(index)]
                    || candidate.count >= Self.minimumCapitalizedLength - 1 && wordScalars.count >= Self.minimumCapitalizedLength
                        && !Self.differsOnlyByEnding(candidate, wordScalars))
                && EditDistance.distance(candidate, wordScalars, limit: 1) != nil
        }.map { wordSymbols[Int($0)] }
    }

    /// `xliii`, `xviii`: numbers, one letter apart by nature.
    static func isRomanNumeral(_ scalars: [Unicode.Scalar]) -> Bool {
        scalars.allSatisfy { "ivxlcdm".unicodeScalars.contains($0) }
    }

    /// Whether the two words differ only in an inflectional ending (`flandre`/`flandres`,
    /// `italie`/`italien`, `augustine`/`augustins`): a grammatical or derived form, not a typo.
    static func differsOnlyByEnding(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        let endings: Set<Unicode.Scalar> = ["s", "e", "n", "x"]
        let common = zip(a, b).prefix { $0 == $1 }.count
        let restA = a.dropFirst(common)
        let restB = b.dropFirst(common)
        guard restA.count <= 1, restB.count <= 1 else { return false }
        return restA.allSatisfy(endings.contains) && restB.allSatisfy(endings.contains)
    }
}
