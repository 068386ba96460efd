/// Case facts about Unicode scalars for the candidate extractor, in one table for the scalars below
/// `ScalarFolding.tableLimit` (computed once) and computed on demand beyond it: the matching class,
/// whether the scalar is an upper- or lower-case letter or a digit, and its lower-case mapping.
///
/// Candidate terms are told apart by case (`Pyongyang` mid-sentence, `TASS`), so unlike matching
/// this keeps case and diacritics: `État` and `état` compare equal only through `lowercase`.
enum CaseTable {
    /// One scalar: class in bits 0–3, flags in bits 4–6, lower-case scalar value in bits 32–63.
    struct Info {
        let raw: UInt64

        var scalarClass: UInt8 { UInt8(raw & 0xF) }
        var isUpper: Bool { raw & 0x10 != 0 }
        var isLower: Bool { raw & 0x20 != 0 }
        var isDigit: Bool { raw & 0x40 != 0 }
        var lowercase: UInt32 { UInt32(truncatingIfNeeded: raw >> 32) }
    }

    static let table: [UInt64] = (0..<ScalarFolding.tableLimit).map { value in
        Unicode.Scalar(value).map(compute) ?? UInt64(ScalarClass.punctuation.rawValue)
    }

    @inline(__always)
    static func info(_ value: UInt32) -> Info {
        if value < ScalarFolding.tableLimit { return Info(raw: table[Int(value)]) }
        return Info(raw: Unicode.Scalar(value).map(compute) ?? UInt64(ScalarClass.punctuation.rawValue))
    }

    static func compute(_ scalar: Unicode.Scalar) -> UInt64 {
        let fold = ScalarFolding.fold(scalar)
        var raw = UInt64(fold.scalarClass.rawValue)
        var lower = scalar.value
        if fold.scalarClass == .word {
            let properties = scalar.properties
            if properties.isUppercase { raw |= 0x10 }
            if properties.isLowercase { raw |= 0x20 }
            if properties.numericType != nil { raw |= 0x40 }
            let mapped = properties.lowercaseMapping.unicodeScalars
            if mapped.count == 1, let first = mapped.first { lower = first.value }
        }
        return raw | UInt64(lower) << 32
    }

    /// A 64-bit hash of a word compared case-insensitively (diacritics kept): `WordHasher`
    /// over its lower-case word scalars. The extractor hashes text words the same way as it goes.
    static func lowercaseHash(_ word: some StringProtocol) -> UInt64 {
        var hasher = WordHasher()
        for scalar in word.unicodeScalars {
            let info = info(scalar.value)
            guard info.scalarClass == ScalarClass.word.rawValue else { continue }
            hasher.append(scalar: info.lowercase)
        }
        return hasher.value
    }

    /// The FNV-1a offset basis, for hashing candidate keys and match surfaces (words use
    /// `WordHasher`). A computed constant: a stored `static let` costs a lazy-init check at every use.
    @inline(__always)
    static var seed: UInt64 { 0xcbf2_9ce4_8422_2325 }

    @inline(__always)
    static func add(_ hash: UInt64, _ value: UInt32) -> UInt64 {
        (hash ^ UInt64(value)) &* 0x100_0000_01b3
    }
}
