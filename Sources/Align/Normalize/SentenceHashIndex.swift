/// The sentences of a document seen so far, for duplicate detection: an open-addressing table
/// from a 64-bit hash of a sentence's bytes to the index of the segment that first had it.
/// Equal hashes are confirmed by comparing the bytes (the caller does), so a collision never
/// removes a sentence.
struct SentenceHashIndex {
    private var keys: [UInt64]
    private var values: [Int32]
    private var count = 0

    init() {
        keys = [UInt64](repeating: 0, count: 1024)
        values = [Int32](repeating: -1, count: 1024)
    }

    /// The segment index stored for `hash`, if any.
    func first(_ hash: UInt64) -> Int? {
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while values[slot] >= 0 {
            if keys[slot] == hash { return Int(values[slot]) }
            slot = (slot + 1) & mask
        }
        return nil
    }

    /// Stores `index` for `hash` unless the hash is already there.
    mutating func insert(_ hash: UInt64, index: Int) {
        if (count + 1) * 2 > keys.count { grow() }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while values[slot] >= 0 {
            if keys[slot] == hash { return }
            slot = (slot + 1) & mask
        }
        keys[slot] = hash
        values[slot] = Int32(index)
        count += 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: -1, count: oldKeys.count * 2)
        count = 0
        for slot in oldKeys.indices where oldValues[slot] >= 0 { insert(oldKeys[slot], index: Int(oldValues[slot])) }
    }
}

extension SentenceHashIndex {
    /// A 64-bit hash of `bytes`, eight bytes at a time (not cryptographic: equal hashes are
    /// confirmed by comparing the bytes).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        var index = 0
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            hash = (hash ^ word) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            index += 8
        }
        while index < bytes.count {
            hash = (hash ^ UInt64(bytes[index])) &* 0xC4CE_B9FE_1A85_EC53
            index += 1
        }
        hash ^= hash >> 29
        return hash
    }
}

