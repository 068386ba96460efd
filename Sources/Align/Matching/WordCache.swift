/// A small direct-mapped cache of symbol lookups, one per scanning thread.
///
/// Measured reason: in French prose a few hundred words make up half of the tokens, and each
/// lookup in the glossary's symbol table (Bloom filter, slot, hash) was a cache miss; the
/// profile showed those loads as the hottest instructions of the scan loop. The cache keeps the
/// answer for recent words in 192 KB.
struct WordCache {
    struct Entry {
        var hash: UInt64
        var length: Int32
        var exact: Int32
        var lemma: Int32
        /// The child pointer of the exact trie's root along this word (terminal bit included), or
        /// -1 when no form starts with it; the same for the inflection trie. A walk starts from
        /// here instead of looking the root's child up again.
        var exactRoot: Int32
        var inflectedRoot: Int32
        var isElision: Bool
        /// Whether the word is in the symbol table at all.
        var found: Bool

        /// An empty slot (of the cache or of `ScanTables.symbolRecords`): no word has length -2.
        static let empty = Entry(hash: 0, length: -2, exact: -1, lemma: -1, exactRoot: -1, inflectedRoot: -1, isElision: false, found: false)

        /// The answer for a word the glossary does not have.
        @inline(__always)
        static func absent(hash: UInt64, length: Int) -> Entry {
            Entry(hash: hash, length: Int32(length), exact: -1, lemma: -1, exactRoot: -1, inflectedRoot: -1, isElision: false, found: false)
        }
    }

    static let size = 8192
    private let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = UnsafeMutablePointer<Entry>.allocate(capacity: Self.size)
        entries.initialize(repeating: Entry.empty, count: Self.size)
    }

    func deallocate() { entries.deallocate() }

    /// The symbol information of a hashed word, from the cache or from `tables`.
    @inline(__always)
    func lookup(hash: UInt64, length: Int, in tables: ScanTables) -> Entry {
        let slot = Int(truncatingIfNeeded: hash >> 7) & (Self.size - 1)
        let cached = entries[slot]
        if cached.hash == hash, cached.length == Int32(length) { return cached }
        let entry = tables.lookup(hash: hash, length: length)
        entries[slot] = entry
        return entry
    }
}
