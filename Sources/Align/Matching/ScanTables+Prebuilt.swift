import Dispatch

/// The parts of `ScanTables` that need neither trie: built on another thread while the tries are
/// built and frozen.
///
/// Measured reason: at 100k terms, filling the symbol records (8 MB of fresh memory, so mostly
/// page faults) and copying every form into the form pool took about 11 ms on one thread after
/// the tries were frozen, while the other core was idle.
extension ScanTables {
    /// The symbol records of `ScanTables.symbolRecords`, their trie roots still unset (-1) until
    /// `setRoots`. Owns its memory until `ScanTables` takes it.
    struct SymbolRecords: @unchecked Sendable {
        let slots: UnsafeMutablePointer<WordCache.Entry>
        let mask: Int

        init(_ symbols: SymbolTable) {
            var slotCount = 16
            while slotCount < symbols.entries.count * 2 { slotCount <<= 1 }
            let records = UnsafeMutablePointer<WordCache.Entry>.allocate(capacity: slotCount)
            records.initialize(repeating: WordCache.Entry.empty, count: slotCount)
            // The first two entries are the separator and apostrophe placeholders, not words.
            for entry in symbols.entries.dropFirst(2) {
                var slot = Int(truncatingIfNeeded: entry.hash) & (slotCount - 1)
                while records[slot].found { slot = (slot + 1) & (slotCount - 1) }
                records[slot] = WordCache.Entry(
                    hash: entry.hash, length: entry.length, exact: entry.exact, lemma: entry.lemma,
                    exactRoot: -1, inflectedRoot: -1, isElision: entry.isElision, found: true)
            }
            slots = records
            mask = slotCount - 1
        }

        /// Sets each record's child of the two roots, in two halves on two threads (each slot is
        /// written by one of them only).
        func setRoots(exact: Trie, inflected: Trie) {
            let slotCount = mask + 1
            let half = slotCount / 2
            let records = self
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                for slot in (part == 0 ? 0..<half : half..<slotCount) where records.slots[slot].found {
                    let record = records.slots[slot]
                    records.slots[slot].exactRoot = record.exact >= 0 ? exact.child(0, record.exact) : -1
                    records.slots[slot].inflectedRoot = record.lemma >= 0 ? inflected.child(0, record.lemma) : -1
                }
            }
        }
    }

    /// Per glossary entry, its flags and its form's bytes (`ScanTables.entryFlags` and the form
    /// pool). Owns its memory until `ScanTables` takes it.
    struct EntryTable: @unchecked Sendable {
        let flags: UnsafeMutablePointer<UInt8>
        let formStarts: UnsafeMutablePointer<Int32>
        let formLengths: UnsafeMutablePointer<Int32>
        let pool: UnsafeMutablePointer<UInt8>

        /// `forms` holds the entries' forms in entry order, in parts as they were prepared.
        init(entries: [CompiledGlossary.Entry], forms: [CompiledGlossary.FormText]) {
            let poolSize = forms.reduce(0) { $0 + $1.bytes.count }
            flags = .allocate(capacity: max(entries.count, 1))
            formStarts = .allocate(capacity: max(entries.count, 1))
            formLengths = .allocate(capacity: max(entries.count, 1))
            pool = .allocate(capacity: max(poolSize, 1))
            for index in entries.indices {
                let entry = entries[index]
                flags[index] = (entry.isAvoided ? 1 : 0) | (entry.isPreferred ? 2 : 0) | (entry.caseKeys != nil ? 4 : 0)
            }
            var entry = 0
            var offset = 0
            for part in forms {
                part.bytes.withUnsafeBufferPointer { bytes in
                    if let base = bytes.baseAddress { (pool + offset).initialize(from: base, count: bytes.count) }
                }
                var start: Int32 = 0
                for end in part.ends {
                    formStarts[entry] = Int32(offset) + start
                    formLengths[entry] = end - start
                    start = end
                    entry += 1
                }
                offset += part.bytes.count
            }
            precondition(entry == entries.count, "one form per entry")
        }

        /// Whether `entry` is of a `case` concept (flag bit 2).
        func isCaseSensitive(_ entry: Int) -> Bool { flags[entry] & 4 != 0 }

        var allocations: [UnsafeMutableRawPointer] {
            [UnsafeMutableRawPointer(flags), UnsafeMutableRawPointer(formStarts), UnsafeMutableRawPointer(formLengths), UnsafeMutableRawPointer(pool)]
        }
    }
}
