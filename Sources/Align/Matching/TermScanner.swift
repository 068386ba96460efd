/// The fast term scanner: one pass over UTF-8 bytes, folding as it goes, one hash probe per word,
/// trie walks only from words that occur in the glossary. Lines are independent (no term crosses
/// a line break), so callers may scan disjoint runs of lines in parallel. `TermMatcher` is the
/// reference it is tested against.
public struct TermScanner: Sendable {
    public let glossary: CompiledGlossary
    /// Whether to report possible misspellings of names and acronyms.
    public var detectsNearMisses: Bool
    /// Working memory of finished scans, for the next ones: a scan of a chunk starts with the
    /// word cache and the near-miss memo the previous chunk left on some thread, not empty.
    let scratch = ScanScratchPool()

    public init(glossary: CompiledGlossary, detectsNearMisses: Bool = true) {
        self.glossary = glossary
        self.detectsNearMisses = detectsNearMisses
    }

    /// One token of a line. Separators (spaces, hyphens) are not tokens of their own: the token
    /// after one carries `afterSeparator`, and its symbol is tagged when a walk continues onto it,
    /// as the tries' paths are. Measured reason: separators were a third of all tokens and every
    /// other step of a trie walk (14M steps on the benchmark with 10k terms).
    struct Token {
        static let word: UInt8 = 0
        /// The kind of separator tokens in `FormTokenizer`; the scanner never stores one.
        static let separator: UInt8 = 1
        static let apostrophe: UInt8 = 2
        static let punctuation: UInt8 = 3

        var start: Int
        var end: Int
        var exact: Int32
        var lemma: Int32
        var kind: UInt8
        var isElision: Bool
        /// A breaker: a run of words and marks that occur in no form.
        var breaks: Bool
        var startsUpper: Bool
        var hasLower: Bool
        /// The exact trie's and the inflection trie's root child along this token (`WordCache.Entry`),
        /// -1 when no form of that trie starts here.
        var exactRoot: Int32 = -1
        var inflectedRoot: Int32 = -1
        /// Whether a separator comes before this token, and whether that separator holds a CR
        /// (nothing matches across it).
        var afterSeparator = false
        var afterBreak = false
        /// An unknown capitalized word with near-miss candidates in the glossary: a near miss
        /// may end here (see `LineScan.mayBeNearMiss`).
        var mayBeNearMiss = false

        /// Whether any form can start at this token: the AND of two pointers is negative only when
        /// both are -1.
        var starts: Bool { exactRoot & inflectedRoot >= 0 }

        var isBreaker: Bool { breaks }
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
        defer { state.release() }
        // About one occurrence per 100 bytes of prose with a large glossary: reserving avoids
        // regrowing (and copying) the array many times per chunk.
        state.matches.reserveCapacity(bytes.count / 100 + 16)
        state.run(from: bytes.startIndex, to: bytes.endIndex, firstLine: firstLine)
        state.dropRecurringNearMisses()
        return state.matches
    }
}

/// The working state of one scan: reusable token buffer and the matches found.
///
/// Helpers that only read the state are still `mutating`: called from a mutating method, a
/// non-mutating one received a copy of the whole struct (a 560-byte memcpy, and a retain and
/// release of every array and reference in it) on every trie walk; perf showed it as 8 % of
/// scanning time.
struct LineScan {
    let scanner: TermScanner
    let glossary: CompiledGlossary
    let tables: ScanTables
    let base: UnsafeBufferPointer<UInt8>
    /// The tokens of the current line, in a buffer this scan owns (an `Array` here cost
    /// uniqueness checks and reference counting on every append). Handed back to the scanner's pool by `release()`.
    var tokens: TokenBuffer
    /// A separator was read since the last token (and whether it held a CR): the next token gets it.
    var pendingSeparator = false
    var pendingBreak = false
    let cache: WordCache
    /// Whether near misses are looked for at all.
    let checksNearMisses: Bool
    /// Whether an unknown capitalized word has near-miss candidates, by folded hash, length and
    /// capitals (direct-mapped, `nearMissMemoSize` slots). Handed back with the tokens.
    let nearMissMemo: UnsafeMutablePointer<(hash: UInt64, key: UInt32, possible: Bool)>
    static let nearMissMemoSize = 4096
    var matches: [ScanMatch] = []
    var lineMatches: [(first: Int, last: Int, entry: Int32, kind: MatchKind)] = []
    /// Exact matches a near miss of this line contains, by the near miss's first token.
    var lineSwallowed: [(nearMiss: Int, match: (first: Int, last: Int, entry: Int32, kind: MatchKind))] = []
    /// The same, once emitted: index of the near miss in `matches`, and the match it contains.
    var swallowed: [(nearMiss: Int, match: ScanMatch)] = []

    init(scanner: TermScanner, base: UnsafeBufferPointer<UInt8>) {
        self.scanner = scanner
        self.glossary = scanner.glossary
        self.tables = scanner.glossary.tables
        self.base = base
        checksNearMisses = scanner.detectsNearMisses && !scanner.glossary.nearMisses.isEmpty
        let scratch = scanner.scratch.take()
        tokens = scratch.tokens
        cache = scratch.cache
        nearMissMemo = scratch.nearMissMemo
    }

    /// Hands the working memory back to the scanner's pool.
    func release() {
        var tokens = tokens
        tokens.removeAll()
        scanner.scratch.give(ScanScratchPool.Scratch(tokens: tokens, cache: cache, nearMissMemo: nearMissMemo))
    }

    /// One decoded scalar: class, byte width, folded bytes (a range of the fold pool; negative
    /// `foldStart` encodes an ASCII byte; `rare` holds the fold of a scalar past the table).
    struct Scalar {
        var scalarClass: UInt8
        var width: Int
        var foldStart: Int
        var foldLength: Int
        var isUpper: Bool
        var isLower: Bool
        /// The code point of a scalar past the fold table, folded again when hashed (rare); 0 otherwise.
        var rare: UInt32
    }

    @inline(__always)
    func decode(_ bytes: UnsafePointer<UInt8>, _ index: Int) -> Scalar {
        let byte = bytes[index]
        if byte < 0x80 {
            return Scalar(
                scalarClass: tables.asciiClass[Int(byte)], width: 1, foldStart: -Int(byte) - 1, foldLength: 1,
                isUpper: byte >= 0x41 && byte <= 0x5A, isLower: byte >= 0x61 && byte <= 0x7A, rare: 0)
        }
        let (value, width) = UTF8Decoding.scalar(bytes, at: index)
        if value < ScalarFolding.tableLimit {
            let entry = tables.foldEntries[Int(value)]
            return Scalar(
                scalarClass: UInt8(entry & 0xF), width: width, foldStart: Int(entry >> 12), foldLength: Int((entry >> 6) & 0x3F),
                isUpper: entry & 0x10 != 0, isLower: entry & 0x20 != 0, rare: 0)
        }
        let scalar = Unicode.Scalar(value) ?? "\u{FFFD}"
        let fold = ScalarFolding.fold(scalar)
        return Scalar(
            scalarClass: fold.scalarClass.rawValue, width: width, foldStart: 0, foldLength: fold.folded.utf8.count,
            isUpper: fold.scalarClass == .word && scalar.properties.isUppercase,
            isLower: fold.scalarClass == .word && scalar.properties.isLowercase, rare: value)
    }

    @inline(__always)
    mutating func addFolded(_ scalar: Scalar, to hasher: inout WordHasher) {
        if scalar.foldStart < 0 {
            hasher.append(tables.asciiFolded[-scalar.foldStart - 1])
        } else if scalar.rare != 0 {
            for byte in ScalarFolding.fold(Unicode.Scalar(scalar.rare) ?? "\u{FFFD}").folded.utf8 { hasher.append(byte) }
        } else {
            for offset in scalar.foldStart..<(scalar.foldStart + scalar.foldLength) { hasher.append(tables.foldPool[offset]) }
        }
    }

    /// The hash of one scalar's fold (a punctuation token).
    @inline(__always)
    mutating func foldedHash(_ scalar: Scalar) -> UInt64 {
        var hasher = WordHasher()
        addFolded(scalar, to: &hasher)
        return hasher.value
    }

    mutating func run(from start: Int, to end: Int, firstLine: Int) {
        guard let bytes = base.baseAddress else { return }
        let asciiClass = tables.asciiClass
        let asciiFolded = tables.asciiFolded
        let wordClass = ScalarClass.word.rawValue
        let ignorableClass = ScalarClass.ignorable.rawValue
        let spaceClass = ScalarClass.space.rawValue
        let hyphenClass = ScalarClass.hyphen.rawValue
        var line = firstLine
        var lineStart = start
        var index = start

        while index < end {
            if bytes[index] == 0x0A {
                endLine(lineStart: lineStart, line: line)
                line += 1
                index += 1
                lineStart = index
                continue
            }
            var scalar = decode(bytes, index)
            switch scalar.scalarClass {
            case wordClass:
                let wordStart = index
                var hasher = WordHasher()
                let startsUpper = scalar.isUpper
                var hasLower = false
                word: while true {
                    if scalar.scalarClass == wordClass {
                        if scalar.foldStart < 0 {
                            // ASCII letters and digits, the bulk of the text: eight bytes at a time,
                            // folded, cut and hashed as a block. `bytes[index]` is one of them.
                            while true {
                                var count = 0
                                if index &+ 8 <= end {
                                    let block = UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
                                    let run = WordHasher.asciiRun(block)
                                    count = run.count
                                    if count > 0 {
                                        hasher.append(block: run.folded, count: count)
                                        if run.lower != 0 { hasLower = true }
                                        index &+= count
                                    }
                                }
                                if count == 0 {
                                    let ascii = bytes[index]
                                    hasher.append(asciiFolded[Int(ascii)])
                                    if ascii >= 0x61 { hasLower = true }
                                    index &+= 1
                                }
                                guard index < end else { break word }
                                let next = bytes[index]
                                if next >= 0x80 { break }
                                if asciiClass[Int(next)] != wordClass { break word }
                            }
                            scalar = decode(bytes, index)
                            continue
                        }
                        addFolded(scalar, to: &hasher)
                        if scalar.isLower { hasLower = true }
                    } else if scalar.scalarClass != ignorableClass {
                        break
                    }
                    index += scalar.width
                    guard index < end, bytes[index] != 0x0A else { break }
                    scalar = decode(bytes, index)
                }
                appendWord(start: wordStart, end: index, hash: hasher.value, length: hasher.length, startsUpper: startsUpper, hasLower: hasLower, kind: TermScanner.Token.word)
            case spaceClass, hyphenClass:
                var breaks = false
                while true {
                    if scalar.scalarClass == spaceClass || scalar.scalarClass == hyphenClass {
                        if bytes[index] == 0x0D { breaks = true }
                    } else if scalar.scalarClass != ignorableClass {
                        break
                    }
                    index += scalar.width
                    guard index < end, bytes[index] != 0x0A else { break }
                    scalar = decode(bytes, index)
                }
                pendingSeparator = true
                if breaks { pendingBreak = true }
            case ScalarClass.apostrophe.rawValue:
                append(TermScanner.Token(start: index, end: index + scalar.width, exact: CompiledGlossary.apostropheSymbol, lemma: CompiledGlossary.apostropheSymbol, kind: TermScanner.Token.apostrophe, isElision: false, breaks: false, startsUpper: false, hasLower: false))
                index += scalar.width
            case ignorableClass:
                // Outside a word or a separator, invisible characters belong to nothing.
                index += scalar.width
            default:
                appendPunctuation(scalar, at: index)
                index += scalar.width
            }
        }
        if lineStart < end || !tokens.isEmpty { endLine(lineStart: lineStart, line: line) }
    }

    /// Appends a token, with the separator read before it.
    @inline(__always)
    mutating func append(_ token: TermScanner.Token) {
        var token = token
        token.afterSeparator = pendingSeparator
        token.afterBreak = pendingBreak
        pendingSeparator = false
        pendingBreak = false
        tokens.append(token)
    }

    /// A capitalized word the glossary does not have: a token of its own, as a near miss may end
    /// there. Out of line, so that the common paths of `appendWord` are inlined into the byte loop.
    @inline(never)
    mutating func appendUnknownCapitalized(start: Int, end: Int, hash: UInt64, length: Int, hasLower: Bool) {
        var token = TermScanner.Token(start: start, end: end, exact: -1, lemma: -1, kind: TermScanner.Token.word, isElision: false, breaks: false, startsUpper: true, hasLower: hasLower)
        if checksNearMisses, end - start >= NearMissIndex.minimumLength {
            token.mayBeNearMiss = mayBeNearMiss(hash: hash, length: length, allCapitals: !hasLower, start: start, end: end)
        }
        append(token)
    }

    /// A punctuation token, kept out of line so that the word path, far more frequent, is the one
    /// inlined into the byte loop.
    @inline(never)
    mutating func appendPunctuation(_ scalar: Scalar, at index: Int) {
        appendWord(start: index, end: index + scalar.width, hash: foldedHash(scalar), length: scalar.foldLength, startsUpper: false, hasLower: false, kind: TermScanner.Token.punctuation)
    }

    /// A word or punctuation token. Words absent from the glossary cannot take part in a match:
    /// a run of them becomes one breaker token, unless one may be a misspelled name (capitalized),
    /// which near-miss detection needs to see.
    @inline(__always)
    mutating func appendWord(start: Int, end: Int, hash: UInt64, length: Int, startsUpper: Bool, hasLower: Bool, kind: UInt8) {
        let found = cache.lookup(hash: hash, length: length, in: tables)
        guard found.found else {
            if kind == TermScanner.Token.word, startsUpper {
                appendUnknownCapitalized(start: start, end: end, hash: hash, length: length, hasLower: hasLower)
                return
            }
            if !tokens.isEmpty, tokens[tokens.count - 1].isBreaker {
                // The separator between two unknown words cannot matter: one breaker covers both.
                tokens[tokens.count - 1].end = end
                pendingSeparator = false
                pendingBreak = false
                return
            }
            append(TermScanner.Token(start: start, end: end, exact: -1, lemma: -1, kind: kind, isElision: false, breaks: true, startsUpper: false, hasLower: hasLower))
            return
        }
        append(
            TermScanner.Token(
                start: start, end: end, exact: found.exact, lemma: found.lemma, kind: kind,
                isElision: found.isElision, breaks: false, startsUpper: startsUpper, hasLower: hasLower,
                exactRoot: found.exactRoot, inflectedRoot: found.inflectedRoot))
    }

    /// Matches the tokens of one line and records the matches.
    mutating func endLine(lineStart: Int, line: Int) {
        defer {
            tokens.removeAll()
            pendingSeparator = false
            pendingBreak = false
        }
        guard !tokens.isEmpty else { return }
        lineMatches.removeAll(keepingCapacity: true)
        lineSwallowed.removeAll(keepingCapacity: true)
        var index = 0
        let count = tokens.count
        var hasCandidate = false
        while index < count {
            let token = tokens[index]
            if token.starts {
                if let (last, entry, inflected) = longestMatch(at: index) {
                    lineMatches.append((index, last, entry, kind(entry: entry, first: index, last: last, inflected: inflected)))
                    index = last + 1
                    continue
                }
            } else if token.mayBeNearMiss {
                // Every near miss needs an unknown capitalized word with candidates: lines without
                // one skip the pass.
                hasCandidate = true
            }
            index += 1
        }
        if hasCandidate { findNearMisses() }
        guard !lineMatches.isEmpty else { return }
        // Columns: one forward walk over the line, counting code points.
        var cursor = lineStart
        var column = 1
        func located(_ match: (first: Int, last: Int, entry: Int32, kind: MatchKind), elided: Bool? = nil) -> ScanMatch {
            var start = tokens[match.first].start
            if elided ?? hasElision(before: match.first) { start = tokens[match.first - 2].start }
            if cursor < start, let bytes = base.baseAddress {
                column += UTF8Count.scalars(bytes, cursor, start)
                cursor = start
            }
            return ScanMatch(entry: match.entry, start: start, termStart: tokens[match.first].start, end: tokens[match.last].end, line: line, column: column, kind: match.kind)
        }
        var previousEnd = -1
        for var match in lineMatches {
            var elided = hasElision(before: match.first)
            if elided, tokens[match.first - 2].start < previousEnd {
                // The elision word ends the previous match (a form such as `D` before `d'ATACMS`):
                // from the same start the longer surface wins; a match that started earlier keeps it.
                if let previous = matches.last, previous.start == tokens[match.first - 2].start, previous.kind != .misspelled {
                    matches.removeLast()
                } else {
                    elided = false
                    if match.kind == .elided { match.kind = kind(entry: match.entry, first: match.first, last: match.last, inflected: false, elided: false) }
                }
            }
            matches.append(located(match, elided: elided))
            previousEnd = tokens[match.last].end
            if match.kind == .misspelled {
                // Contained matches start at or after the near miss: the cursor only moves forward.
                let (savedCursor, savedColumn) = (cursor, column)
                for contained in lineSwallowed where contained.nearMiss == match.first {
                    swallowed.append((matches.count - 1, located(contained.match)))
                }
                (cursor, column) = (savedCursor, savedColumn)
            }
        }
    }

    /// Drops near misses whose surface recurs: a spelling used three times or more in the same
    /// text is deliberate (another name, a word), not a typo. The exact matches such a near miss
    /// had swallowed come back.
    mutating func dropRecurringNearMisses() {
        var misspelled: [Int] = []
        for index in matches.indices where matches[index].kind == .misspelled { misspelled.append(index) }
        guard !misspelled.isEmpty else { return }
        let keys = misspelled.map { index in
            FormKey(String(decoding: UnsafeBufferPointer(rebasing: base[matches[index].termStart..<matches[index].end]), as: UTF8.self)).value
        }
        var counts: [String: Int] = [:]
        for key in keys { counts[key, default: 0] += 1 }
        let dropped = misspelled.indices.filter { counts[keys[$0]]! >= LineScan.recurringNearMiss }.map { misspelled[$0] }
        guard !dropped.isEmpty else { return }
        // Matches never overlap and the matches a near miss swallowed lie inside it, so the kept
        // matches and those coming back are merged by start, not sorted again (this ran on every
        // chunk with a recurring near miss: a whole copy, a set lookup per match and a sort).
        let droppedSet = Set(dropped)
        let returning = swallowed.filter { droppedSet.contains($0.nearMiss) }.map(\.match).sorted { $0.start < $1.start }
        var kept: [ScanMatch] = []
        kept.reserveCapacity(matches.count - dropped.count + returning.count)
        var nextDropped = 0
        var nextReturning = 0
        for index in matches.indices {
            if nextDropped < dropped.count, dropped[nextDropped] == index {
                nextDropped += 1
                continue
            }
            let match = matches[index]
            while nextReturning < returning.count, returning[nextReturning].start < match.start {
                kept.append(returning[nextReturning])
                nextReturning += 1
            }
            kept.append(match)
        }
        kept += returning[nextReturning...]
        matches = kept
    }

    /// How many times a near-miss spelling may occur in one text before it counts as deliberate.
    static let recurringNearMiss = 3

    /// Whether the term starting at `first` follows an elision (`l'`, `qu'`) with nothing between.
    @inline(__always)
    func hasElision(before first: Int) -> Bool {
        first >= 2 && tokens[first - 1].kind == TermScanner.Token.apostrophe && !tokens[first].afterSeparator
            && !tokens[first - 1].afterSeparator && tokens[first - 2].kind == TermScanner.Token.word && tokens[first - 2].isElision
    }

    /// The symbol a walk follows into `token`: untagged at the first token of a walk (forms never
    /// start with a separator), tagged after a separator elsewhere; -1 where no walk can go.
    @inline(__always)
    func symbol(_ token: TermScanner.Token, inflected: Bool, continuing: Bool = true) -> Int32 {
        if token.breaks { return -1 }
        let symbol = inflected ? token.lemma : token.exact
        guard continuing else { return symbol }
        if token.afterBreak || symbol < 0 { return -1 }
        return token.afterSeparator ? symbol | CompiledGlossary.afterSeparatorTag : symbol
    }

    /// The longest match starting at `first`: last token, entry, and whether through inflection.
    /// Exact matches beat inflected ones of the same length.
    mutating func longestMatch(at first: Int) -> (Int, Int32, Bool)? {
        var best: (Int, Int32, Bool)?
        let token = tokens[first]
        if token.exactRoot >= 0 { walk(tables.exact, from: first, root: token.exactRoot, inflected: false, best: &best) }
        if token.inflectedRoot >= 0 { walk(tables.inflected, from: first, root: token.inflectedRoot, inflected: true, best: &best) }
        return best
    }

    /// Follows the tokens after `first` down `trie` from `root`, the child pointer of the trie's
    /// root along `tokens[first]`.
    @inline(__always)
    mutating func walk(_ trie: ScanTables.Trie, from first: Int, root: Int32, inflected: Bool, best: inout (Int, Int32, Bool)?) {
        var pointer = root
        var index = first
        let count = tokens.count
        while true {
            let node = ScanTables.Trie.node(pointer)
            if ScanTables.Trie.endsForm(pointer), best == nil || index > best!.0, let entry = acceptedEntry(trie, node, first: first, last: index) {
                best = (index, entry, inflected)
            }
            index += 1
            guard index < count else { break }
            let symbol = symbol(tokens[index], inflected: inflected)
            if symbol < 0 { break }
            pointer = trie.childBelowRoot(node, symbol)
            if pointer < 0 { break }
        }
    }

    /// The first entry ending at `node` whose case constraint the surface meets.
    mutating func acceptedEntry(_ trie: ScanTables.Trie, _ node: Int32, first: Int, last: Int) -> Int32? {
        let quick = trie.acceptedFirst[Int(node)]
        if quick >= 0 { return quick }
        for offset in Int(trie.terminalOffsets[Int(node)])..<Int(trie.terminalOffsets[Int(node) + 1]) {
            let entryIndex = trie.terminalEntries[offset]
            guard tables.entryFlags[Int(entryIndex)] & 4 != 0 else { return entryIndex }
            if surfaceTokens(first: first, last: last).map(\.foldedKeepingCase) == glossary.entries[Int(entryIndex)].caseKeys { return entryIndex }
        }
        return nil
    }

    mutating func surfaceTokens(first: Int, last: Int) -> [TextToken] {
        let bytes = UnsafeBufferPointer(rebasing: base[tokens[first].start..<tokens[last].end])
        return TextTokenizer.tokenize(String(decoding: bytes, as: UTF8.self))
    }

    mutating func kind(entry entryIndex: Int32, first: Int, last: Int, inflected: Bool, elided: Bool? = nil) -> MatchKind {
        let flags = tables.entryFlags[Int(entryIndex)]
        if flags & 1 != 0 { return .avoided }
        if inflected { return .inflected }
        if elided ?? hasElision(before: first) { return .elided }
        if flags & 2 == 0 { return .variant }
        let start = tokens[first].start
        let length = tokens[last].end - start
        let formStart = Int(tables.entryFormStart[Int(entryIndex)])
        if length == Int(tables.entryFormLength[Int(entryIndex)]), (0..<length).allSatisfy({ tables.formPool[formStart + $0] == base[start + $0] }) {
            return .exact
        }
        return .folded
    }
}
