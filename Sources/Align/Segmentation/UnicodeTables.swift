/// Unicode facts the regular expression engine asks for in its inner loop, computed once for the
/// scalars below `tableLimit` (every script French and English text uses) and on demand above.
enum UnicodeTables {
    /// Scalars below this bound are looked up in tables.
    static let tableLimit: UInt32 = 0x3000

    /// The general categories, in a fixed order: the bit of a category is `1 << index`.
    static let categories: [Unicode.GeneralCategory] = [
        .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
        .nonspacingMark, .spacingMark, .enclosingMark,
        .decimalNumber, .letterNumber, .otherNumber,
        .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
        .finalPunctuation, .otherPunctuation,
        .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol,
        .spaceSeparator, .lineSeparator, .paragraphSeparator,
        .control, .format, .surrogate, .privateUse, .unassigned,
    ]

    /// The bit of one category.
    static func categoryBit(_ category: Unicode.GeneralCategory) -> UInt32 {
        1 << UInt32(categories.firstIndex(of: category)!)
    }

    /// The bits of several categories.
    static func mask(_ list: [Unicode.GeneralCategory]) -> UInt32 {
        list.reduce(0) { $0 | categoryBit($1) }
    }

    // Masks as literals (bit = index in `categories`), so hot loops pay no lazy initialization;
    // a test checks them against `mask(_:)`.
    @inline(__always) static var letterMask: UInt32 { 0b1_1111 }
    @inline(__always) static var markMask: UInt32 { 0b1110_0000 }
    @inline(__always) static var numberMask: UInt32 { 0b111 << 8 }
    @inline(__always) static var punctuationMask: UInt32 { 0b111_1111 << 11 }
    @inline(__always) static var symbolMask: UInt32 { 0b1111 << 18 }
    @inline(__always) static var separatorMask: UInt32 { 0b111 << 22 }
    @inline(__always) static var otherMask: UInt32 { 0b1_1111 << 25 }
    @inline(__always) static var uppercaseLetterBit: UInt32 { 1 }
    @inline(__always) static var lowercaseLetterBit: UInt32 { 1 << 1 }
    @inline(__always) static var spaceSeparatorBit: UInt32 { 1 << 22 }
    /// What `\w` and `\b` count as word characters: letters, marks, decimal digits, connector punctuation.
    @inline(__always) static var wordMask: UInt32 { letterMask | markMask | 1 << 8 | 1 << 11 }

    /// Category bit of every scalar below `tableLimit`.
    private static let categoryTable: [UInt32] = (0..<tableLimit).map { value in
        guard let scalar = Unicode.Scalar(value) else { return categoryBit(.surrogate) }
        return categoryBit(scalar.properties.generalCategory)
    }

    /// The category bit of `value`.
    @inline(__always)
    static func categoryBit(of value: UInt32) -> UInt32 {
        if value < tableLimit { return categoryTable[Int(value)] }
        guard let scalar = Unicode.Scalar(value) else { return categoryBit(.surrogate) }
        return categoryBit(scalar.properties.generalCategory)
    }

    /// Whether `value` is a word character for `\b`.
    @inline(__always)
    static func isWord(_ value: UInt32) -> Bool {
        categoryBit(of: value) & wordMask != 0
    }

    /// Simple (one-scalar) lower, upper and title case mappings of every scalar below `tableLimit`
    /// that has any, packed as `value << 32 | variant`, sorted.
    private static let variantTable: [[UInt32]] = (0..<tableLimit).map { computeVariants(of: $0) }

    /// The scalars that match `value` when case is ignored (its one-scalar case mappings).
    static func caseVariants(of value: UInt32) -> [UInt32] {
        value < tableLimit ? variantTable[Int(value)] : computeVariants(of: value)
    }

    private static func computeVariants(of value: UInt32) -> [UInt32] {
        guard let scalar = Unicode.Scalar(value), scalar.properties.changesWhenCaseMapped else { return [] }
        var result: [UInt32] = []
        for mapped in [scalar.properties.lowercaseMapping, scalar.properties.uppercaseMapping, scalar.properties.titlecaseMapping] {
            let scalars = mapped.unicodeScalars
            if scalars.count == 1, let only = scalars.first, only.value != value, !result.contains(only.value) {
                result.append(only.value)
            }
        }
        return result
    }
}
