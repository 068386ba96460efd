/// The sentences of a document seen so far, for duplicate detection: an open-addressing table
/// from a 64-bit hash of a sentence's bytes to the index of the segment that first had it.
/// Equal hashes are confirmed by comparing the bytes (the caller does), so a collision never
/// removes a sentence.
struct SentenceHashIndex {
    /// Hashes, 0 marking an empty slot (the hash 0 is stored as 1); the values are read only
    /// when a hash is found, which is rare: most sentences are new, and their probe touches
    /// one array.
    private var keys: [UInt64]
    private var values: [Int32]
    private var count = 0

    /// A table sized for about `expectedCount` sentences, so a large document does not rehash
    /// the table again and again as it grows.
    init(expectedCount: Int = 0) {
        var size = 1024
        while size < expectedCount * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int32](repeating: 0, count: size)
    }

    @inline(__always)
    private static func stored(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// The index stored for `hash`, or `nil` after storing `index` for it: one probe per sentence.
    mutating func firstOrInsert(_ hash: UInt64, index: Int) -> Int? {
        if (count + 1) * 2 > keys.count { grow() }
        let key = Self.stored(hash)
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let current = keys[slot]
            if current == key { return Int(values[slot]) }
            if current == 0 { break }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = Int32(truncatingIfNeeded: index)
        count += 1
        return nil
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        count = 0
        let mask = keys.count - 1
        for slot in oldKeys.indices where oldKeys[slot] != 0 {
            var target = Int(truncatingIfNeeded: oldKeys[slot]) & mask
            while keys[target] != 0 { target = (target + 1) & mask }
            keys[target] = oldKeys[slot]
            values[target] = oldValues[slot]
            count += 1
        }
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

