/// The fast term scanner: one pass over UTF-8 bytes, folding as it goes, one hash probe per word,
/// trie walks only from words that occur in the glossary. Lines are independent (no term crosses
/// a line break), so callers may scan disjoint runs of lines in parallel. `TermMatcher` is the
/// reference it is tested against.
public struct TermScanner: Sendable {
    public let glossary: CompiledGlossary
    /// Whether to report possible misspellings of names and acronyms.
    public var detectsNearMisses: Bool

    public init(glossary: CompiledGlossary, detectsNearMisses: Bool = true) {
        self.glossary = glossary
        self.detectsNearMisses = detectsNearMisses
    }

    struct Token {
        static let word: UInt8 = 0
        static let separator: UInt8 = 1
        static let apostrophe: UInt8 = 2
        static let punctuation: UInt8 = 3

        var start: Int
        var end: Int
        var exact: Int32
        var lemma: Int32
        var kind: UInt8
        var isElision: Bool
        /// Separator holding a CR: nothing matches across it.
        var breaks: Bool
        var startsUpper: Bool
        var hasLower: Bool
    }

    /// Scans `text` (whole lines); byte offsets count from the start of its UTF-8.
    public func scan(_ text: String) -> [ScanMatch] {
        var bytes = Array(text.utf8)
        bytes.append(0x0A)
        return bytes.withUnsafeBufferPointer { scan($0[..<($0.count - 1)], firstLine: 1) }
    }

    /// Scans `bytes`, which must start at the start of a line and be valid UTF-8. Offsets are
    /// indexes of `bytes.base`; lines count from `firstLine`.
    public func scan(_ bytes: Slice<UnsafeBufferPointer<UInt8>>, firstLine: Int) -> [ScanMatch] {
        var state = LineScan(scanner: self, base: bytes.base)
        state.run(from: bytes.startIndex, to: bytes.endIndex, firstLine: firstLine)
        return state.matches
    }
}

/// The working state of one scan: reusable token buffer and the matches found.
struct LineScan {
    let scanner: TermScanner
    let glossary: CompiledGlossary
    let base: UnsafeBufferPointer<UInt8>
    var tokens: [TermScanner.Token] = []
    var matches: [ScanMatch] = []
    var lineMatches: [(first: Int, last: Int, entry: Int32, kind: MatchKind)] = []

    init(scanner: TermScanner, base: UnsafeBufferPointer<UInt8>) {
        self.scanner = scanner
        self.glossary = scanner.glossary
        self.base = base
        tokens.reserveCapacity(256)
    }

    mutating func run(from start: Int, to end: Int, firstLine: Int) {
        let table = ByteFoldTable.shared
        var line = firstLine
        var lineStart = start
        var index = start
        // The token being built: kind, start, hash and folded length for words.
        var currentKind: UInt8 = 255
        var currentStart = 0
        var currentEnd = 0
        var hash = WordHash.seed
        var length = 0
        var startsUpper = false
        var hasLower = false
        var breaks = false

        table.asciiClass.withUnsafeBufferPointer { asciiClass in
            table.asciiFolded.withUnsafeBufferPointer { asciiFolded in
                table.entries.withUnsafeBufferPointer { entries in
                    table.pool.withUnsafeBufferPointer { pool in
                        func finish() {
                            switch currentKind {
                            case TermScanner.Token.word:
                                appendWord(start: currentStart, end: currentEnd, hash: hash, length: length, startsUpper: startsUpper, hasLower: hasLower, kind: TermScanner.Token.word)
                            case TermScanner.Token.separator:
                                tokens.append(TermScanner.Token(start: currentStart, end: currentEnd, exact: CompiledGlossary.separatorSymbol, lemma: CompiledGlossary.separatorSymbol, kind: TermScanner.Token.separator, isElision: false, breaks: breaks, startsUpper: false, hasLower: false))
                            default: break
                            }
                            currentKind = 255
                        }

                        while index < end {
                            let byte = base[index]
                            var scalarClass: UInt8
                            var width = 1
                            var foldStart = 0
                            var foldLength = 0
                            var isUpper = false
                            var isLower = false
                            if byte < 0x80 {
                                if byte == 0x0A {
                                    finish()
                                    endLine(lineStart: lineStart, line: line)
                                    line += 1
                                    index += 1
                                    lineStart = index
                                    continue
                                }
                                scalarClass = asciiClass[Int(byte)]
                                isUpper = byte >= 0x41 && byte <= 0x5A
                                isLower = byte >= 0x61 && byte <= 0x7A
                            } else {
                                var value: UInt32
                                if byte < 0xE0 {
                                    width = 2
                                    value = UInt32(byte & 0x1F) << 6 | UInt32(base[index + 1] & 0x3F)
                                } else if byte < 0xF0 {
                                    width = 3
                                    value = UInt32(byte & 0x0F) << 12 | UInt32(base[index + 1] & 0x3F) << 6 | UInt32(base[index + 2] & 0x3F)
                                } else {
                                    width = 4
                                    value = UInt32(byte & 0x07) << 18 | UInt32(base[index + 1] & 0x3F) << 12 | UInt32(base[index + 2] & 0x3F) << 6 | UInt32(base[index + 3] & 0x3F)
                                }
                                if value < ScalarFolding.tableLimit {
                                    let entry = entries[Int(value)]
                                    scalarClass = UInt8(entry & 0xF)
                                    isUpper = entry & 0x10 != 0
                                    isLower = entry & 0x20 != 0
                                    foldLength = Int((entry >> 6) & 0x3F)
                                    foldStart = Int(entry >> 12)
                                } else {
                                    let fold = ScalarFolding.fold(Unicode.Scalar(value) ?? "\u{FFFD}")
                                    scalarClass = fold.scalarClass.rawValue
                                    // Rare scalars: hash their folded bytes directly below.
                                    if scalarClass == ScalarClass.word.rawValue {
                                        if currentKind != TermScanner.Token.word {
                                            finish()
                                            currentKind = TermScanner.Token.word
                                            currentStart = index
                                            hash = WordHash.seed
                                            length = 0
                                            startsUpper = false
                                            hasLower = false
                                        }
                                        for folded in fold.folded.utf8 { hash = WordHash.add(hash, folded) }
                                        length += fold.folded.utf8.count
                                        currentEnd = index + width
                                        index += width
                                        continue
                                    } else if scalarClass == ScalarClass.punctuation.rawValue {
                                        finish()
                                        let bytes = Array(fold.folded.utf8)
                                        appendWord(start: index, end: index + width, hash: WordHash.of(bytes), length: bytes.count, startsUpper: false, hasLower: false, kind: TermScanner.Token.punctuation)
                                        index += width
                                        continue
                                    }
                                }
                            }
                            switch scalarClass {
                            case ScalarClass.word.rawValue:
                                if currentKind != TermScanner.Token.word {
                                    finish()
                                    currentKind = TermScanner.Token.word
                                    currentStart = index
                                    hash = WordHash.seed
                                    length = 0
                                    startsUpper = isUpper
                                    hasLower = false
                                }
                                if isLower { hasLower = true }
                                if byte < 0x80 {
                                    hash = WordHash.add(hash, asciiFolded[Int(byte)])
                                    length += 1
                                } else {
                                    for offset in foldStart..<(foldStart + foldLength) { hash = WordHash.add(hash, pool[offset]) }
                                    length += foldLength
                                }
                                currentEnd = index + width
                            case ScalarClass.space.rawValue, ScalarClass.hyphen.rawValue:
                                if currentKind != TermScanner.Token.separator {
                                    finish()
                                    currentKind = TermScanner.Token.separator
                                    currentStart = index
                                    breaks = false
                                }
                                if byte == 0x0D { breaks = true }
                                currentEnd = index + width
                            case ScalarClass.ignorable.rawValue:
                                if currentKind != 255 { currentEnd = index + width }
                            case ScalarClass.apostrophe.rawValue:
                                finish()
                                tokens.append(TermScanner.Token(start: index, end: index + width, exact: CompiledGlossary.apostropheSymbol, lemma: CompiledGlossary.apostropheSymbol, kind: TermScanner.Token.apostrophe, isElision: false, breaks: false, startsUpper: false, hasLower: false))
                            default:
                                finish()
                                var punctuationHash = WordHash.seed
                                if byte < 0x80 {
                                    punctuationHash = WordHash.add(punctuationHash, asciiFolded[Int(byte)])
                                    foldLength = 1
                                } else {
                                    for offset in foldStart..<(foldStart + foldLength) { punctuationHash = WordHash.add(punctuationHash, pool[offset]) }
                                }
                                appendWord(start: index, end: index + width, hash: punctuationHash, length: foldLength, startsUpper: false, hasLower: false, kind: TermScanner.Token.punctuation)
                            }
                            index += width
                        }
                        finish()
                        if lineStart < end || !tokens.isEmpty { endLine(lineStart: lineStart, line: line) }
                    }
                }
            }
        }
    }

    @inline(__always)
    mutating func appendWord(start: Int, end: Int, hash: UInt64, length: Int, startsUpper: Bool, hasLower: Bool, kind: UInt8) {
        let found = glossary.symbols.lookup(hash: hash, length: length)
        var exact: Int32 = -1
        var lemma: Int32 = -1
        var isElision = false
        if found >= 0 {
            let entry = glossary.symbols.entries[Int(found)]
            exact = entry.exact
            lemma = entry.lemma
            isElision = entry.isElision
        }
        tokens.append(TermScanner.Token(start: start, end: end, exact: exact, lemma: lemma, kind: kind, isElision: isElision, breaks: false, startsUpper: startsUpper, hasLower: hasLower))
    }

    /// Matches the tokens of one line and records the matches.
    mutating func endLine(lineStart: Int, line: Int) {
        defer { tokens.removeAll(keepingCapacity: true) }
        guard !tokens.isEmpty else { return }
        lineMatches.removeAll(keepingCapacity: true)
        var index = 0
        let count = tokens.count
        while index < count {
            let token = tokens[index]
            if (token.kind == TermScanner.Token.word || token.kind == TermScanner.Token.punctuation) && (token.exact >= 0 || token.lemma >= 0),
                let (last, entry, inflected) = longestMatch(at: index)
            {
                lineMatches.append((index, last, entry, kind(entry: entry, first: index, last: last, inflected: inflected)))
                index = last + 1
            } else {
                index += 1
            }
        }
        if scanner.detectsNearMisses, !glossary.nearMisses.isEmpty { findNearMisses() }
        guard !lineMatches.isEmpty else { return }
        // Columns: one forward walk over the line, counting code points.
        var cursor = lineStart
        var column = 1
        for match in lineMatches {
            var start = tokens[match.first].start
            if hasElision(before: match.first) { start = tokens[match.first - 2].start }
            while cursor < start {
                if base[cursor] & 0xC0 != 0x80 { column += 1 }
                cursor += 1
            }
            matches.append(
                ScanMatch(entry: match.entry, start: start, termStart: tokens[match.first].start, end: tokens[match.last].end, line: line, column: column, kind: match.kind))
        }
    }

    @inline(__always)
    func hasElision(before first: Int) -> Bool {
        first >= 2 && tokens[first - 1].kind == TermScanner.Token.apostrophe && tokens[first - 2].kind == TermScanner.Token.word && tokens[first - 2].isElision
    }

    @inline(__always)
    func symbol(_ token: TermScanner.Token, inflected: Bool) -> Int32 {
        if token.breaks { return -1 }
        return inflected ? token.lemma : token.exact
    }

    /// The longest match starting at `first`: last token, entry, and whether through inflection.
    func longestMatch(at first: Int) -> (Int, Int32, Bool)? {
        var best: (Int, Int32, Bool)?
        for (trie, inflected) in [(glossary.exact, false), (glossary.inflected, true)] {
            var node: Int32 = 0
            var index = first
            while index < tokens.count {
                let symbol = symbol(tokens[index], inflected: inflected)
                if symbol < 0 { break }
                node = trie.trie.child(node, symbol)
                if node < 0 { break }
                if trie.isTerminal(node), best == nil || index > best!.0, let entry = acceptedEntry(trie, node, first: first, last: index) {
                    best = (index, entry, inflected)
                }
                index += 1
            }
        }
        return best
    }

    /// The first entry ending at `node` whose case constraint the surface meets.
    func acceptedEntry(_ trie: FlatTrie, _ node: Int32, first: Int, last: Int) -> Int32? {
        let range = Int(trie.terminalOffsets[Int(node)])..<Int(trie.terminalOffsets[Int(node) + 1])
        for offset in range {
            let entryIndex = trie.terminalEntries[offset]
            guard let caseKeys = glossary.entries[Int(entryIndex)].caseKeys else { return entryIndex }
            if surfaceTokens(first: first, last: last).map(\.foldedKeepingCase) == caseKeys { return entryIndex }
        }
        return nil
    }

    func surfaceTokens(first: Int, last: Int) -> [TextToken] {
        let bytes = UnsafeBufferPointer(rebasing: base[tokens[first].start..<tokens[last].end])
        return TextTokenizer.tokenize(String(decoding: bytes, as: UTF8.self))
    }

    func kind(entry entryIndex: Int32, first: Int, last: Int, inflected: Bool) -> MatchKind {
        let entry = glossary.entries[Int(entryIndex)]
        if entry.isAvoided { return .avoided }
        if inflected { return .inflected }
        if hasElision(before: first) { return .elided }
        if !entry.isPreferred { return .variant }
        let start = tokens[first].start
        let end = tokens[last].end
        if end - start == entry.formBytes.count, entry.formBytes.withUnsafeBufferPointer({ form in
            (0..<form.count).allSatisfy { form[$0] == base[start + $0] }
        }) {
            return .exact
        }
        return .folded
    }
}
