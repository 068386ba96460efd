/// Where a hash goes in a blocked Bloom filter of 64-bit words: one word, two bits in it, taken
/// from the hash's high bits (open-addressing tables beside the filter use the low ones). One
/// word per lookup keeps a probe to one cache line; about 16 bits per key keeps false positives
/// near 1 %. The scanner's edge filter and the near-miss index's filter share it.
enum BlockedBloom {
    @inline(__always)
    static func position(_ hash: UInt64, mask: Int) -> (word: Int, bits: UInt64) {
        (Int(truncatingIfNeeded: hash >> 32) & mask, (1 &<< ((hash >> 52) & 63)) | (1 &<< ((hash >> 58) & 63)))
    }
}
