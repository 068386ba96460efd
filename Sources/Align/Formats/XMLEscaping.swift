/// Escaping of text for XML 1.0 output.
///
/// XML 1.0 cannot carry most C0 control characters, not even as character references, so they are
/// replaced by U+FFFD: a glossary with control characters does not validate anyway, and a
/// replacement character keeps the output well-formed where dropping would hide the problem.
public enum XMLEscaping {
    /// `text` as element content: `&`, `<` and `>` escaped (`>` too, so `]]>` never appears).
    public static func text(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// `text` as a double-quoted attribute value: also `"` and `'`, and white space other than a
    /// space as character references, which attribute-value normalisation would otherwise turn into spaces.
    public static func attribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    /// Whether XML 1.0 allows `scalar` in a document (the `Char` production).
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        // Most cells need nothing: return them without building a new string.
        if !text.unicodeScalars.contains(where: { needsEscaping($0, quotes: quotes) }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out.append(contentsOf: "&amp;".unicodeScalars)
            case "<": out.append(contentsOf: "&lt;".unicodeScalars)
            case ">": out.append(contentsOf: "&gt;".unicodeScalars)
            case "\"" where quotes: out.append(contentsOf: "&quot;".unicodeScalars)
            case "'" where quotes: out.append(contentsOf: "&apos;".unicodeScalars)
            case "\t" where quotes: out.append(contentsOf: "&#9;".unicodeScalars)
            case "\n" where quotes: out.append(contentsOf: "&#10;".unicodeScalars)
            // A raw CR would be read back as LF (XML line-end normalisation); keep it as a reference.
            case "\r": out.append(contentsOf: "&#13;".unicodeScalars)
            default: out.append(isAllowed(scalar) ? scalar : "\u{FFFD}")
            }
        }
        return String(out)
    }

    private static func needsEscaping(_ scalar: Unicode.Scalar, quotes: Bool) -> Bool {
        switch scalar {
        case "&", "<", ">", "\r": true
        case "\"", "'", "\t", "\n": quotes
        default: !isAllowed(scalar)
        }
    }
}
