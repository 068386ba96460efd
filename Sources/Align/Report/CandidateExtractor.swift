/// Finds candidate terms in one chunk of French text, for `uncovered-term`: proper names
/// (capitalized mid-sentence), acronyms (`TASS`, `G20`) and runs of them (`Golden Ten Data`,
/// `Jeanne d'Arc`, `Su-34`), outside the spans the glossary already matched.
///
/// It works on the chunk's UTF-8 bytes in one pass, keeping case and diacritics, with no token
/// array: each word, separator and mark goes through a small state machine (sentence start, the
/// run being built), since this pass reads every byte of the corpus a second time after the
/// scanner and must cost little. A capitalized word that opens a sentence may be an ordinary word,
/// so such runs are recorded as *uncertain* and resolved once the whole corpus is read
/// (`UncoveredTermFinder`). It also records the hash of every lower-case word, so a capitalized
/// word the corpus also writes in lower case (`État`/`état`) can be recognised as an ordinary word.
///
/// The rules: a *name word* is a word of two letters or more starting with a capital, or an
/// acronym (capitals, or a capital and digits: `G20`), and not a Roman numeral (`XIV`, `XIXe`).
/// A run joins name words separated by one space or one hyphen, through a lower-case particle
/// (`de`, `von`, `d'`…) when a name word follows it, and takes a number hyphenated to it (`F-16`).
/// A dash between spaces, any other punctuation, a line end or a glossary match ends a run. Runs
/// of more than `maximumNameWords` name words are titles and are dropped, and so are all runs of a
/// line mostly in capitals, or in title case (four words of three letters or more, all capitalized).
struct CandidateExtractor {
    /// One observation key: the run as written (separators as ` ` or `-`, apostrophes as `'`), and
    /// how many of its leading bytes (first word and separator) are uncertain, 0 when none is.
    struct Key: Hashable, Sendable {
        var text: String
        var uncertainPrefix: Int
        /// The hash of prefix and bytes the extractor computed anyway: the report's tables hash
        /// a key with it instead of running SipHash over the text again on every chunk.
        var textHash: UInt64

        init(text: String, uncertainPrefix: Int, textHash: UInt64) {
            self.text = text
            self.uncertainPrefix = uncertainPrefix
            self.textHash = textHash
        }

        func hash(into hasher: inout Hasher) { hasher.combine(textHash) }

        static func == (lhs: Key, rhs: Key) -> Bool {
            lhs.textHash == rhs.textHash && lhs.uncertainPrefix == rhs.uncertainPrefix && lhs.text == rhs.text
        }
    }

    /// Where an observation is in its chunk.
    struct Position: Sendable {
        var start: Int
        var end: Int
        var line: Int
    }

    /// The observations of one key in one chunk.
    struct Tally: Sendable {
        var count = 0
        var first: Position
    }

    /// What one chunk yields.
    struct Output: Sendable {
        /// Each key once, in order of first occurrence in the chunk.
        var candidates: [(key: Key, tally: Tally)] = []
        /// Hash of a key's bytes and prefix → its index in `candidates`; keys sharing a hash
        /// chain through `next`, so grouping stays exact without building a `String` per run.
        var index = HashSlots(capacity: 4096)
        var next: [Int] = []
        /// Lower-case word hashes (`CaseTable.lowercaseHash`); `extract` sizes it from the chunk.
        var lowercaseWords = WordHashSet(capacity: 0)
        /// Every observation, for the HTML view of short documents (empty unless asked for).
        var spans: [(position: Position, key: Key)] = []
    }

    /// A word as the lexer finishes it.
    struct Word {
        var start: Int
        var end: Int
        /// Word scalars (letters and digits), upper-case letters, lower-case letters, digits.
        var scalars: Int32 = 0
        var upper: Int32 = 0
        var lower: Int32 = 0
        var digits: Int32 = 0
        var firstUpper = false
        /// `WordHasher` value of the word's lower-case bytes (`CaseTable.lowercaseHash`).
        var hash: UInt64 = 0
        var covered = false
        var isRoman = false

        /// All capitals (`TASS`, `OTAN`) or capitals with digits (`G20`).
        var isAcronym: Bool { lower == 0 && upper >= 1 && (upper >= 2 || digits >= 1) && !isRoman }
        /// Starts with a capital and has at least two letters (`Bucha`, `Jean`).
        var isCapitalized: Bool { firstUpper && scalars - digits >= 2 && !isRoman }
        var isNameWord: Bool { !covered && (isAcronym || isCapitalized) }
        /// A lone capital (`F` of `F-16`): a run may start with it if a number follows.
        var isLetter: Bool { !covered && scalars == 1 && upper == 1 }
        var isNumber: Bool { digits == scalars }
        var isLowerCase: Bool { upper == 0 }
    }

    /// One piece of a run: a word, a separator (`-` or space) or an apostrophe.
    struct Part {
        var start: Int
        var end: Int
        /// 0 word, 1 space, 2 hyphen, 3 apostrophe.
        var kind: UInt8
    }

    /// What the run being built waits for after its last accepted word.
    enum Tail {
        /// Nothing pending.
        case none
        /// A separator: a name word continues the run; a number too after a bare hyphen.
        case separator(hyphenOnly: Bool)
        /// A particle (`de`) after a separator: a separator must follow.
        case particle
        /// A particle and a separator: a name word must follow.
        case particleSeparator
        /// An elision (`d`): an apostrophe must follow.
        case elision
        /// An elision and its apostrophe: a name word must follow.
        case elisionApostrophe
    }

    /// Lower-case particles that may join two capitalized words of one name (`Charles de Gaulle`).
    static let connectors: Set<String> = [
        "de", "du", "des", "von", "van", "der", "den", "ter", "bin", "ben", "ibn", "al", "el", "da", "di", "do", "dos", "das", "del", "della",
    ]
    static let connectorHashes = Set(connectors.map { CaseTable.lowercaseHash($0) })
    /// Elisions that join a name inside a run (`Jeanne d'Arc`) or hide a sentence start (`L'Élysée`).
    static let elisionHashes = Set(TermMatcher.elisions.map { CaseTable.lowercaseHash($0) })
    /// Abbreviations whose period does not end a sentence (`M. Dupont`).
    static let abbreviationHashes = Set(
        ["m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "cf", "vol", "art", "av", "gal", "gen", "col", "cdt", "lt", "sgt"].map {
            CaseTable.lowercaseHash($0)
        })
    /// The longest run kept: longer runs of capitals are titles, not terms.
    static let maximumNameWords = 5

    /// ASCII bytes in words: 1 lower-case letter, 2 upper-case letter, 3 digit, 0 not in a word.
    static let asciiWord: [UInt8] = (0..<128).map { byte in
        switch byte {
        case 0x61...0x7A: 1
        case 0x41...0x5A: 2
        case 0x30...0x39: 3
        default: 0
        }
    }

    let keepsSpans: Bool
    // The static sets, fetched once: reading a global in the loop costs a lazy-init check.
    private let connectorSet = Self.connectorHashes
    private let elisionSet = Self.elisionHashes
    private let abbreviationSet = Self.abbreviationHashes

    // Per-line state.
    private var sentenceStart = true
    /// The last word since the last mark (hash, scalars, capitals; `previousScalars` 0: none), for
    /// abbreviations (`M.`) and elisions (`L'`). Three fields, not the `Word`: this is set per word.
    private var previousHash: UInt64 = 0
    private var previousScalars: Int32 = 0
    private var previousUpper: Int32 = 0
    /// Whether the token just before is that word (no separator or mark between).
    private var previousIsWord = false
    private var lineWords = 0
    private var lineCapitals = 0
    /// Words of three letters or more, and those of them that are capitalized.
    private var lineLongWords = 0
    private var lineTitled = 0
    /// Runs of the current line, kept until the line is known not to be a heading.
    private var lineRuns: [(parts: Range<Int>, uncertain: Bool)] = []
    private var lineParts: [Part] = []
    // The run being built.
    private var runActive = false
    private var runFirstPart = 0
    private var runAccepted = 0
    private var runNames = 0
    private var runUncertain = false
    private var runHasNumber = false
    private var tail = Tail.none
    /// The bytes of the key being built (reused).
    private var text: [UInt8] = []

    init(keepsSpans: Bool) {
        self.keepsSpans = keepsSpans
        lineParts.reserveCapacity(64)
    }

    /// The candidates of `bytes` (whole lines of valid UTF-8), outside the glossary `matches`
    /// (sorted by start, as the scanner returns them).
    mutating func extract(_ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, matches: [ScanMatch]) -> Output {
        var output = Output()
        // About one new lower-case word per 40 bytes of French prose: sized once, not grown.
        output.lowercaseWords = WordHashSet(capacity: max(1024, bytes.count / 40))
        let table = CaseTable.table
        let asciiWord = Self.asciiWord
        table.withUnsafeBufferPointer { table in
            asciiWord.withUnsafeBufferPointer { asciiWord in
                matches.withUnsafeBufferPointer { matches in
                    lex(bytes, firstLine: firstLine, matches: matches, table: table, asciiWord: asciiWord, into: &output)
                }
            }
        }
        return output
    }

    // MARK: lexing

    private mutating func lex(
        _ bytes: UnsafeBufferPointer<UInt8>, firstLine: Int, matches: UnsafeBufferPointer<ScanMatch>, table: UnsafeBufferPointer<UInt64>,
        asciiWord: UnsafeBufferPointer<UInt8>, into output: inout Output
    ) {
        // The last lower-case word hashes inserted, by their low bits: most words are frequent
        // ones, and this direct-mapped cache skips re-inserting them.
        let recent = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 1024)
        recent.initialize(repeating: 0)
        // Words that missed the cache wait here and go into the set in batches.
        let pending = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: 4096)
        var pendingCount = 0
        defer {
            output.lowercaseWords.insert(contentsOf: UnsafeBufferPointer(rebasing: pending[..<pendingCount]))
            recent.deallocate()
            pending.deallocate()
        }
        let wordClass = ScalarClass.word.rawValue
        let ignorableClass = ScalarClass.ignorable.rawValue
        let spaceClass = ScalarClass.space.rawValue
        let hyphenClass = ScalarClass.hyphen.rawValue
        let apostropheClass = ScalarClass.apostrophe.rawValue
        @inline(__always) func info(_ value: UInt32) -> CaseTable.Info {
            value < ScalarFolding.tableLimit ? CaseTable.Info(raw: table[Int(value)]) : CaseTable.info(value)
        }
        var line = firstLine
        var matchIndex = 0
        var index = 0
        let end = bytes.count
        startLine()
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                endLine(bytes, line: line, into: &output)
                line += 1
                index += 1
                startLine()
                continue
            }
            let start = index
            let firstUpper: Bool
            if byte < 0x80 {
                let kind = asciiWord[Int(byte)]
                if kind == 0 {
                    // A single space before a word, the commonest separator: no state to change
                    // unless a run is being built.
                    if byte == 0x20, index + 1 < end, bytes[index + 1] < 0x80, asciiWord[Int(bytes[index + 1])] != 0 {
                        if runActive { separatorToken(start: index, end: index + 1, hasHyphen: false, hasSpace: true) } else { previousIsWord = false }
                        index += 1
                        continue
                    }
                    switch byte {
                    case 0x20, 0x09, 0x0D, 0x2D:
                        index = separator(bytes, from: index, table: table)
                    case 0x27:
                        apostrophe(start: index, end: index + 1)
                        index += 1
                    default:
                        punctuation(UInt32(byte))
                        index += 1
                    }
                    continue
                }
                firstUpper = kind == 2
            } else {
                let (value, width) = UTF8Decoding.scalar(bytes, at: index)
                let scalar = info(value)
                switch scalar.scalarClass {
                case wordClass:
                    firstUpper = scalar.isUpper
                case spaceClass, hyphenClass:
                    index = separator(bytes, from: index, table: table)
                    continue
                case apostropheClass:
                    apostrophe(start: index, end: index + width)
                    index += width
                    continue
                case ignorableClass:
                    index += width
                    continue
                default:
                    punctuation(value)
                    index += width
                    continue
                }
            }
            // A word: ASCII letters and digits (most of the text) eight bytes at a time, single
            // ASCII bytes near the end of the chunk, Latin-1 letters next, other scalars through
            // the table.
            var cursor = index
            var hasher = WordHasher()
            var lower: Int32 = 0
            var upper: Int32 = 0
            var digits: Int32 = 0
            var other: Int32 = 0
            while cursor < end {
                if cursor &+ 8 <= end {
                    // Eight bytes at a time while they are ASCII letters and digits.
                    let run = WordHasher.asciiRun(UnsafeRawPointer(bytes.baseAddress! + cursor).loadUnaligned(as: UInt64.self))
                    if run.count > 0 {
                        hasher.append(block: run.folded, count: run.count)
                        lower &+= Int32(truncatingIfNeeded: run.lower.nonzeroBitCount)
                        upper &+= Int32(truncatingIfNeeded: run.upper.nonzeroBitCount)
                        digits &+= Int32(truncatingIfNeeded: run.digits.nonzeroBitCount)
                        cursor &+= run.count
                        if run.count == 8 { continue }
                    }
                }
                let next = bytes[cursor]
                if next &- 0x61 < 26 {
                    lower &+= 1
                    hasher.append(next)
                    cursor &+= 1
                } else if next < 0x80 {
                    let kind = asciiWord[Int(next)]
                    if kind == 2 {
                        upper &+= 1
                        hasher.append(next | 0x20)
                    } else if kind == 3 {
                        digits &+= 1
                        hasher.append(next)
                    } else {
                        break
                    }
                    cursor &+= 1
                } else if next == 0xC3, cursor + 1 < end {
                    // Latin-1 letters (`é`, `À`), most of French's other letters: U+00C0–U+00FF.
                    let second = bytes[cursor + 1]
                    let value = UInt32(0xC0 | (second & 0x3F))
                    if value == 0xD7 || value == 0xF7 { break }  // × ÷
                    if value < 0xDF {
                        upper &+= 1
                        hasher.append(block: 0xC3 | UInt64(second | 0x20) &<< 8, count: 2)
                    } else {
                        lower &+= 1
                        hasher.append(block: 0xC3 | UInt64(second) &<< 8, count: 2)
                    }
                    cursor &+= 2
                } else {
                    let (value, width) = UTF8Decoding.scalar(bytes, at: cursor)
                    let scalar = info(value)
                    if scalar.scalarClass == wordClass {
                        if scalar.isUpper { upper += 1 } else if scalar.isLower { lower += 1 } else if scalar.isDigit { digits += 1 } else { other += 1 }
                        hasher.append(scalar: scalar.lowercase)
                    } else if scalar.scalarClass != ignorableClass {
                        break
                    }
                    cursor += width
                }
            }
            let hash = hasher.value
            index = cursor
            let scalars = lower &+ upper &+ digits &+ other
            if !firstUpper {
                if lower > 0, scalars >= 2 {
                    let slot = Int(truncatingIfNeeded: hash & 1023)
                    if recent[slot] != hash {
                        recent[slot] = hash
                        if pendingCount == pending.count {
                            output.lowercaseWords.insert(contentsOf: UnsafeBufferPointer(pending))
                            pendingCount = 0
                        }
                        pending[pendingCount] = hash
                        pendingCount &+= 1
                    }
                }
                if !runActive {
                    // A lower-case word outside a run only counts for the heading test and the state.
                    let letters = scalars &- digits
                    if letters >= 2 {
                        lineWords &+= 1
                        if lower == 0 { lineCapitals &+= 1 }
                        if letters >= 3 { lineLongWords &+= 1 }
                    }
                    sentenceStart = false
                    previousIsWord = true
                    previousHash = hash
                    previousScalars = scalars
                    previousUpper = upper
                    continue
                }
            }
            var word = Word(start: start, end: cursor)
            word.firstUpper = firstUpper
            word.hash = hash
            word.lower = lower
            word.upper = upper
            word.digits = digits
            word.scalars = scalars
            if firstUpper {
                if Self.isRomanLetter(bytes[start]) { word.isRoman = Self.isRomanNumeral(bytes, from: start, to: cursor) }
                while matchIndex < matches.count, matches[matchIndex].end <= start { matchIndex += 1 }
                word.covered = matchIndex < matches.count && matches[matchIndex].start <= start
            }
            self.word(word)
        }
        endLine(bytes, line: line, into: &output)
    }

    @inline(__always)
    static func isRomanLetter(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x49, 0x56, 0x58, 0x4C, 0x43, 0x44, 0x4D: true
        default: false
        }
    }

    /// `XIV`, `XIXe`, `Ier`: Roman numerals, with an ordinal ending, are not terms.
    static func isRomanNumeral(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
        var index = start
        while index < end, isRomanLetter(bytes[index]) { index += 1 }
        let rest = bytes[index..<end]
        switch rest.count {
        case 0: return true
        case 1: return rest.first == 0x65  // e
        case 2: return rest.elementsEqual("er".utf8) || rest.elementsEqual("re".utf8) || rest.elementsEqual("es".utf8)
        case 3: return rest.elementsEqual("eme".utf8)
        case 4: return rest.elementsEqual("ème".utf8)
        default: return false
        }
    }

    /// A run of spaces and hyphens starting at `start`; returns where it ends.
    private mutating func separator(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, table: UnsafeBufferPointer<UInt64>) -> Int {
        var index = start
        var hasHyphen = false
        var hasSpace = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x09 || byte == 0x0D {
                hasSpace = true
                index += 1
            } else if byte == 0x2D {
                hasHyphen = true
                index += 1
            } else if byte >= 0x80 {
                let (value, width) = UTF8Decoding.scalar(bytes, at: index)
                let scalarClass = value < ScalarFolding.tableLimit ? CaseTable.Info(raw: table[Int(value)]).scalarClass : CaseTable.info(value).scalarClass
                if scalarClass == ScalarClass.space.rawValue {
                    hasSpace = true
                } else if scalarClass == ScalarClass.hyphen.rawValue {
                    hasHyphen = true
                } else if scalarClass != ScalarClass.ignorable.rawValue {
                    break
                }
                index += width
            } else {
                break
            }
        }
        separatorToken(start: start, end: index, hasHyphen: hasHyphen, hasSpace: hasSpace)
        return index
    }

    // MARK: the state machine

    private mutating func startLine() {
        sentenceStart = true
        previousScalars = 0
        previousIsWord = false
        lineWords = 0
        lineCapitals = 0
        lineLongWords = 0
        lineTitled = 0
        lineRuns.removeAll(keepingCapacity: true)
        lineParts.removeAll(keepingCapacity: true)
        runActive = false
        tail = .none
    }

    private mutating func word(_ word: Word) {
        if word.scalars - word.digits >= 2 {
            lineWords += 1
            if word.lower == 0 { lineCapitals += 1 }
            if word.scalars - word.digits >= 3 {
                lineLongWords += 1
                if word.firstUpper { lineTitled += 1 }
            }
        }
        if runActive {
            var extended = false
            switch tail {
            case .separator(let hyphenOnly) where runNames == 0:
                // A lone capital takes only a hyphenated number (`F-16`).
                if hyphenOnly, word.isNumber, !word.covered {
                    accept(word, name: false)
                    runHasNumber = true
                    extended = true
                }
            case .separator(let hyphenOnly):
                if word.isNameWord {
                    accept(word, name: true)
                    extended = true
                } else if hyphenOnly, word.isNumber, !word.covered {
                    accept(word, name: false)
                    runHasNumber = true
                    extended = true
                } else if word.isLowerCase, !word.covered, connectorSet.contains(word.hash) {
                    lineParts.append(Part(start: word.start, end: word.end, kind: 0))
                    tail = .particle
                    extended = true
                } else if word.isLowerCase, word.scalars <= 6, !word.covered, elisionSet.contains(word.hash) {
                    lineParts.append(Part(start: word.start, end: word.end, kind: 0))
                    tail = .elision
                    extended = true
                }
            case .particleSeparator, .elisionApostrophe:
                if word.isNameWord {
                    accept(word, name: true)
                    extended = true
                }
            case .none, .particle, .elision:
                break
            }
            if !extended { closeRun() }
        }
        if !runActive, word.isNameWord || word.isLetter {
            runActive = true
            runFirstPart = lineParts.count
            runNames = 0
            runHasNumber = false
            runUncertain = sentenceStart && !word.isAcronym && !word.isLetter
            accept(word, name: word.isNameWord)
        }
        sentenceStart = false
        previousIsWord = true
        previousHash = word.hash
        previousScalars = word.scalars
        previousUpper = word.upper
    }

    private mutating func accept(_ word: Word, name: Bool) {
        lineParts.append(Part(start: word.start, end: word.end, kind: 0))
        runAccepted = lineParts.count
        if name { runNames += 1 }
        tail = .none
    }

    private mutating func separatorToken(start: Int, end: Int, hasHyphen: Bool, hasSpace: Bool) {
        // A dash between spaces (`France – Politique`) separates like a colon.
        let isDash = hasHyphen && hasSpace
        if runActive {
            switch tail {
            case .none where !isDash:
                lineParts.append(Part(start: start, end: end, kind: hasHyphen ? 2 : 1))
                tail = .separator(hyphenOnly: hasHyphen)
            case .particle where !hasHyphen:
                lineParts.append(Part(start: start, end: end, kind: 1))
                tail = .particleSeparator
            default:
                closeRun()
            }
        }
        if isDash { sentenceStart = true }
        previousIsWord = false
    }

    private mutating func apostrophe(start: Int, end: Int) {
        if runActive {
            if case .elision = tail {
                lineParts.append(Part(start: start, end: end, kind: 3))
                tail = .elisionApostrophe
            } else {
                closeRun()
            }
        }
        // After an elision (`L'`, `d'`), a capital is the name's own.
        if previousIsWord, previousScalars <= 6, elisionSet.contains(previousHash) { sentenceStart = false }
        previousIsWord = false
    }

    private mutating func punctuation(_ scalar: UInt32) {
        if runActive { closeRun() }
        if Self.isOpener(scalar) {
            sentenceStart = !(scalar == 0x2E && previousScalars > 0 && isAbbreviation(hash: previousHash, scalars: previousScalars, upper: previousUpper))
        } else if !Self.isNeutral(scalar) {
            sentenceStart = false
        }
        previousIsWord = false
        previousScalars = 0
    }

    /// Ends the run being built at its last accepted word.
    private mutating func closeRun() {
        guard runActive else { return }
        runActive = false
        lineParts.removeSubrange(runAccepted...)
        tail = .none
        if runNames > Self.maximumNameWords || (runNames == 0 && !runHasNumber) {
            lineParts.removeSubrange(runFirstPart...)
        } else {
            lineRuns.append((runFirstPart..<runAccepted, runUncertain))
        }
    }

    func isAbbreviation(hash: UInt64, scalars: Int32, upper: Int32) -> Bool {
        if scalars == 1, upper == 1 { return true }
        return abbreviationSet.contains(hash)
    }

    /// Punctuation after which the next word opens a sentence: `. ! ? … : « " “ „ — ( [ * • · >`.
    @inline(__always)
    static func isOpener(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x2E, 0x21, 0x3F, 0x2026, 0x3A, 0xAB, 0x22, 0x201C, 0x201E, 0x2014, 0x28, 0x5B, 0x2A, 0x2022, 0xB7, 0x3E: true
        default: false
        }
    }

    /// Punctuation that leaves the sentence state as it was: `» ” ) ]`.
    @inline(__always)
    static func isNeutral(_ scalar: UInt32) -> Bool {
        scalar == 0xBB || scalar == 0x201D || scalar == 0x29 || scalar == 0x5D
    }

    /// Records the line's runs, unless the line is a heading: mostly capitals (`UNE VEILLÉE.`) or
    /// title case (`Biden Authorizes Strikes in Russia`).
    private mutating func endLine(_ bytes: UnsafeBufferPointer<UInt8>, line: Int, into output: inout Output) {
        closeRun()
        guard !lineRuns.isEmpty else { return }
        let isHeading = (lineWords >= 2 && lineCapitals * 2 > lineWords) || (lineLongWords >= 4 && lineTitled == lineLongWords)
        guard !isHeading else { return }
        for (range, uncertain) in lineRuns {
            text.removeAll(keepingCapacity: true)
            var prefix = 0
            for index in range {
                let part = lineParts[index]
                switch part.kind {
                case 1: text.append(0x20)
                case 2: text.append(0x2D)
                case 3: text.append(0x27)
                default:
                    if uncertain, prefix == 0, index > range.lowerBound { prefix = text.count }
                    text.append(contentsOf: bytes[part.start..<part.end])
                }
            }
            if uncertain, prefix == 0 { prefix = text.count }
            let position = Position(start: lineParts[range.lowerBound].start, end: lineParts[range.upperBound - 1].end, line: line)
            var hash = CaseTable.add(CaseTable.seed, UInt32(truncatingIfNeeded: prefix))
            for byte in text { hash = CaseTable.add(hash, UInt32(byte)) }
            var slot = output.index.value(for: hash)
            var last = -1
            while slot >= 0 {
                let key = output.candidates[slot].key
                if key.uncertainPrefix == prefix, key.text.utf8.elementsEqual(text) { break }
                last = slot
                slot = output.next[slot]
            }
            if slot < 0 {
                slot = output.candidates.count
                output.candidates.append((Key(text: String(decoding: text, as: UTF8.self), uncertainPrefix: prefix, textHash: hash), Tally(first: position)))
                output.next.append(-1)
                if last >= 0 { output.next[last] = slot } else { output.index.set(slot, for: hash) }
            }
            output.candidates[slot].tally.count += 1
            if keepsSpans { output.spans.append((position, output.candidates[slot].key)) }
        }
    }
}
