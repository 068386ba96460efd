/// Concept data that no TBX-Basic data category holds, carried in a `<note>` whose text starts with
/// an `[align:KEY]` tag: `[align:flags] case,exact`, `[align:counterexample] Une phrase.`,
/// `[align:extra source] AFP`. Other tools show such notes as they are; Align reads them back.
enum TBXAnnotation: Equatable, Sendable {
    /// The concept id, when it cannot be the entry's XML `id` (not an XML name, or used twice).
    case id(String)
    /// The `flags` cell (`case,exact`).
    case flags(String)
    /// One counter-example sentence.
    case counterexample(String)
    /// One unknown column and its cell.
    case extra(name: String, value: String)
    /// A human note that itself starts with `[align:`, tagged so it is not read as an annotation.
    case note(String)

    static let prefix = "[align:"

    /// The note for a human note: the text itself, unless it could be taken for an annotation.
    static func noteText(forHumanNote note: String) -> String {
        note.unicodeScalars.starts(with: prefix.unicodeScalars) ? TBXAnnotation.note(note).text : note
    }

    /// The text of the `<note>` element.
    var text: String {
        switch self {
        case .id(let value): Self.tagged("id", value)
        case .flags(let value): Self.tagged("flags", value)
        case .counterexample(let value): Self.tagged("counterexample", value)
        case .extra(let name, let value): Self.tagged("extra " + Self.encodeName(name), value)
        case .note(let value): Self.tagged("note", value)
        }
    }

    /// The annotation in a note's text, or `nil` for an ordinary note (or an unknown tag, which is
    /// then kept as an ordinary note).
    init?(noteText: String) {
        // Scalars, not characters: a value starting with a combining mark (`\u{301}`) would join
        // the space after `]` into one character, and the tag would no longer be found.
        let scalars = Array(noteText.unicodeScalars)
        let prefix = Array(Self.prefix.unicodeScalars)
        guard scalars.starts(with: prefix), let close = scalars[prefix.count...].firstIndex(of: "]") else { return nil }
        let tag = scalars[prefix.count..<close]
        var valueStart = close + 1
        if valueStart < scalars.count, scalars[valueStart] == " " { valueStart += 1 }
        let value = String(String.UnicodeScalarView(scalars[valueStart...]))
        let key = String(String.UnicodeScalarView(tag.prefix { $0 != " " }))
        let argument = Substring(String(String.UnicodeScalarView(tag.dropFirst(key.unicodeScalars.count).drop { $0 == " " })))
        switch key {
        case "id": self = .id(value)
        case "flags": self = .flags(value)
        case "counterexample": self = .counterexample(value)
        case "note": self = .note(value)
        case "extra":
            guard let name = Self.decodeName(argument), !name.isEmpty else { return nil }
            self = .extra(name: name, value: value)
        default: return nil
        }
    }

    private static func tagged(_ tag: String, _ value: String) -> String {
        value.isEmpty ? prefix + tag + "]" : prefix + tag + "] " + value
    }

    /// Column names may hold spaces and `]`: those, `%` and anything invisible are percent-encoded
    /// (UTF-8 bytes), so the tag always ends at the first `]`.
    static func encodeName(_ name: String) -> String {
        var out = ""
        for scalar in name.unicodeScalars {
            let plain = scalar != "%" && scalar != "]" && !scalar.properties.isWhitespace
                && scalar.properties.generalCategory != .control && scalar.properties.generalCategory != .format
            if plain {
                out.unicodeScalars.append(scalar)
            } else {
                for byte in String(scalar).utf8 { out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
            }
        }
        return out
    }

    static func decodeName(_ encoded: Substring) -> String? {
        var bytes: [UInt8] = []
        var index = encoded.utf8.startIndex
        let utf8 = encoded.utf8
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == UInt8(ascii: "%") {
                let first = utf8.index(after: index)
                guard first < utf8.endIndex, utf8.index(after: first) < utf8.endIndex,
                    let high = hexValue(utf8[first]), let low = hexValue(utf8[utf8.index(after: first)])
                else { return nil }
                bytes.append(high << 4 | low)
                index = utf8.index(first, offsetBy: 2)
            } else {
                bytes.append(byte)
                index = utf8.index(after: index)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        default: nil
        }
    }
}
