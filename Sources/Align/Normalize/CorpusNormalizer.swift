/// Normalizes documents for bilingual review: each line is normalized (`LineNormalizer`), tested
/// against the boilerplate rules, split into sentences (`SRXSegmenter`); each sentence is checked
/// for another language and for repetition, and its glossary terms are found (`TermScanner`).
/// Lines are paragraphs: a sentence never spans a line break, as a term never does.
public struct CorpusNormalizer: Sendable {
    public let options: NormalizeOptions
    public let segmenter: SRXSegmenter
    public let boilerplate: BoilerplateRules
    /// `nil` when terms are off.
    public let scanner: TermScanner?
    let lineNormalizer: LineNormalizer
    let guesser: LanguageGuesser

    public init(options: NormalizeOptions, segmenter: SRXSegmenter, boilerplate: BoilerplateRules, glossary: CompiledGlossary?) {
        self.options = options
        self.segmenter = segmenter
        self.boilerplate = boilerplate
        self.scanner = options.terms == .off ? nil : glossary.map { TermScanner(glossary: $0, detectsNearMisses: false) }
        self.lineNormalizer = LineNormalizer(options: options)
        self.guesser = LanguageGuesser(language: options.language)
    }

    /// Normalizes a decoded document.
    public func normalize(_ document: DocumentText, path: String) -> NormalizedDocument {
        var result = NormalizedDocument(path: path, segments: [], removals: [], byteCount: document.byteOrderMarkLength + document.utf8.count)
        var scratch = SRXSegmenter.Scratch()
        var breaks: [Int] = []
        var patternStack: [Int] = []
        patternStack.reserveCapacity(256)
        // Duplicates: hash of the sentence's bytes → index of its first kept segment.
        // About one sentence per 128 bytes of prose (the benchmark novels have one per 102).
        var seen = SentenceHashIndex(expectedCount: document.utf8.count / 128)
        var paragraph = 0
        // Normalize every line first, so the term scanner runs once over the whole document.
        let normalizedLines = document.utf8.withUnsafeBufferPointer { all in
            document.lines.map { lineNormalizer.normalize(buffer: UnsafeBufferPointer(rebasing: all[$0.range])) }
        }
        let termMatches = scanTerms(normalizedLines)
        document.utf8.withUnsafeBufferPointer { all in
            for (lineIndex, line) in document.lines.enumerated() {
                let normalized = normalizedLines[lineIndex]
                guard !normalized.text.isEmpty else { continue }
                let lineOriginal = line.originalStart..<document.originalOffset(in: line, at: line.range.count)
                func originalText(_ range: Range<Int>) -> String {
                    String(decoding: all[(line.range.lowerBound + range.lowerBound)..<(line.range.lowerBound + range.upperBound)], as: UTF8.self)
                }
                normalized.text.withUnsafeBufferPointer { text in
                    if !options.keepBoilerplate, let rule = boilerplate.match(text, stack: &patternStack) {
                        result.removals.append(
                            Removal(
                                kind: .boilerplate, line: line.number, original: lineOriginal, rule: rule.id, category: rule.category,
                                reason: rule.reason, text: originalText(0..<line.range.count)))
                        return
                    }
                    let matches = termMatches.isEmpty ? [] : termMatches[lineIndex]
                    var kept = false
                    var start = 0
                    var editCursor = 0
                    breaks.removeAll(keepingCapacity: true)
                    segmenter.breaks(in: text, into: &breaks, scratch: &scratch)
                    breaks.append(text.count)
                    for end in breaks {
                        defer { start = end }
                        guard let range = Self.trimmed(start..<end, in: text) else { continue }
                        let sourceBytes = UnsafeBufferPointer(rebasing: text[range])
                        let sourceRange = normalized.sourceStart(of: range.lowerBound)..<normalized.sourceEnd(of: range.upperBound)
                        let original = document.originalOffset(in: line, at: sourceRange.lowerBound)..<document.originalOffset(in: line, at: sourceRange.upperBound)
                        if !options.keepBoilerplate {
                            let verdict = guesser.judge(bytes: sourceBytes)
                            if options.removesForeignLanguage, let language = verdict.foreignLanguage {
                                result.removals.append(
                                    Removal(
                                        kind: .foreign, line: line.number, original: original, rule: "foreign-language", category: "foreign",
                                        reason: "looks \(LanguageGuesser.name(of: language)) (\(verdict.otherWords) \(LanguageGuesser.name(of: language)) and \(verdict.ownWords) \(LanguageGuesser.name(of: guesser.language)) function words)",
                                        text: originalText(sourceRange)))
                                continue
                            }
                            // Letter words are a lower bound of words with digits: count those only when needed.
                            if verdict.words >= options.duplicateMinimumWords || Self.wordCount(sourceBytes) >= options.duplicateMinimumWords {
                                // A new hash is stored with the index this segment will have; a hash
                                // seen before keeps its first segment (a collision removes nothing).
                                let hash = SentenceHashIndex.hash(sourceBytes)
                                if let first = seen.firstOrInsert(hash, index: result.segments.count),
                                    result.segments[first].source.utf8.elementsEqual(sourceBytes)
                                {
                                    result.removals.append(
                                        Removal(
                                            kind: .duplicate, line: line.number, original: original, rule: "duplicate", category: "duplicate",
                                            reason: "repeats a sentence of line \(result.segments[first].line)", text: originalText(sourceRange)))
                                    continue
                                }
                            }
                        }
                        let source = String(decoding: sourceBytes, as: UTF8.self)
                        if !kept {
                            paragraph += 1
                            kept = true
                        }
                        var edits: [NormalizedSegment.Edit] = []
                        while editCursor < normalized.edits.count, normalized.edits[editCursor].source.lowerBound < sourceRange.lowerBound { editCursor += 1 }
                        var editIndex = editCursor
                        while editIndex < normalized.edits.count, normalized.edits[editIndex].source.upperBound <= sourceRange.upperBound {
                            let edit = normalized.edits[editIndex]
                            edits.append(
                                NormalizedSegment.Edit(
                                    original: document.originalOffset(in: line, at: edit.source.lowerBound)..<document.originalOffset(in: line, at: edit.source.upperBound),
                                    replacement: String(decoding: normalized.text[edit.target], as: UTF8.self), kind: edit.kind))
                            editIndex += 1
                        }
                        let terms = segmentTerms(matches, in: range, text: text, line: line, normalized: normalized, document: document)
                        result.segments.append(
                            NormalizedSegment(
                                index: result.segments.count + 1, line: line.number, paragraph: paragraph, original: original, source: source,
                                text: rendered(source, terms: terms), edits: edits, terms: terms))
                    }
                }
            }
        }
        result.ruleTestsStopped = scratch.exhausted
        return result
    }

    /// `range` without spaces at its edges, or `nil` if nothing is left.
    static func trimmed(_ range: Range<Int>, in text: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var start = range.lowerBound
        var end = range.upperBound
        while start < end {
            let (value, width) = UTF8Decoding.scalar(text, at: start)
            guard LineNormalizer.kind(of: value) == .space else { break }
            start += width
        }
        while end > start {
            let (value, width) = ScalarTable.decode(text, before: end)
            guard LineNormalizer.kind(of: value) == .space else { break }
            end -= width
        }
        return start < end ? start..<end : nil
    }

    /// Words in UTF-8 text: runs of letters, marks and digits (spaces and punctuation separate them).
    static func wordCount(_ text: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var inWord = false
        var index = 0
        while index < text.count {
            let (value, width) = UTF8Decoding.scalar(text, at: index)
            let isWord = value < 0x80 ? (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A) || (value >= 0x30 && value <= 0x39) : LineNormalizer.isLetterOrMark(value)
            if isWord, !inWord { count += 1 }
            inWord = isWord
            index += width
        }
        return count
    }

    // MARK: Terms

    /// Glossary matches of each normalized line (offsets into the line), outside existing
    /// `⟨…⟩` annotations; empty when terms are off. The lines are scanned as one text, one line
    /// each: the scanner never matches across a line break.
    func scanTerms(_ lines: [NormalizedLine]) -> [[ScanMatch]] {
        guard let scanner else { return [] }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(lines.reduce(0) { $0 + $1.text.count + 1 } + 1)
        var starts: [Int] = []
        starts.reserveCapacity(lines.count)
        for line in lines {
            starts.append(buffer.count)
            buffer += line.text
            buffer.append(0x0A)
        }
        buffer.append(0x0A)
        let all = buffer.withUnsafeBufferPointer { scanner.scan($0[..<($0.count - 1)], firstLine: 1) }
        var result = [[ScanMatch]](repeating: [], count: lines.count)
        for var match in all where match.kind != .misspelled {
            let index = match.line - 1
            guard index >= 0, index < lines.count else { continue }
            let start = starts[index]
            match.start -= start
            match.termStart -= start
            match.end -= start
            result[index].append(match)
        }
        for index in result.indices where !result[index].isEmpty && lines[index].text.contains(0xE2) {
            let annotations = Self.annotationRanges(lines[index].text)
            result[index].removeAll { match in annotations.contains { $0.overlaps(match.start..<match.end) } }
        }
        return result
    }

    /// Ranges of `⟨…⟩` annotations (⟨ is E2 9F A8, ⟩ is E2 9F A9) in a normalized line.
    static func annotationRanges(_ text: [UInt8]) -> [Range<Int>] {
        var annotations: [Range<Int>] = []
        var open: Int?
        var index = 0
        while index + 2 < text.count {
            if text[index] == 0xE2, text[index + 1] == 0x9F {
                if text[index + 2] == 0xA8 { open = index }
                if text[index + 2] == 0xA9, let start = open {
                    annotations.append(start..<(index + 3))
                    open = nil
                }
            }
            index += 1
        }
        return annotations
    }

    func segmentTerms(
        _ matches: [ScanMatch], in range: Range<Int>, text: UnsafeBufferPointer<UInt8>, line: DocumentText.Line, normalized: NormalizedLine,
        document: DocumentText
    ) -> [NormalizedSegment.Term] {
        guard let glossary = scanner?.glossary else { return [] }
        var terms: [NormalizedSegment.Term] = []
        for match in matches where match.start >= range.lowerBound && match.end <= range.upperBound {
            let concept = glossary.concepts[Int(glossary.entries[Int(match.entry)].conceptIndex)]
            let surface = String(decoding: UnsafeBufferPointer(rebasing: text[match.start..<match.end]), as: UTF8.self)
            let annotation = Array(" \u{27E8}\(concept.english)\u{27E9}".utf8)
            let alreadyAnnotated = match.end + annotation.count <= text.count
                && annotation.elementsEqual(UnsafeBufferPointer(rebasing: text[match.end..<(match.end + annotation.count)]))
            let termText = String(decoding: UnsafeBufferPointer(rebasing: text[match.termStart..<match.end]), as: UTF8.self)
            let original =
                document.originalOffset(in: line, at: normalized.sourceStart(of: match.termStart))..<document.originalOffset(in: line, at: normalized.sourceEnd(of: match.end))
            terms.append(
                NormalizedSegment.Term(
                    conceptID: concept.id, english: concept.english, glossaryFile: concept.origin?.file ?? "",
                    surface: (match.start - range.lowerBound)..<(match.end - range.lowerBound),
                    term: (match.termStart - range.lowerBound)..<(match.end - range.lowerBound), original: original,
                    isAnnotated: !alreadyAnnotated && surface != concept.english && termText != concept.english))
        }
        return terms
    }

    /// The `.txt` form of a segment: annotated, replaced or as it is.
    func rendered(_ source: String, terms: [NormalizedSegment.Term]) -> String {
        guard options.terms != .off, !terms.isEmpty else { return source }
        let bytes = Array(source.utf8)
        var out: [UInt8] = []
        var cursor = 0
        for term in terms {
            switch options.terms {
            case .annotate:
                guard term.isAnnotated else { continue }
                out += bytes[cursor..<term.surface.upperBound]
                out += Array(" \u{27E8}\(term.english)\u{27E9}".utf8)
                cursor = term.surface.upperBound
            case .replace:
                out += bytes[cursor..<term.term.lowerBound]
                out += Array(term.english.utf8)
                cursor = term.term.upperBound
            case .off:
                break
            }
        }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
    }
}
