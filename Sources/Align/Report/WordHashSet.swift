/// A set of 64-bit word hashes: open addressing with linear probing, the hash itself as the slot.
/// The extractor inserts every lower-case word of the corpus (tens of millions on a large
/// corpus); `Set<UInt64>` re-hashes each key with SipHash, which the report's benchmark showed
/// costing more than the lexing itself. `Set<UInt64>` stays the reference in the tests.
struct WordHashSet: Sendable {
    /// Slots; 0 marks an empty slot (the key 0 is stored as 1).
    private var slots: [UInt64]
    private(set) var count = 0

    init(capacity: Int = 1024) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
    }

    @inline(__always)
    static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

    mutating func insert(_ key: UInt64) {
        withUnsafePointer(to: key) { insert(contentsOf: UnsafeBufferPointer(start: $0, count: 1)) }
    }

    /// Inserts `keys` with the table grown once beforehand and probed in one tight loop: the
    /// extractor hands its lower-case words over in batches, since inserting them one call at a
    /// time (a capacity check and an array access each) cost the report more than its lexing.
    mutating func insert(contentsOf keys: UnsafeBufferPointer<UInt64>) {
        while (count + keys.count) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var added = 0
        slots.withUnsafeMutableBufferPointer { slots in
            for key in keys {
                let value = Self.stored(key)
                var slot = Int(truncatingIfNeeded: value ^ (value >> 29)) & mask
                while slots[slot] != value {
                    if slots[slot] == 0 {
                        slots[slot] = value
                        added += 1
                        break
                    }
                    slot = (slot + 1) & mask
                }
            }
        }
        count += added
    }

    func contains(_ key: UInt64) -> Bool {
        let value = Self.stored(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: value ^ (value >> 29)) & mask
        while true {
            let current = slots[slot]
            if current == value { return true }
            if current == 0 { return false }
            slot = (slot + 1) & mask
        }
    }

    mutating func formUnion(_ other: WordHashSet) {
        // Occupied slots hold stored keys, which store as themselves: one batch, one growth.
        let occupied = other.slots.filter { $0 != 0 }
        occupied.withUnsafeBufferPointer { insert(contentsOf: $0) }
    }

    private mutating func grow() {
        let occupied = slots.filter { $0 != 0 }
        slots = Array(repeating: 0, count: slots.count * 2)
        count = 0
        occupied.withUnsafeBufferPointer { insert(contentsOf: $0) }
    }
}

/// A map from 64-bit hashes to indexes, by the same open addressing as `WordHashSet`: the chunk
/// analysis groups tens of thousands of runs and matches per chunk by hash, where `Dictionary`
/// would hash each hash again. Callers resolve collisions themselves (they chain equal hashes).
struct HashSlots: Sendable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var count = 0

    init(capacity: Int = 256) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size)
        values = Array(repeating: -1, count: size)
    }

    /// The index stored for `key`, or -1.
    func value(for key: UInt64) -> Int {
        let stored = WordHashSet.stored(key)
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: stored ^ (stored >> 29)) & mask
        while true {
            let current = keys[slot]
            if current == stored { return Int(values[slot]) }
            if current == 0 { return -1 }
            slot = (slot + 1) & mask
        }
    }

    /// Stores `value` for `key` (replacing any).
    mutating func set(_ value: Int, for key: UInt64) {
        if (count + 1) * 2 > keys.count { grow() }
        let stored = WordHashSet.stored(key)
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: stored ^ (stored >> 29)) & mask
        while keys[slot] != 0, keys[slot] != stored { slot = (slot + 1) & mask }
        if keys[slot] == 0 { count += 1 }
        keys[slot] = stored
        values[slot] = Int32(value)
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: -1, count: oldKeys.count * 2)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != 0 { set(Int(value), for: key) }
    }
}
