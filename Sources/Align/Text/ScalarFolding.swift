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

    private static let table: [ScalarFold] = computeTable()

    /// The folds of every scalar below `tableLimit`, the same as `computeFold` gives one by one.
    ///
    /// Measured reason: one Foundation decomposition per letter (two for each of about 8,000
    /// letters) took 9 ms, a quarter of compiling a 10k-term glossary and paid by every command.
    /// Here the letters are decomposed in two calls, joined by line feeds. That gives the same
    /// pieces: canonical reordering never crosses a line feed (a starter), and no letter
    /// decomposes into one. `ScalarFoldingTests` compares every entry with `computeFold`.
    static func computeTable() -> [ScalarFold] {
        var folds: [ScalarFold] = []
        folds.reserveCapacity(Int(tableLimit))
        var letters: [Int] = []
        // UTF-8 bytes, not scalar views: appending to a `String.UnicodeScalarView` was a third of
        // building the table.
        var lowered: [UInt8] = []
        var kept: [UInt8] = []
        for value in 0..<tableLimit {
            guard let scalar = Unicode.Scalar(value) else {
                folds.append(ScalarFold(scalarClass: .punctuation, folded: "", foldedKeepingCase: ""))
                continue
            }
            if let fold = classify(scalar) {
                folds.append(fold)
                continue
            }
            letters.append(Int(value))
            folds.append(ScalarFold(scalarClass: .word, folded: "", foldedKeepingCase: ""))
            lowered.append(contentsOf: String(scalar).lowercased().utf8)
            lowered.append(0x0A)
            UTF8.encode(scalar) { kept.append($0) }
            kept.append(0x0A)
        }
        /// The decomposition of `bytes`, without marks, cut at line feeds.
        func pieces(_ bytes: [UInt8]) -> [String] {
            var pieces: [String] = []
            pieces.reserveCapacity(letters.count + 1)
            var piece = String.UnicodeScalarView()
            for scalar in String(decoding: bytes, as: UTF8.self).decomposedStringWithCanonicalMapping.unicodeScalars {
                if scalar == "\n" {
                    pieces.append(String(piece))
                    piece = String.UnicodeScalarView()
                } else {
                    appendWithoutMarks(scalar, to: &piece)
                }
            }
            pieces.append(String(piece))
            return pieces
        }
        let loweredPieces = pieces(lowered)
        let keptPieces = pieces(kept)
        guard loweredPieces.count == letters.count + 1, keptPieces.count == letters.count + 1 else {
            // Not expected (see above); fold one by one rather than misalign the table.
            return (0..<tableLimit).map { Unicode.Scalar($0).map(computeFold) ?? ScalarFold(scalarClass: .punctuation, folded: "", foldedKeepingCase: "") }
        }
        for (index, value) in letters.enumerated() {
            folds[value].folded = loweredPieces[index]
            folds[value].foldedKeepingCase = keptPieces[index]
        }
        return folds
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
        if let fold = classify(scalar) { return fold }
        let text = String(scalar)
        return ScalarFold(
            scalarClass: .word, folded: withoutMarks(text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars),
            foldedKeepingCase: withoutMarks(text.decomposedStringWithCanonicalMapping.unicodeScalars))
    }

    /// The fold of a scalar that is not a letter or digit; nil for letters and digits, whose fold
    /// needs their canonical decomposition.
    private static func classify(_ scalar: Unicode.Scalar) -> ScalarFold? {
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
            return nil
        default:
            let text = String(scalar)
            return ScalarFold(scalarClass: .punctuation, folded: text, foldedKeepingCase: text)
        }
    }

    /// A decomposed spelling without its combining marks, ligatures spelled out.
    private static func withoutMarks<Scalars: Sequence<Unicode.Scalar>>(_ decomposed: Scalars) -> String {
        var result = String.UnicodeScalarView()
        for scalar in decomposed { appendWithoutMarks(scalar, to: &result) }
        return String(result)
    }

    /// Appends one scalar of a decomposed spelling: nothing for a combining mark, a ligature
    /// spelled out.
    @inline(__always)
    private static func appendWithoutMarks(_ scalar: Unicode.Scalar, to result: inout String.UnicodeScalarView) {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .spacingMark: return
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
}
