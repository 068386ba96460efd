/// The 64-bit hash of a word's bytes: mixed eight bytes at a time, then the length. The scanner
/// hashes folded words with it (and the compiler the forms' folded words), the candidate
/// extractor lower-case words (`CaseTable.lowercaseHash`).
///
/// Measured reason: both hash every word of the corpus as they lex it. FNV-1a, a multiply per
/// byte in one dependent chain, was a third of the extractor's lexing time; with whole blocks, a
/// run of ASCII letters (most of French text) is classified, folded, cut and hashed in one step.
/// The value depends only on the bytes, never on how they were appended, so a lexer's blocks and
/// a reference's single bytes or scalars agree.
struct WordHasher {
    private var state: UInt64 = 0x243F_6A88_85A3_08D3
    /// Bytes not yet mixed, the first in the lowest byte; `pendingCount` of them (0–7).
    private var pending: UInt64 = 0
    private var pendingCount = 0
    /// Bytes appended so far.
    private(set) var length = 0

    init() {}

    @inline(__always)
    static func mix(_ state: UInt64, _ block: UInt64) -> UInt64 {
        let product = (state ^ block) &* 0x9E37_79B9_7F4A_7C15
        return product ^ (product &>> 29)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        pending |= UInt64(byte) &<< UInt64(pendingCount &* 8)
        pendingCount &+= 1
        length &+= 1
        if pendingCount == 8 {
            state = Self.mix(state, pending)
            pending = 0
            pendingCount = 0
        }
    }

    /// Appends `count` bytes (1–8) held in the low bytes of `block`, the first byte lowest; the
    /// bytes above them must be zero.
    @inline(__always)
    mutating func append(block: UInt64, count: Int) {
        length &+= count
        let shift = UInt64(pendingCount &* 8)
        let combined = pending | block &<< shift
        let total = pendingCount &+ count
        if total >= 8 {
            state = Self.mix(state, combined)
            // The bytes of `block` that did not fit (none when nothing was pending).
            pending = pendingCount == 0 ? 0 : block &>> (64 &- shift)
            pendingCount = total &- 8
        } else {
            pending = combined
            pendingCount = total
        }
    }

    /// Appends the UTF-8 bytes of a scalar value.
    @inline(__always)
    mutating func append(scalar value: UInt32) {
        if value < 0x80 {
            append(UInt8(value))
        } else if value < 0x800 {
            append(block: UInt64(0xC0 | value &>> 6) | UInt64(0x80 | value & 0x3F) &<< 8, count: 2)
        } else if value < 0x1_0000 {
            append(block: UInt64(0xE0 | value &>> 12) | UInt64(0x80 | value &>> 6 & 0x3F) &<< 8 | UInt64(0x80 | value & 0x3F) &<< 16, count: 3)
        } else {
            append(
                block: UInt64(0xF0 | value &>> 18) | UInt64(0x80 | value &>> 12 & 0x3F) &<< 8 | UInt64(0x80 | value &>> 6 & 0x3F) &<< 16
                    | UInt64(0x80 | value & 0x3F) &<< 24,
                count: 4)
        }
    }

    var value: UInt64 { Self.mix(Self.mix(state, pending), UInt64(length)) }

    /// The leading ASCII letters and digits of a block of text.
    struct ASCIIRun {
        /// How many bytes, from the first, are ASCII letters or digits (0–8).
        var count: Int
        /// Those bytes, capitals made lower case, the bytes after them zero.
        var folded: UInt64
        /// Among them: the high bit of each lower-case letter, capital and digit byte.
        var lower: UInt64
        var upper: UInt64
        var digits: UInt64
    }

    /// The leading ASCII letters and digits of `block` (eight bytes of text, first byte lowest):
    /// one test for the whole block, no carries between bytes. The scanner and the candidate
    /// extractor both read words with it.
    @inline(__always)
    static func asciiRun(_ block: UInt64) -> ASCIIRun {
        let high: UInt64 = 0x8080_8080_8080_8080
        let low = block & 0x7F7F_7F7F_7F7F_7F7F
        let ascii = ~block & high
        let digits = (low &+ 0x5050_5050_5050_5050) & ~(low &+ 0x4646_4646_4646_4646) & ascii  // 0x30...0x39
        let capitals = (low &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(low &+ 0x2525_2525_2525_2525) & ascii  // 0x41...0x5A
        let small = (low &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(low &+ 0x0505_0505_0505_0505) & ascii  // 0x61...0x7A
        let count = (~(digits | capitals | small) & high).trailingZeroBitCount &>> 3
        let kept: UInt64 = count == 8 ? ~0 : (1 &<< UInt64(count &* 8)) &- 1
        return ASCIIRun(count: count, folded: (block | capitals &>> 2) & kept, lower: small & kept, upper: capitals & kept, digits: digits & kept)
    }
}

/// Word hashes as the scanner, the compiler and the validator compute them (`WordHasher`).
enum WordHash {
    static func of(_ bytes: some Sequence<UInt8>) -> UInt64 {
        if let value = bytes.withContiguousStorageIfAvailable({ of(buffer: $0) }) { return value }
        var hasher = WordHasher()
        for byte in bytes { hasher.append(byte) }
        return hasher.value
    }

    /// Whole blocks straight from memory: compiling a large glossary hashes every form's words.
    static func of(buffer: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hasher = WordHasher()
        guard let base = buffer.baseAddress else { return hasher.value }
        var index = 0
        while index &+ 8 <= buffer.count {
            hasher.append(block: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self), count: 8)
            index &+= 8
        }
        while index < buffer.count {
            hasher.append(base[index])
            index &+= 1
        }
        return hasher.value
    }
}
