/// The words and punctuation marks that occur in glossary forms, with the trie symbols they stand
/// for: an open-addressing table from the 64-bit hash of a folded word (plus its folded length,
/// as a cheap check) to its symbols. Text words absent from the table cannot start or continue a
/// match, so scanning costs one probe per word.
struct SymbolTable: Sendable {
    struct Entry: Sendable {
        var hash: UInt64
        var length: Int32
        /// Symbol in the exact trie, or -1.
        var exact: Int32
        /// Symbol in the inflection trie, or -1.
        var lemma: Int32
        /// Whether the word is a French elision (`l`, `d`, `qu`, …).
        var isElision: Bool
    }

    /// One slot of the open-addressing table: the word's hash and length beside its entry
    /// index, so that a probe reads one slot, not a slot and then the entry it points to.
    /// Measured reason: numbering symbols runs on one thread while compiling (about half a
    /// million probes at 100k terms), and each probe was two dependent cache misses.
    struct Slot {
        var hash: UInt64
        var length: Int32
        /// -1 for an empty slot.
        var index: Int32

        static let empty = Slot(hash: 0, length: 0, index: -1)
    }

    private(set) var slots: [Slot]
    private(set) var entries: [Entry] = []
    private(set) var mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: .empty, count: size)
        mask = size - 1
    }

    /// The entry for a folded word, created empty if missing.
    mutating func entryIndex(hash: UInt64, length: Int) -> Int {
        if entries.count * 2 >= slots.count { grow() }
        let length = Int32(truncatingIfNeeded: length)
        let mask = mask
        let found: Int32? = slots.withUnsafeMutableBufferPointer { slots in
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let stored = slots[slot]
                if stored.index < 0 {
                    slots[slot] = Slot(hash: hash, length: length, index: Int32(entries.count))
                    return nil
                }
                if stored.hash == hash, stored.length == length { return stored.index }
                slot = (slot + 1) & mask
            }
        }
        if let found { return Int(found) }
        entries.append(Entry(hash: hash, length: length, exact: -1, lemma: -1, isElision: false))
        return entries.count - 1
    }

    /// The index of the entry for `bytes`, which must exist.
    func entryIndex(forExisting bytes: [UInt8]) -> Int {
        Int(lookup(hash: WordHash.of(bytes), length: bytes.count))
    }

    mutating func setExact(_ index: Int, _ symbol: Int32, isPunctuation: Bool) {
        entries[index].exact = symbol
        if isPunctuation { entries[index].lemma = symbol }
    }

    mutating func setLemma(_ index: Int, _ symbol: Int32) {
        entries[index].lemma = symbol
    }

    mutating func update(_ bytes: [UInt8], _ change: (inout Entry) -> Void) {
        let index = entryIndex(hash: WordHash.of(bytes), length: bytes.count)
        change(&entries[index])
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = [Slot](repeating: .empty, count: size)
        mask = size - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot].index >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Slot(hash: entry.hash, length: entry.length, index: Int32(index))
        }
    }

    /// The entry index for a hashed text word, or -1.
    @inline(__always)
    func lookup(hash: UInt64, length: Int) -> Int32 {
        var slot = Int(truncatingIfNeeded: hash) & mask
        let length = Int32(truncatingIfNeeded: length)
        return slots.withUnsafeBufferPointer { slots in
            while true {
                let stored = slots[slot]
                if stored.index < 0 { return -1 }
                if stored.hash == hash, stored.length == length { return stored.index }
                slot = (slot + 1) & mask
            }
        }
    }
}

/// A trie over symbols, stored as one hash table from `(node, symbol)` to child node.
struct SymbolTrie: Sendable {
    private(set) var keys: [UInt64]
    private(set) var children: [Int32]
    private(set) var mask: Int
    private(set) var nodeCount = 1
    /// `(node, entry)` for every entry, in insertion order: `FlatTrie` groups them by node.
    private(set) var terminalPairs: [(node: Int32, entry: Int32)] = []
    private var used = 0

    /// A trie sized for about `expectedNodes` nodes, so building it does not rehash again and again.
    init(expectedNodes: Int = 512) {
        var size = 1024
        while size < expectedNodes * 2 { size <<= 1 }
        keys = [UInt64](repeating: .max, count: size)
        children = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    @inline(__always)
    static func key(_ node: Int32, _ symbol: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: node)) << 32 | UInt64(UInt32(bitPattern: symbol))
    }

    /// Mixes every bit of node and symbol into the slot (murmur3's finalizer); a plain
    /// multiply-shift let only a few node bits through, and probe chains grew long.
    @inline(__always)
    static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: mix(key)) & mask
    }

    /// All 64 bits of the mix: the slot takes the low bits, the scanner's edge filter the high ones.
    @inline(__always)
    static func mix(_ key: UInt64) -> UInt64 {
        var x = key
        x ^= x >> 33
        x &*= 0xff51_afd7_ed55_8ccd
        x ^= x >> 33
        x &*= 0xc4ce_b9fe_1a85_ec53
        x ^= x >> 33
        return x
    }

    /// The child of `node` along `symbol`, or -1.
    @inline(__always)
    func child(_ node: Int32, _ symbol: Int32) -> Int32 {
        let key = Self.key(node, symbol)
        var slot = Self.slot(key, mask)
        while true {
            let stored = keys[slot]
            if stored == key { return children[slot] }
            if stored == .max { return -1 }
            slot = (slot + 1) & mask
        }
    }

    mutating func insert(_ symbols: some Collection<Int32>, entry: Int32) {
        var node: Int32 = 0
        for symbol in symbols {
            let next = child(node, symbol)
            if next >= 0 {
                node = next
            } else {
                if (used + 1) * 2 >= keys.count { grow() }
                let key = Self.key(node, symbol)
                var slot = Self.slot(key, mask)
                while keys[slot] != .max { slot = (slot + 1) & mask }
                keys[slot] = key
                children[slot] = Int32(nodeCount)
                used += 1
                node = Int32(nodeCount)
                nodeCount += 1
            }
        }
        terminalPairs.append((node, entry))
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldChildren = children
        keys = [UInt64](repeating: .max, count: oldKeys.count * 2)
        children = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for (index, key) in oldKeys.enumerated() where key != .max {
            var slot = Self.slot(key, mask)
            while keys[slot] != .max { slot = (slot + 1) & mask }
            keys[slot] = key
            children[slot] = oldChildren[index]
        }
    }
}
