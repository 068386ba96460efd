/// Strict UTF-8 validation on bytes, reporting where the first bad byte is.
public enum UTF8Validation {
    /// The byte offset of the first byte that does not start or continue a well-formed UTF-8
    /// sequence (overlong forms, surrogates and values past U+10FFFF are ill-formed), or `nil` when
    /// all of `bytes` is valid.
    public static func firstInvalidOffset(in bytes: some Collection<UInt8>) -> Int? {
        if let result = bytes.withContiguousStorageIfAvailable({ firstInvalidOffset(inBuffer: $0) }) { return result }
        return firstInvalidOffsetSlow(in: bytes)
    }

    /// The fast path: eight ASCII bytes at a time, the full check only around non-ASCII bytes.
    static func firstInvalidOffset(inBuffer buffer: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = buffer.baseAddress else { return nil }
        let count = buffer.count
        var index = 0
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let high = word & 0x8080_8080_8080_8080
                if high == 0 || Self.isWholeTwoByteText(word, high: high) {
                    index += 8
                    continue
                }
                // Straight to the first non-ASCII byte (French text has one every few words), and
                // past a Latin-1 letter (`C3 80...BF`) without the general check.
                index &+= high.trailingZeroBitCount &>> 3
                if base[index] == 0xC3, index &+ 1 < count, base[index &+ 1] & 0xC0 == 0x80 {
                    index &+= 2
                    continue
                }
            }
            let lead = base[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            var length: Int
            var lower: UInt8 = 0x80
            var upper: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; lower = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; upper = 0x9F
            case 0xF0: length = 4; lower = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; upper = 0x8F
            default: return index
            }
            for offset in 1..<length {
                guard index + offset < count else { return index }
                let next = base[index + offset]
                let (low, high) = offset == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
                if next < low || next > high { return index }
            }
            index += length
        }
        return nil
    }

    /// Whether the eight bytes of `word` (little-endian) are ASCII and two-byte sequences that
    /// start and end inside it: checked on the whole word at once. Measured reason: French text
    /// has an accented letter every few words, and handling each on its own made validation about
    /// 4 % of a whole scan at 10k terms.
    @inline(__always)
    static func isWholeTwoByteText(_ word: UInt64, high: UInt64) -> Bool {
        let highBits: UInt64 = 0x8080_8080_8080_8080
        let bit6 = (word &<< 1) & highBits
        let leads = high & bit6
        let continuations = high & ~bit6
        // Leads are 110xxxxx (bit 5 clear) but not C0 or C1 (overlong: bits 4 to 1 all clear);
        // none is the last byte; each continuation is the byte right after a lead, and each lead
        // has one.
        let bit5 = (word &<< 2) & highBits
        let overlong = UTF8Count.zeroBytes(word & 0x1E1E_1E1E_1E1E_1E1E)
        return leads & (bit5 | overlong | (0x80 &<< 56)) == 0 && continuations == leads &<< 8
    }

    /// Collections without contiguous storage are copied once and checked by the fast path.
    static func firstInvalidOffsetSlow(in bytes: some Collection<UInt8>) -> Int? {
        Array(bytes).withUnsafeBufferPointer { firstInvalidOffset(inBuffer: $0) }
    }
}
