/// One item of tokenized text: a word, a separator, an apostrophe or a punctuation mark, with the
/// byte range it covers in the UTF-8 text it came from.
public struct TextToken: Sendable, Equatable {
    public enum Kind: UInt8, Sendable {
        case word
        /// A run of spaces, hyphens and dashes between words.
        case separator
        case apostrophe
        case punctuation
    }

    public var kind: Kind
    /// Case and diacritics folded (`États` → `etats`); `" "` for separators, `'` for apostrophes.
    public var folded: String
    /// Diacritics folded, case kept (`États` → `Etats`).
    public var foldedKeepingCase: String
    /// Byte range in the source text.
    public var start: Int
    public var end: Int

    /// Whether the separator holds a line break, which no term may cross: lines are scanned
    /// independently, so matching parallelizes and streams exactly.
    public var breaksLine = false
}

/// Splits UTF-8 text into `TextToken`s using `ScalarFolding`, so text and glossary forms are cut
/// and folded the same way.
public enum TextTokenizer {
    /// The tokens of `text`; byte offsets count from the start of `text.utf8` plus `baseOffset`.
    public static func tokenize(_ text: some StringProtocol, baseOffset: Int = 0) -> [TextToken] {
        var tokens: [TextToken] = []
        var offset = baseOffset
        var current: TextToken?

        func flush() {
            if let token = current { tokens.append(token) }
            current = nil
        }

        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            let fold = ScalarFolding.fold(scalar)
            switch fold.scalarClass {
            case .word:
                if current?.kind == .word {
                    current!.folded += fold.folded
                    current!.foldedKeepingCase += fold.foldedKeepingCase
                    current!.end = offset + width
                } else {
                    flush()
                    current = TextToken(kind: .word, folded: fold.folded, foldedKeepingCase: fold.foldedKeepingCase, start: offset, end: offset + width)
                }
            case .ignorable:
                // Soft hyphens and combining marks stay inside the item they follow.
                if current != nil { current!.end = offset + width }
            case .space, .hyphen:
                if current?.kind == .separator {
                    current!.end = offset + width
                } else {
                    flush()
                    current = TextToken(kind: .separator, folded: " ", foldedKeepingCase: " ", start: offset, end: offset + width)
                }
                if scalar == "\n" || scalar == "\r" { current!.breaksLine = true }
            case .apostrophe:
                flush()
                tokens.append(TextToken(kind: .apostrophe, folded: "'", foldedKeepingCase: "'", start: offset, end: offset + width))
            case .punctuation:
                flush()
                tokens.append(TextToken(kind: .punctuation, folded: fold.folded, foldedKeepingCase: fold.foldedKeepingCase, start: offset, end: offset + width))
            }
        }
        flush()
        return tokens
    }
}
