/// The compiled glossary's lookup tables copied into raw memory for the scanning loop.
///
/// Measured reason for the unsafe code: with the same tables as Swift arrays inside value types,
/// retain/release calls took over 45 % of scanning time (perf, release build, 10k-term glossary).
/// Immutable after `init`, so sharing across threads is safe.
final class ScanTables: @unchecked Sendable {
    /// A frozen `FlatTrie`.
    struct Trie {
        /// Children of the root, indexed by symbol: every walk starts there.
        let rootChildren: UnsafeMutablePointer<Int32>
        let symbolCount: Int
        /// Child along the separator symbol, indexed by node: most walks go word, separator, word.
        let separatorChildren: UnsafeMutablePointer<Int32>
        let keys: UnsafeMutablePointer<UInt64>
        let children: UnsafeMutablePointer<Int32>
        let mask: Int
        let terminalOffsets: UnsafeMutablePointer<Int32>
        let terminalEntries: UnsafeMutablePointer<Int32>

        @inline(__always)
        func child(_ node: Int32, _ symbol: Int32) -> Int32 {
            if node == 0 { return UInt(bitPattern: Int(symbol)) < UInt(symbolCount) ? rootChildren[Int(symbol)] : -1 }
            if symbol == CompiledGlossary.separatorSymbol { return separatorChildren[Int(node)] }
            let key = SymbolTrie.key(node, symbol)
            var slot = SymbolTrie.slot(key, mask)
            while true {
                let stored = keys[slot]
                if stored == key { return children[slot] }
                if stored == .max { return -1 }
                slot = (slot + 1) & mask
            }
        }

        @inline(__always)
        func isTerminal(_ node: Int32) -> Bool {
            terminalOffsets[Int(node)] != terminalOffsets[Int(node) + 1]
        }
    }

    let asciiClass: UnsafeMutablePointer<UInt8>
    let asciiFolded: UnsafeMutablePointer<UInt8>
    let foldEntries: UnsafeMutablePointer<UInt32>
    let foldPool: UnsafeMutablePointer<UInt8>

    /// A Bloom filter over the glossary's words (two bits from each hash), small enough to stay
    /// in cache: most text words are not in the glossary and stop here without touching the
    /// symbol table, which at 100k terms is several megabytes.
    let bloom: UnsafeMutablePointer<UInt64>
    let bloomMask: Int
    let symbolMask: Int
    let symbolSlots: UnsafeMutablePointer<Int32>
    let symbolHash: UnsafeMutablePointer<UInt64>
    let symbolLength: UnsafeMutablePointer<Int32>
    let symbolExact: UnsafeMutablePointer<Int32>
    let symbolLemma: UnsafeMutablePointer<Int32>
    let symbolElision: UnsafeMutablePointer<Bool>
    /// Whether the word can start a form in either trie: most glossary words (`de`, `la`) only
    /// continue one, and the scanner skips them as starts without walking.
    let symbolStarts: UnsafeMutablePointer<Bool>

    let exact: Trie
    let inflected: Trie
    private var allocations: [UnsafeMutableRawPointer] = []

    init(fold: ByteFoldTable, symbols: SymbolTable, symbolCount: Int, exact: FlatTrie, inflected: FlatTrie) {
        var allocations: [UnsafeMutableRawPointer] = []
        func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
            pointer.initialize(from: array, count: array.count)
            allocations.append(UnsafeMutableRawPointer(pointer))
            return pointer
        }
        func freeze(_ trie: FlatTrie) -> Trie {
            let roots = (0..<symbolCount).map { trie.trie.child(0, Int32($0)) }
            let separators = (0..<trie.trie.nodeCount).map { trie.trie.child(Int32($0), CompiledGlossary.separatorSymbol) }
            return Trie(
                rootChildren: copy(roots), symbolCount: symbolCount, separatorChildren: copy(separators), keys: copy(trie.trie.keys), children: copy(trie.trie.children), mask: trie.trie.mask,
                terminalOffsets: copy(trie.terminalOffsets), terminalEntries: copy(trie.terminalEntries))
        }
        asciiClass = copy(fold.asciiClass)
        asciiFolded = copy(fold.asciiFolded)
        foldEntries = copy(fold.entries)
        foldPool = copy(fold.pool)
        var bloomBits = 1 << 16
        while bloomBits < symbols.entries.count * 16, bloomBits < 1 << 23 { bloomBits <<= 1 }
        var bloomWords = [UInt64](repeating: 0, count: bloomBits / 64)
        for entry in symbols.entries {
            let (first, second) = Self.bloomBits(entry.hash, mask: bloomBits - 1)
            bloomWords[first >> 6] |= 1 << UInt64(first & 63)
            bloomWords[second >> 6] |= 1 << UInt64(second & 63)
        }
        bloom = copy(bloomWords)
        bloomMask = bloomBits - 1
        symbolMask = symbols.mask
        symbolSlots = copy(symbols.slots)
        symbolHash = copy(symbols.entries.map(\.hash))
        symbolLength = copy(symbols.entries.map(\.length))
        symbolExact = copy(symbols.entries.map(\.exact))
        symbolLemma = copy(symbols.entries.map(\.lemma))
        symbolElision = copy(symbols.entries.map(\.isElision))
        self.exact = freeze(exact)
        self.inflected = freeze(inflected)
        let frozenExact = self.exact
        let frozenInflected = self.inflected
        symbolStarts = copy(symbols.entries.map { entry in
            (entry.exact >= 0 && frozenExact.child(0, entry.exact) >= 0) || (entry.lemma >= 0 && frozenInflected.child(0, entry.lemma) >= 0)
        })
        self.allocations = allocations
    }

    deinit {
        for pointer in allocations { pointer.deallocate() }
    }

    @inline(__always)
    static func bloomBits(_ hash: UInt64, mask: Int) -> (Int, Int) {
        (Int(truncatingIfNeeded: hash >> 20) & mask, Int(truncatingIfNeeded: hash >> 42) & mask)
    }

    /// The symbol-table entry of a hashed word, or -1.
    @inline(__always)
    func lookup(hash: UInt64, length: Int) -> Int32 {
        let (first, second) = Self.bloomBits(hash, mask: bloomMask)
        if bloom[first >> 6] & (1 << UInt64(first & 63)) == 0 || bloom[second >> 6] & (1 << UInt64(second & 63)) == 0 { return -1 }
        var slot = Int(truncatingIfNeeded: hash) & symbolMask
        while true {
            let index = symbolSlots[slot]
            if index < 0 { return -1 }
            if symbolHash[Int(index)] == hash, symbolLength[Int(index)] == Int32(length) { return index }
            slot = (slot + 1) & symbolMask
        }
    }
}
