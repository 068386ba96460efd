import Foundation

/// NFC for the normalizer, one cluster at a time: a scalar that may change under NFC (a
/// combining or spacing mark, a conjoining jamo, a singleton such as the Ångström sign) sends its
/// cluster — the starter before it and the marks after — through Foundation; everything else is
/// already NFC and is copied.
enum CanonicalComposition {
    /// Scalars below `UnicodeTables.tableLimit` that may change, or make their neighbour change, under NFC.
    private static let attention: [UInt64] = {
        var words = [UInt64](repeating: 0, count: Int(UnicodeTables.tableLimit) / 64)
        for value in UInt32(0x80)..<UnicodeTables.tableLimit where computeAttention(value) {
            words[Int(value >> 6)] |= 1 &<< UInt64(value & 63)
        }
        return words
    }()

    /// Whether `value` may change, or combine with what precedes it, under NFC.
    @inline(__always)
    static func needsAttention(_ value: UInt32) -> Bool {
        if value < 0x300 { return false }
        if value < UnicodeTables.tableLimit { return ScalarTable.test(attention, value) }
        switch value {
        case 0x3040...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0x1F000...0x1FAFF: return false
        default: return computeAttention(value)
        }
    }

    private static func computeAttention(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        let properties = scalar.properties
        if properties.canonicalCombiningClass != .notReordered { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: break
        }
        if (0x1160...0x11FF).contains(value) { return true }
        let text = String(scalar)
        return !text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars)
    }

    /// The NFC form of `bytes` (valid UTF-8).
    static func nfc(_ bytes: some Collection<UInt8>) -> [UInt8] {
        Array(String(decoding: bytes, as: UTF8.self).precomposedStringWithCanonicalMapping.utf8)
    }
}
