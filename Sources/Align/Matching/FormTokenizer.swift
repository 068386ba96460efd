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

    /// Tokens of any number of forms in flat arrays, one element per token and the folded bytes
    /// back to back. Measured reason: with an array of bytes per token and an array of tokens per
    /// form, allocating, copying and releasing them was a fifth of compiling 100k terms.
    struct Tokens {
        var kinds: [UInt8] = []
        var hashes: [UInt64] = []
        /// Bit 0: the token starts with an upper-case letter; bit 1: it has a lower-case letter.
        var cases: [UInt8] = []
        /// Token `i` folds to `folded[foldedEnds[i - 1]..<foldedEnds[i]]` (from 0 for the first).
        var foldedEnds: [Int32] = []
        var folded: [UInt8] = []

        var count: Int { kinds.count }

        func foldedRange(_ index: Int) -> Range<Int> {
            (index == 0 ? 0 : Int(foldedEnds[index - 1]))..<Int(foldedEnds[index])
        }

        func foldedLength(_ index: Int) -> Int {
            Int(foldedEnds[index]) - (index == 0 ? 0 : Int(foldedEnds[index - 1]))
        }

        func startsUpper(_ index: Int) -> Bool { cases[index] & 1 != 0 }
        func hasLower(_ index: Int) -> Bool { cases[index] & 2 != 0 }

        mutating func removeLast() {
            kinds.removeLast()
            hashes.removeLast()
            cases.removeLast()
            foldedEnds.removeLast()
            folded.removeSubrange((foldedEnds.last.map(Int.init) ?? 0)...)
        }

        mutating func reserveCapacity(tokens: Int, bytes: Int) {
            kinds.reserveCapacity(tokens)
            hashes.reserveCapacity(tokens)
            cases.reserveCapacity(tokens)
            foldedEnds.reserveCapacity(tokens)
            folded.reserveCapacity(bytes)
        }
    }

    /// The tokens of `form`, without leading or trailing separators.
    static func tokens(_ form: String) -> [Token] {
        var tokens = Tokens()
        append(form, to: &tokens, fold: ByteFoldTable.shared)
        return (0..<tokens.count).map { index in
            Token(
                kind: tokens.kinds[index], folded: Array(tokens.folded[tokens.foldedRange(index)]), startsUpper: tokens.startsUpper(index),
                hasLower: tokens.hasLower(index), hash: tokens.hashes[index])
        }
    }

    /// Appends the tokens of `form` to `tokens`, without leading or trailing separators; returns
    /// how many it appended.
    ///
    /// The fold table is passed in: threads compiling a glossary together would otherwise retain
    /// and release the shared table's arrays on every form, and those atomic counts, on one cache
    /// line for both cores, made two threads slower than one.
    @discardableResult
    static func append(_ form: String, to tokens: inout Tokens, fold: borrowing ByteFoldTable) -> Int {
        fold.entries.withUnsafeBufferPointer { entries in
            fold.pool.withUnsafeBufferPointer { pool in append(form, to: &tokens, entries: entries, pool: pool) }
        }
    }

    private static func append(_ form: String, to tokens: inout Tokens, entries: UnsafeBufferPointer<UInt32>, pool: UnsafeBufferPointer<UInt8>) -> Int {
        var form = form
        return form.withUTF8 { append(utf8: $0, to: &tokens, entries: entries, pool: pool) }
    }

    /// `append` on the form's UTF-8, decoded here: iterating `unicodeScalars` and appending each
    /// fold through the generic `append(contentsOf:)` cost about 5,000 instructions per form
    /// (callgrind), half of compiling 100k terms.
    private static func append(utf8 form: UnsafeBufferPointer<UInt8>, to tokens: inout Tokens, entries: UnsafeBufferPointer<UInt32>, pool: UnsafeBufferPointer<UInt8>) -> Int {
        let first = tokens.count
        // The kind of the token being built (`nil` when none), and where its folded bytes start.
        var current: UInt8?
        var currentStart = tokens.folded.count
        var currentCases: UInt8 = 0
        func flush() {
            guard let kind = current else { return }
            tokens.kinds.append(kind)
            tokens.cases.append(currentCases)
            tokens.foldedEnds.append(Int32(tokens.folded.count))
            tokens.hashes.append(
                tokens.folded.count > currentStart
                    ? tokens.folded.withUnsafeBufferPointer { WordHash.of(buffer: UnsafeBufferPointer(rebasing: $0[currentStart...])) } : 0)
            current = nil
        }
        func start(_ kind: UInt8, cases: UInt8) {
            flush()
            current = kind
            currentStart = tokens.folded.count
            currentCases = cases
        }
        guard let base = form.baseAddress else { return 0 }
        var index = 0
        while index < form.count {
            let (value, width) = UTF8Decoding.scalar(base, at: index)
            index += width
            var scalarClass: ScalarClass
            var poolRange = 0..<0
            var rare = ""
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
                let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
                let scalarFold = ScalarFolding.fold(scalar)
                scalarClass = scalarFold.scalarClass
                rare = scalarFold.folded
                isUpper = scalarClass == .word && scalar.properties.isUppercase
                isLower = scalarClass == .word && scalar.properties.isLowercase
            }
            func appendFold() {
                for offset in poolRange { tokens.folded.append(pool[offset]) }
                if !rare.isEmpty { tokens.folded.append(contentsOf: rare.utf8) }
            }
            switch scalarClass {
            case .word:
                if current != TermScanner.Token.word { start(TermScanner.Token.word, cases: isUpper ? 1 : 0) }
                if isLower { currentCases |= 2 }
                appendFold()
            case .space, .hyphen:
                // No separator before the first token.
                if current != TermScanner.Token.separator, current != nil || tokens.count > first { start(TermScanner.Token.separator, cases: 0) }
            case .ignorable:
                continue
            case .apostrophe:
                start(TermScanner.Token.apostrophe, cases: 0)
                flush()
            case .punctuation:
                start(TermScanner.Token.punctuation, cases: 0)
                appendFold()
                flush()
            }
        }
        flush()
        while tokens.count > first, tokens.kinds[tokens.count - 1] == TermScanner.Token.separator { tokens.removeLast() }
        return tokens.count - first
    }
}
