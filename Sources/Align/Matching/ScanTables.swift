/// The compiled glossary's lookup tables copied into raw memory for the scanning loop.
///
/// Measured reason for the unsafe code: with the same tables as Swift arrays inside value types,
/// retain/release calls took over 45 % of scanning time (perf, release build, 10k-term glossary).
/// Immutable after `init`, so sharing across threads is safe.
final class ScanTables: @unchecked Sendable {
    /// A frozen `FlatTrie`; immutable once frozen, so it may be read from any thread.
    struct Trie: @unchecked Sendable {
        /// Set on a child pointer when the child ends a form: a walk learns it with the pointer,
        /// without looking the node up again.
        static let terminalBit: Int32 = 1 << 30

        /// The node a child pointer leads to.
        @inline(__always)
        static func node(_ pointer: Int32) -> Int32 { pointer & ~terminalBit }

        @inline(__always)
        static func endsForm(_ pointer: Int32) -> Bool { pointer & terminalBit != 0 }

        /// One slot of the child table: key and child pointer side by side, so a probe that
        /// finds its key reads one cache line, not two.
        struct Slot {
            var key: UInt64
            var child: Int32
        }

        /// Children of the root, indexed by symbol: every walk starts there.
        let rootChildren: UnsafeMutablePointer<Int32>
        let symbolCount: Int
        let slots: UnsafeMutablePointer<Slot>
        let mask: Int
        /// A blocked Bloom filter over the edges below the root (two bits of one word per edge),
        /// about 16 bits an edge. Measured reason: at 100k terms the child table was over 10 MB (it
        /// is 2 MB a trie since `freeze` keeps only the edges below the root) and most walks end at their second or third token on an edge that does not exist; each of
        /// those probes was a cache miss, and trie walks took a quarter of the scan.
        let edgeBloom: UnsafeMutablePointer<UInt64>
        let edgeBloomMask: Int
        let terminalOffsets: UnsafeMutablePointer<Int32>
        let terminalEntries: UnsafeMutablePointer<Int32>
        /// Per node: its first entry when that entry has no case constraint (the answer for any
        /// surface, in one load instead of three), else -1.
        let acceptedFirst: UnsafeMutablePointer<Int32>

        /// Whether the edge hashed to `mixed` may exist.
        @inline(__always)
        func mayHaveEdge(_ mixed: UInt64) -> Bool {
            let (word, bits) = BlockedBloom.position(mixed, mask: edgeBloomMask)
            return edgeBloom[word] & bits == bits
        }

        /// The child pointer of `node` along `symbol` (terminal bit included), or -1.
        @inline(__always)
        func child(_ node: Int32, _ symbol: Int32) -> Int32 {
            if node == 0 { return UInt(bitPattern: Int(symbol)) < UInt(symbolCount) ? rootChildren[Int(symbol)] : -1 }
            return childBelowRoot(node, symbol)
        }

        /// `child` for a node other than the root.
        @inline(__always)
        func childBelowRoot(_ node: Int32, _ symbol: Int32) -> Int32 {
            let key = SymbolTrie.key(node, symbol)
            let mixed = SymbolTrie.mix(key)
            guard mayHaveEdge(mixed) else { return -1 }
            var slot = Int(truncatingIfNeeded: mixed) & mask
            while true {
                let stored = slots[slot]
                if stored.key == key { return stored.child }
                if stored.key == .max { return -1 }
                slot = (slot + 1) & mask
            }
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
    /// The symbol table as one open-addressing table of whole records (hash, length, symbols
    /// and flags), so a word the `WordCache` does not hold costs one cache miss, not one for the
    /// slot and one for each field (at 100k terms, slot and hash loads were a quarter of the
    /// time spent looking words up). Records carry the word's child of each trie's root (-1 when
    /// no form starts with it): most glossary words (`de`, `la`) only continue forms.
    let symbolRecords: UnsafeMutablePointer<WordCache.Entry>
    let symbolRecordMask: Int
    /// Per glossary entry: bit 0 avoided, bit 1 preferred, bit 2 case-sensitive; and the form's
    /// bytes in `formPool`. Read by the scan loop without touching `CompiledGlossary.entries`,
    /// whose strings would be retained and released at every read.
    let entryFlags: UnsafeMutablePointer<UInt8>
    let entryFormStart: UnsafeMutablePointer<Int32>
    let entryFormLength: UnsafeMutablePointer<Int32>
    let formPool: UnsafeMutablePointer<UInt8>

    let exact: Trie
    let inflected: Trie
    private var allocations: [UnsafeMutableRawPointer] = []

    /// `records` and `entryTable` are built beside the tries (see `SymbolRecords`); this takes
    /// their memory.
    init(
        fold: ByteFoldTable, symbols: SymbolTable, symbolCount: Int, exact: FlatTrie, inflected: FlatTrie, records: SymbolRecords,
        entryTable: EntryTable
    ) {
        var allocations: [UnsafeMutableRawPointer] = []
        func copy<T>(_ array: [T]) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(array.count, 1))
            pointer.initialize(from: array, count: array.count)
            allocations.append(UnsafeMutableRawPointer(pointer))
            return pointer
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
        // The two tries are frozen at once, on two threads: at 100k terms each builder's table
        // is several megabytes.
        let frozen = CompiledGlossary.concurrentMap(2) {
            Frozen(Self.freeze($0 == 0 ? exact : inflected, symbolCount: symbolCount, entries: entryTable))
        }
        self.exact = frozen[0].value.trie
        self.inflected = frozen[1].value.trie
        allocations += frozen.flatMap(\.value.allocations)
        records.setRoots(exact: self.exact, inflected: self.inflected)
        symbolRecords = records.slots
        symbolRecordMask = records.mask
        allocations.append(UnsafeMutableRawPointer(records.slots))
        entryFlags = entryTable.flags
        entryFormStart = entryTable.formStarts
        entryFormLength = entryTable.formLengths
        formPool = entryTable.pool
        allocations += entryTable.allocations
        self.allocations = allocations
    }

    /// A frozen trie handed back from the thread that built it; nothing else holds its memory.
    struct Frozen: @unchecked Sendable {
        var value: (trie: Trie, allocations: [UnsafeMutableRawPointer])
        init(_ value: (trie: Trie, allocations: [UnsafeMutableRawPointer])) { self.value = value }
    }

    /// Copies `trie` into raw memory, with the root's children in a direct array and the edge
    /// filter; returns the memory to free with the trie.
    static func freeze(_ trie: FlatTrie, symbolCount: Int, entries: EntryTable) -> (trie: Trie, allocations: [UnsafeMutableRawPointer]) {
        var allocations: [UnsafeMutableRawPointer] = []
        func allocate<T>(_ count: Int, _ value: T) -> UnsafeMutablePointer<T> {
            let pointer = UnsafeMutablePointer<T>.allocate(capacity: max(count, 1))
            pointer.initialize(repeating: value, count: max(count, 1))
            allocations.append(UnsafeMutableRawPointer(pointer))
            return pointer
        }
        func pointer(_ node: Int32) -> Int32 { node < 0 || !trie.isTerminal(node) ? node : node | Trie.terminalBit }
        let table = trie.trie
        let roots = allocate(symbolCount, Int32(-1))
        // The root's edges go to `roots`; the child table holds the others only, at most half
        // full. The builder's table is sized for every symbol of every form: at 100k terms it was
        // 8 MB per trie for about 60k edges below the root.
        var below = 0
        for key in table.keys where key != .max && key >> 32 != 0 { below += 1 }
        var slotCount = 16
        while slotCount < below * 2 { slotCount <<= 1 }
        let slots = allocate(slotCount, Trie.Slot(key: .max, child: -1))
        var bloomWords = 1 << 10
        while bloomWords * 4 < table.nodeCount, bloomWords < 1 << 24 { bloomWords <<= 1 }
        let bloom = allocate(bloomWords, UInt64(0))
        for (slot, key) in table.keys.enumerated() where key != .max {
            let child = pointer(table.children[slot])
            let node = Int(key >> 32)
            let symbol = Int(Int32(bitPattern: UInt32(truncatingIfNeeded: key)))
            if node == 0 {
                if symbol >= 0, symbol < symbolCount { roots[symbol] = child }
                continue
            }
            let mixed = SymbolTrie.mix(key)
            var target = Int(truncatingIfNeeded: mixed) & (slotCount - 1)
            while slots[target].key != .max { target = (target + 1) & (slotCount - 1) }
            slots[target] = Trie.Slot(key: key, child: child)
            let (word, bits) = BlockedBloom.position(mixed, mask: bloomWords - 1)
            bloom[word] |= bits
        }
        func copy(_ array: [Int32]) -> UnsafeMutablePointer<Int32> {
            let pointer = allocate(array.count, Int32(0))
            pointer.update(from: array, count: array.count)
            return pointer
        }
        let acceptedFirst = allocate(table.nodeCount, Int32(-1))
        for node in 0..<table.nodeCount where trie.isTerminal(Int32(node)) {
            let entry = trie.terminalEntries[Int(trie.terminalOffsets[node])]
            if !entries.isCaseSensitive(Int(entry)) { acceptedFirst[node] = entry }
        }
        let frozen = Trie(
            rootChildren: roots, symbolCount: symbolCount, slots: slots, mask: slotCount - 1,
            edgeBloom: bloom, edgeBloomMask: bloomWords - 1, terminalOffsets: copy(trie.terminalOffsets), terminalEntries: copy(trie.terminalEntries),
            acceptedFirst: acceptedFirst)
        return (frozen, allocations)
    }

    deinit {
        for pointer in allocations { pointer.deallocate() }
    }

    @inline(__always)
    static func bloomBits(_ hash: UInt64, mask: Int) -> (Int, Int) {
        (Int(truncatingIfNeeded: hash >> 20) & mask, Int(truncatingIfNeeded: hash >> 42) & mask)
    }

    /// The symbol record of a hashed word (`found` false when the glossary has no such word).
    @inline(__always)
    func lookup(hash: UInt64, length: Int) -> WordCache.Entry {
        let (first, second) = Self.bloomBits(hash, mask: bloomMask)
        if bloom[first >> 6] & (1 << UInt64(first & 63)) == 0 || bloom[second >> 6] & (1 << UInt64(second & 63)) == 0 {
            return WordCache.Entry.absent(hash: hash, length: length)
        }
        var slot = Int(truncatingIfNeeded: hash) & symbolRecordMask
        while true {
            let record = symbolRecords[slot]
            if !record.found { return WordCache.Entry.absent(hash: hash, length: length) }
            if record.hash == hash, record.length == Int32(length) { return record }
            slot = (slot + 1) & symbolRecordMask
        }
    }
}
