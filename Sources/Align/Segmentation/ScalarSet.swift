/// A set of Unicode scalars as a regular expression's character class describes it: ranges,
/// general categories and named properties, nested classes, intersections, negation and case
/// folding. `ScalarTable` compiles it into a bitmap for fast membership tests.
struct ScalarSet: Sendable, Hashable {
    /// One member of a class.
    enum Item: Sendable, Hashable {
        /// Scalars from `lower` to `upper`, inclusive.
        case range(UInt32, UInt32)
        /// Every scalar whose general category is in the mask (`UnicodeTables.categoryBit`).
        case categories(UInt32)
        /// A named property that is not a general category.
        case property(ScalarProperty)
        /// A nested class (Java's `[a-c[x-z]]` union).
        case set(ScalarSet)
    }

    var items: [Item] = []
    /// Classes this one is intersected with (`[\p{L}&&[^rwn]]`).
    var intersections: [ScalarSet] = []
    var negated = false
    /// Whether a scalar also belongs when one of its simple case mappings does (`(?i)`).
    var caseInsensitive = false

    init(items: [Item] = [], negated: Bool = false, caseInsensitive: Bool = false) {
        self.items = items
        self.negated = negated
        self.caseInsensitive = caseInsensitive
    }

    /// A set of one scalar.
    static func scalar(_ value: UInt32, caseInsensitive: Bool = false) -> ScalarSet {
        ScalarSet(items: [.range(value, value)], caseInsensitive: caseInsensitive)
    }

    /// Whether `value` belongs to the set: the reference test, used for scalars past the table.
    func contains(_ value: UInt32) -> Bool {
        var found = itemsContain(value)
        if !found, caseInsensitive {
            found = UnicodeTables.caseVariants(of: value).contains { itemsContain($0) }
        }
        if found, !intersections.isEmpty {
            found = intersections.allSatisfy { $0.contains(value) }
        }
        return found != negated
    }

    private func itemsContain(_ value: UInt32) -> Bool {
        for item in items {
            switch item {
            case .range(let lower, let upper):
                if value >= lower, value <= upper { return true }
            case .categories(let mask):
                if mask & UnicodeTables.categoryBit(of: value) != 0 { return true }
            case .property(let property):
                if property.contains(value) { return true }
            case .set(let nested):
                if nested.contains(value) { return true }
            }
        }
        return false
    }

    /// Whether the set may hold scalars at or past `UnicodeTables.tableLimit` (conservative).
    var mayContainHighScalars: Bool {
        if negated { return true }
        let positive = items.contains { item in
            switch item {
            case .range(_, let upper): upper >= UnicodeTables.tableLimit
            case .categories, .property: true
            case .set(let nested): nested.mayContainHighScalars
            }
        }
        return positive || (caseInsensitive && !items.isEmpty)
    }
}

/// Named properties of `\p{…}` that are not general categories.
enum ScalarProperty: String, Sendable, Hashable {
    /// `\s`: tab, line feed, vertical tab, form feed, carriage return and every `Z` separator (ICU's `\s`).
    case whitespace
    /// `\w`: letters, marks, decimal digits and connector punctuation (ICU's Unicode `\w`).
    case word
    /// `\h`: horizontal white space (tab and `Zs`).
    case horizontalSpace
    /// `\v`: vertical white space (line feed to carriage return, NEL, line and paragraph separators).
    case verticalSpace
    /// `\p{Alphabetic}`.
    case alphabetic
    /// `\p{Uppercase}` (the binary property, wider than `Lu`).
    case uppercase
    /// `\p{Lowercase}`.
    case lowercase
    /// `\p{White_Space}`.
    case unicodeWhiteSpace
    /// `\p{Ideographic}`.
    case ideographic
    /// POSIX classes, which Java defines on ASCII only.
    case posixLower, posixUpper, posixASCII, posixAlpha, posixDigit, posixAlnum, posixPunct, posixGraph, posixPrint
    case posixBlank, posixControl, posixHexDigit, posixSpace

    func contains(_ value: UInt32) -> Bool {
        switch self {
        case .whitespace:
            if value >= 0x09 && value <= 0x0D { return true }
            return UnicodeTables.categoryBit(of: value) & UnicodeTables.separatorMask != 0
        case .word:
            return UnicodeTables.categoryBit(of: value) & UnicodeTables.wordMask != 0
        case .horizontalSpace:
            return value == 0x09 || UnicodeTables.categoryBit(of: value) & UnicodeTables.spaceSeparatorBit != 0
        case .verticalSpace:
            return (value >= 0x0A && value <= 0x0D) || value == 0x85 || value == 0x2028 || value == 0x2029
        case .alphabetic, .uppercase, .lowercase, .unicodeWhiteSpace, .ideographic:
            guard let scalar = Unicode.Scalar(value) else { return false }
            let properties = scalar.properties
            switch self {
            case .alphabetic: return properties.isAlphabetic
            case .uppercase: return properties.isUppercase
            case .lowercase: return properties.isLowercase
            case .unicodeWhiteSpace: return properties.isWhitespace
            default: return properties.isIdeographic
            }
        case .posixLower: return value >= 0x61 && value <= 0x7A
        case .posixUpper: return value >= 0x41 && value <= 0x5A
        case .posixASCII: return value < 0x80
        case .posixAlpha: return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
        case .posixDigit: return value >= 0x30 && value <= 0x39
        case .posixAlnum: return ScalarProperty.posixAlpha.contains(value) || ScalarProperty.posixDigit.contains(value)
        case .posixPunct:
            return (value >= 0x21 && value <= 0x2F) || (value >= 0x3A && value <= 0x40) || (value >= 0x5B && value <= 0x60)
                || (value >= 0x7B && value <= 0x7E)
        case .posixGraph: return value >= 0x21 && value <= 0x7E
        case .posixPrint: return value >= 0x20 && value <= 0x7E
        case .posixBlank: return value == 0x20 || value == 0x09
        case .posixControl: return value < 0x20 || value == 0x7F
        case .posixHexDigit:
            return ScalarProperty.posixDigit.contains(value) || ((value | 0x20) >= 0x61 && (value | 0x20) <= 0x66)
        case .posixSpace: return value == 0x20 || (value >= 0x09 && value <= 0x0D)
        }
    }
}
