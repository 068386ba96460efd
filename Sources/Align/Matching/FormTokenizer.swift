/// Tokenizes glossary forms on bytes with the scanner's fold table, so a form's tokens, folded
/// bytes and hashes are exactly what the scanner computes for the same text. The compiler uses
/// it; it is faster than `TextTokenizer` and needs no `String` per token.
enum FormTokenizer {
    struct Token {
        var kind: UInt8
        /// Folded bytes (case and diacritics removed), empty for separators and apostrophes.
        var folded: [UInt8]
        var startsUpper: Bool
        /// Whether the word has a lower-case letter (`ATACMS` has none: an acronym).
        var hasLower = false
        /// `WordHash` of `folded`, worked out once when the form is tokenized (compiling runs the
        /// tokenizer on all cores, then reads hashes on one thread).
        var hash: UInt64 = 0
    }

    /// The tokens of `form`, without leading or trailing separators.
    static func tokens(_ form: String) -> [Token] {
        tokens(form, fold: ByteFoldTable.shared)
    }

    /// The same with the fold table passed in: threads compiling a glossary together would
    /// otherwise retain and release the shared table's arrays on every form, and those atomic
    /// counts, on one cache line for both cores, made two threads slower than one.
    static func tokens(_ form: String, fold: borrowing ByteFoldTable) -> [Token] {
        fold.entries.withUnsafeBufferPointer { entries in
            fold.pool.withUnsafeBufferPointer { pool in tokens(form, entries: entries, pool: pool) }
        }
    }

    private static func tokens(_ form: String, entries: UnsafeBufferPointer<UInt32>, pool: UnsafeBufferPointer<UInt8>) -> [Token] {
        var tokens: [Token] = []
        var current: Token?
        func flush() {
            if let token = current { tokens.append(token) }
            current = nil
        }
        for scalar in form.unicodeScalars {
            let value = scalar.value
            var scalarClass: ScalarClass
            var poolRange = 0..<0
            var rare: [UInt8] = []
            var isUpper = false
            var isLower = false
            if value < ScalarFolding.tableLimit {
                let entry = entries[Int(value)]
                scalarClass = ScalarClass(rawValue: UInt8(entry & 0xF))!
                let start = Int(entry >> 12)
                poolRange = start..<(start + Int((entry >> 6) & 0x3F))
                isUpper = entry & 0x10 != 0
                isLower = entry & 0x20 != 0
            } else {
                let scalarFold = ScalarFolding.fold(scalar)
                scalarClass = scalarFold.scalarClass
                rare = Array(scalarFold.folded.utf8)
                isUpper = scalarClass == .word && scalar.properties.isUppercase
                isLower = scalarClass == .word && scalar.properties.isLowercase
            }
            switch scalarClass {
            case .word:
                if current?.kind != TermScanner.Token.word {
                    flush()
                    current = Token(kind: TermScanner.Token.word, folded: [], startsUpper: isUpper)
                }
                if isLower { current!.hasLower = true }
                current!.folded.append(contentsOf: UnsafeBufferPointer(rebasing: pool[poolRange]))
                current!.folded.append(contentsOf: rare)
            case .space, .hyphen:
                if current?.kind != TermScanner.Token.separator {
                    flush()
                    current = Token(kind: TermScanner.Token.separator, folded: [], startsUpper: false)
                }
            case .ignorable:
                continue
            case .apostrophe:
                flush()
                tokens.append(Token(kind: TermScanner.Token.apostrophe, folded: [], startsUpper: false))
            case .punctuation:
                flush()
                tokens.append(Token(kind: TermScanner.Token.punctuation, folded: Array(UnsafeBufferPointer(rebasing: pool[poolRange])) + rare, startsUpper: false))
            }
        }
        flush()
        while tokens.first?.kind == TermScanner.Token.separator { tokens.removeFirst() }
        while tokens.last?.kind == TermScanner.Token.separator { tokens.removeLast() }
        for index in tokens.indices where !tokens[index].folded.isEmpty { tokens[index].hash = WordHash.of(tokens[index].folded) }
        return tokens
    }
}
