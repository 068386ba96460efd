import Foundation

/// How one Unicode scalar takes part in matching and in form comparison.
public enum ScalarClass: UInt8, Sendable {
    /// A letter or digit: part of a word, compared through its folded spelling.
    case word
    /// Any apostrophe (`'` `’` `‘` `ʼ` `´` `′` `＇`): one character for matching.
    case apostrophe
    /// A hyphen or dash that joins words (`-` `‐` `‑` `‒` `–` `−`): equal to a space between words.
    case hyphen
    /// White space of any kind (space, tab, line ends, NBSP, narrow NBSP, thin spaces).
    case space
    /// Invisible format characters (soft hyphen, zero-width joiners, BOM) and lone combining marks:
    /// they never break a word and never count.
    case ignorable
    /// Punctuation and symbols: kept as they are, and they end a word.
    case punctuation
}

/// The folded spelling of one scalar, in both folding strengths.
public struct ScalarFold: Sendable, Equatable {
    /// The class of the scalar.
    public var scalarClass: ScalarClass
    /// Case and diacritics removed (`É` → `e`, `Œ` → `oe`, `ß` → `ss`).
    public var folded: String
    /// Diacritics removed, case kept (`É` → `E`): the comparison used for `case` concepts.
    public var foldedKeepingCase: String
}

/// Folding of Unicode scalars for matching: case, diacritics, ligatures, apostrophe, dash and space
/// variants. One table serves the validator (comparing glossary forms) and the matcher (scanning text),
/// so both always agree on what "the same form" means.
public enum ScalarFolding {
    /// Scalars below this bound come from a table computed once; the rest are folded on demand.
    static let tableLimit: UInt32 = 0x3000

    private static let table: [ScalarFold] = (0..<tableLimit).map { value in
        guard let scalar = Unicode.Scalar(value) else {
            return ScalarFold(scalarClass: .punctuation, folded: "", foldedKeepingCase: "")
        }
        return computeFold(scalar)
    }

    /// The fold of a scalar.
    @inline(__always)
    public static func fold(_ scalar: Unicode.Scalar) -> ScalarFold {
        scalar.value < tableLimit ? table[Int(scalar.value)] : computeFold(scalar)
    }

    /// Whether a scalar is one of the apostrophes that matching treats as one character.
    public static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x27, 0x2019, 0x2018, 0x02BC, 0x00B4, 0x2032, 0xFF07: return true
        default: return false
        }
    }

    /// Whether a scalar is a hyphen or a dash that may join words.
    public static func isHyphen(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010, 0x2011, 0x2012, 0x2013, 0x2212, 0xFE63, 0xFF0D: return true
        default: return false
        }
    }

    static func computeFold(_ scalar: Unicode.Scalar) -> ScalarFold {
        let text = String(scalar)
        if isApostrophe(scalar) {
            return ScalarFold(scalarClass: .apostrophe, folded: "'", foldedKeepingCase: "'")
        }
        if isHyphen(scalar) {
            return ScalarFold(scalarClass: .hyphen, folded: " ", foldedKeepingCase: " ")
        }
        let properties = scalar.properties
        if properties.isWhitespace {
            return ScalarFold(scalarClass: .space, folded: " ", foldedKeepingCase: " ")
        }
        switch properties.generalCategory {
        case .format, .nonspacingMark, .enclosingMark, .spacingMark:
            return ScalarFold(scalarClass: .ignorable, folded: "", foldedKeepingCase: "")
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber:
            let lower = stripMarks(text.lowercased())
            let kept = stripMarks(text)
            return ScalarFold(scalarClass: .word, folded: lower, foldedKeepingCase: kept)
        default:
            return ScalarFold(scalarClass: .punctuation, folded: text, foldedKeepingCase: text)
        }
    }

    private static func stripMarks(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            switch scalar.value {
            case 0x153: result.append(contentsOf: "oe".unicodeScalars)
            case 0x152: result.append(contentsOf: "OE".unicodeScalars)
            case 0xE6: result.append(contentsOf: "ae".unicodeScalars)
            case 0xC6: result.append(contentsOf: "AE".unicodeScalars)
            case 0xDF: result.append(contentsOf: "ss".unicodeScalars)
            default: result.append(scalar)
            }
        }
        return String(result)
    }
}
