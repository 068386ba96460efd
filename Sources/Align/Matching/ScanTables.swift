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
        let keys: UnsafeMutablePointer<UInt64>
        let children: UnsafeMutablePointer<Int32>
        let mask: Int
        let terminalOffsets: UnsafeMutablePointer<Int32>
        let terminalEntries: UnsafeMutablePointer<Int32>

        @inline(__always)
        func child(_ node: Int32, _ symbol: Int32) -> Int32 {
            if node == 0 { return UInt(bitPattern: Int(symbol)) < UInt(symbolCount) ? rootChildren[Int(symbol)] : -1 }
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
            return Trie(
                rootChildren: copy(roots), symbolCount: symbolCount, keys: copy(trie.trie.keys), children: copy(trie.trie.children), mask: trie.trie.mask,
                terminalOffsets: copy(trie.terminalOffsets), terminalEntries: copy(trie.terminalEntries))
        }
        asciiClass = copy(fold.asciiClass)
        asciiFolded = copy(fold.asciiFolded)
        foldEntries = copy(fold.entries)
        foldPool = copy(fold.pool)
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

    /// The symbol-table entry of a hashed word, or -1.
    @inline(__always)
    func lookup(hash: UInt64, length: Int) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & symbolMask
        while true {
            let index = symbolSlots[slot]
            if index < 0 { return -1 }
            if symbolHash[Int(index)] == hash, symbolLength[Int(index)] == Int32(length) { return index }
            slot = (slot + 1) & symbolMask
        }
    }
}
