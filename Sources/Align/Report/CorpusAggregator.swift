import Dispatch

/// Merges the `ChunkAnalysis` of every chunk, in document order, into one `CorpusAnalysis`.
/// It runs on one thread (the corpus scanner's consumer), so what it keeps never depends on
/// scheduling; where a dictionary's order could leak into the result, `finish` sorts.
struct CorpusAggregator {
    typealias SpellingTally = CorpusAnalysis.SpellingTally

    struct SpellingID: Hashable {
        var concept: Int
        var status: SpellingStatus
        var key: String
    }

    struct DocumentTermTally {
        var count = 0
        var first: CorpusPosition
        /// Spelling index → count.
        var spellings: [Int: Int] = [:]
    }

    let glossary: CompiledGlossary
    let documents: [ReportDocument]
    let options: ReportOptions

    private var spellingIndex: [SpellingID: Int] = [:]
    private var spellings: [SpellingTally] = []
    private var surfaceSpelling: [ChunkAnalysis.SurfaceKey: Int] = [:]
    /// Per concept: the spelling key of each `fr` form → its index in `fr`.
    private var listedKeys: [Int: [String: Int]] = [:]
    private var documentBytes: [Int]
    private var documentOccurrences: [Int]
    private var documentTerms: [[Int: DocumentTermTally]]
    private var conceptOccurrences: [Int]
    private var candidates: [CandidateExtractor.Key: UncoveredTermFinder.Observed] = [:]
    private var lowercaseWords = WordHashSet(capacity: 1 << 16)
    private var texts: [Int: HighlightedDocument] = [:]
    private var textTooLarge = Set<Int>()
    private var keptTextBytes = 0

    init(glossary: CompiledGlossary, documents: [ReportDocument], options: ReportOptions) {
        self.glossary = glossary
        self.documents = documents
        self.options = options
        documentBytes = Array(repeating: 0, count: documents.count)
        documentOccurrences = Array(repeating: 0, count: documents.count)
        documentTerms = Array(repeating: [:], count: documents.count)
        conceptOccurrences = Array(repeating: 0, count: glossary.concepts.count)
    }

    // MARK: adding chunks

    mutating func add(_ chunk: DocumentChunk, _ analysis: ChunkAnalysis) {
        let document = chunk.document
        let textOffset = documentBytes[document]
        documentBytes[document] += chunk.bytes.count
        var spellingOfSurface: [ChunkAnalysis.SurfaceKey: Int] = [:]
        for tally in analysis.surfaces {
            let surface = tally.key
            let index = spelling(for: surface)
            if options.keepsDocumentText { spellingOfSurface[surface] = index }
            record(tally, of: index, in: chunk)
        }
        for (key, tally) in analysis.candidates.candidates {
            if let slot = candidates.index(forKey: key) {
                // One hash lookup, then in place.
                candidates.values[slot].count += tally.count
                if candidates.values[slot].documents.last != document { candidates.values[slot].documents.append(document) }
            } else {
                let position = tally.first
                let column = Excerpt.column(chunk.bytes, of: position.start)
                let (before, after) = Excerpt.around(chunk.bytes, start: position.start, end: position.end)
                let evidence = Finding.Evidence(
                    location: SourceLocation(file: documents[document].path, line: position.line, column: column),
                    surface: String(decoding: chunk.bytes[position.start..<position.end], as: UTF8.self), before: before, after: after)
                candidates[key] = UncoveredTermFinder.Observed(
                    folded: FormKey(key.text).value, count: tally.count, documents: [document], first: evidence,
                    firstPosition: CorpusPosition(document: document, line: position.line, column: column),
                    sentence: options.collectsExampleSentences ? Excerpt.sentence(chunk.bytes, start: position.start, end: position.end) : "")
            }
        }
        lowercaseWords.formUnion(analysis.candidates.lowercaseWords)
        if options.keepsDocumentText { keepText(chunk, analysis, offset: textOffset, spellingOfSurface: spellingOfSurface) }
    }

    /// The spelling a group of matches belongs to, created on first sight.
    private mutating func spelling(for surface: ChunkAnalysis.SurfaceKey) -> Int {
        if let index = surfaceSpelling[surface] { return index }
        let entry = glossary.entries[Int(surface.entry)]
        let form = glossary.form(of: entry)
        let conceptIndex = Int(entry.conceptIndex)
        let text = String(decoding: surface.surface, as: UTF8.self)
        let status: SpellingStatus
        let key: String
        var display = text
        switch surface.role {
        case .avoided:
            status = .avoided
            key = form
            display = form
        case .misspelled:
            status = .misspelling
            key = VariantSpelling.key(text, inflects: false, lowersFirst: false)
        case .listed, .inflected:
            key = Self.spellingKey(text, form: form, concept: glossary.concepts[conceptIndex])
            let listed = listedKeys(of: conceptIndex)
            if let formIndex = listed[key] {
                status = formIndex == 0 ? .preferred : .variant
                display = glossary.concepts[conceptIndex].french[formIndex]
            } else {
                status = .unlisted
            }
        }
        let id = SpellingID(concept: conceptIndex, status: status, key: key)
        let index: Int
        if let existing = spellingIndex[id] {
            index = existing
        } else {
            index = spellings.count
            spellingIndex[id] = index
            spellings.append(
                SpellingTally(
                    concept: conceptIndex, status: status, key: key, display: display, form: form,
                    first: CorpusPosition(document: Int.max, line: 0, column: 0)))
        }
        surfaceSpelling[surface] = index
        return index
    }

    static func spellingKey(_ surface: String, form: String, concept: Concept) -> String {
        let lowersFirst = form.unicodeScalars.first.map { CaseTable.info($0.value).isLower } ?? false
        return VariantSpelling.key(surface, inflects: FrenchInflection.inflects(form, flags: concept.flags), lowersFirst: lowersFirst)
    }

    private mutating func listedKeys(of conceptIndex: Int) -> [String: Int] {
        if let keys = listedKeys[conceptIndex] { return keys }
        let concept = glossary.concepts[conceptIndex]
        var keys: [String: Int] = [:]
        for (index, form) in concept.french.enumerated() {
            let key = Self.spellingKey(form, form: form, concept: concept)
            if keys[key] == nil { keys[key] = index }
        }
        listedKeys[conceptIndex] = keys
        return keys
    }

    private mutating func record(_ tally: ChunkAnalysis.SurfaceTally, of index: Int, in chunk: DocumentChunk) {
        let document = chunk.document
        // In place (`&spellings[index]`): a copy would duplicate the tally's arrays on every chunk.
        Self.update(&spellings[index], with: tally, in: chunk, path: documents[document].path, limit: options.evidencePerFinding)
        let concept = spellings[index].concept
        conceptOccurrences[concept] += tally.count
        documentOccurrences[document] += tally.count
        var first = CorpusPosition(document: document, line: Int.max, column: 0)
        if let match = tally.first.first {
            first = CorpusPosition(document: document, line: match.line, column: match.column + Excerpt.scalarCount(chunk.bytes, from: match.start, to: match.termStart))
        }
        Self.update(&documentTerms[document][concept, default: DocumentTermTally(first: first)], spelling: index, count: tally.count, first: first)
    }

    static func update(_ term: inout DocumentTermTally, spelling: Int, count: Int, first: CorpusPosition) {
        term.count += count
        term.first = min(term.first, first)
        term.spellings[spelling, default: 0] += count
    }

    static func update(_ spelling: inout SpellingTally, with tally: ChunkAnalysis.SurfaceTally, in chunk: DocumentChunk, path: String, limit: Int) {
        let document = chunk.document
        spelling.count += tally.count
        if spelling.documents.last?.document == document {
            spelling.documents[spelling.documents.count - 1].count += tally.count
        } else {
            spelling.documents.append(SpellingTally.DocumentTally(document: document, count: tally.count, examples: []))
        }
        // Accepted spellings show their first occurrence only (`inconsistent-variant`); avoided
        // forms and misspellings their first `limit` per document (their findings are per document).
        let perDocument = !spelling.status.isAccepted
        let last = spelling.documents.count - 1
        for match in tally.first {
            let column = match.column + Excerpt.scalarCount(chunk.bytes, from: match.start, to: match.termStart)
            let position = CorpusPosition(document: document, line: match.line, column: column)
            if position < spelling.first {
                spelling.first = position
                if spelling.status == .unlisted || spelling.status == .misspelling {
                    spelling.display = String(decoding: chunk.bytes[match.termStart..<match.end], as: UTF8.self)
                }
            }
            let needed: Bool
            if perDocument {
                let count = spelling.documents[last].examples.count
                needed = count < limit || position < spelling.documents[last].examples[limit - 1].position
            } else {
                needed = spelling.examples.isEmpty || position < spelling.examples[0].position
            }
            guard needed else { continue }
            let (before, after) = Excerpt.around(chunk.bytes, start: match.termStart, end: match.end)
            let example = SpellingTally.Example(
                position: position,
                evidence: Finding.Evidence(
                    location: SourceLocation(file: path, line: match.line, column: column),
                    surface: String(decoding: chunk.bytes[match.termStart..<match.end], as: UTF8.self), before: before, after: after))
            if perDocument {
                insert(example, into: &spelling.documents[last].examples, limit: limit)
            } else {
                insert(example, into: &spelling.examples, limit: 1)
            }
        }
    }

    static func insert(_ example: SpellingTally.Example, into examples: inout [SpellingTally.Example], limit: Int) {
        let at = examples.firstIndex { example.position < $0.position } ?? examples.count
        examples.insert(example, at: at)
        if examples.count > limit { examples.removeLast() }
    }

    private mutating func keepText(_ chunk: DocumentChunk, _ analysis: ChunkAnalysis, offset: Int, spellingOfSurface: [ChunkAnalysis.SurfaceKey: Int]) {
        let document = chunk.document
        guard !textTooLarge.contains(document) else { return }
        if documentBytes[document] > options.documentTextLimit || keptTextBytes + chunk.bytes.count > options.totalTextLimit {
            textTooLarge.insert(document)
            if let dropped = texts.removeValue(forKey: document) { keptTextBytes -= dropped.bytes.count }
            return
        }
        var text = texts[document] ?? HighlightedDocument()
        text.bytes += chunk.bytes
        keptTextBytes += chunk.bytes.count
        for match in analysis.matches {
            let surface = Array(chunk.bytes[match.termStart..<match.end])
            var hash = CaseTable.seed
            for byte in surface { hash = CaseTable.add(hash, UInt32(byte)) }
            let key = ChunkAnalysis.SurfaceKey(entry: match.entry, role: ChunkAnalysis.Role(match.kind), surface: surface, surfaceHash: hash)
            guard let spelling = spellingOfSurface[key] else { continue }
            text.marks.append(HighlightedDocument.Mark(start: offset + match.termStart, end: offset + match.end, spelling: spelling))
        }
        for (position, key) in analysis.candidates.spans {
            text.pendingCandidates.append((offset + position.start, offset + position.end, key))
        }
        texts[document] = text
    }

    // MARK: finishing

    /// The analysis, with every order fixed: spellings by concept and first occurrence, candidates
    /// ranked. `neighbors` gives the glossary's near-duplicate index (built while the corpus was read).
    func finish(statistics: CorpusScanner.Statistics, skipped: Set<Int>, neighbors: @escaping @Sendable () -> GlossaryNeighbors) -> CorpusAnalysis {
        // The candidates are resolved on another core while the spellings and summaries are sorted.
        var finder = UncoveredTermFinder(
            lowercaseWords: lowercaseWords, minimumOccurrences: options.minimumCandidateOccurrences, comparedCandidates: options.uncoveredLimit,
            neighbors: neighbors)
        finder.mapsKeys = options.keepsDocumentText
        let resolved = SerialBox<(candidates: [UncoveredCandidate], keys: [CandidateExtractor.Key: Int])>(([], [:]))
        let resolving = DispatchGroup()
        DispatchQueue.global().async(group: resolving) { [finder, candidates] in
            resolved.value = finder.resolve(candidates)
        }

        let order = spellings.indices.sorted { a, b in
            let x = spellings[a]
            let y = spellings[b]
            if x.concept != y.concept { return x.concept < y.concept }
            if x.first != y.first { return x.first < y.first }
            if x.status != y.status { return x.status.rawValue < y.status.rawValue }
            return x.key.utf8.lexicographicallyPrecedes(y.key.utf8)
        }
        var newIndex = Array(repeating: 0, count: spellings.count)
        for (position, old) in order.enumerated() { newIndex[old] = position }
        let sortedSpellings = order.map { spellings[$0] }

        var summaries: [DocumentSummary] = []
        for (index, document) in documents.enumerated() {
            let terms = documentTerms[index].sorted { a, b in a.value.first != b.value.first ? a.value.first < b.value.first : a.key < b.key }.map { conceptIndex, tally in
                let concept = glossary.concepts[conceptIndex]
                let forms = tally.spellings.map { (newIndex[$0.key], $0.value) }.sorted { a, b in a.1 != b.1 ? a.1 > b.1 : a.0 < b.0 }.map { spelling, count in
                    DocumentSummary.Term.Form(surface: sortedSpellings[spelling].display, status: sortedSpellings[spelling].status, count: count)
                }
                return DocumentSummary.Term(id: concept.id, english: concept.english, count: tally.count, line: tally.first.line, column: tally.first.column, forms: forms)
            }
            summaries.append(
                DocumentSummary(
                    path: document.path, bytes: documentBytes[index], occurrences: documentOccurrences[index], scanned: !skipped.contains(index), terms: terms,
                    boilerplate: options.boilerplate?.removedBoilerplate(inDocument: document.path)))
        }

        resolving.wait()
        let (candidateList, candidateOfKey) = resolved.value
        var finishedTexts: [Int: HighlightedDocument] = [:]
        for (document, text) in texts {
            var finished = text
            finished.marks = text.marks.map { HighlightedDocument.Mark(start: $0.start, end: $0.end, spelling: newIndex[$0.spelling]) }
            finished.candidateMarks = text.pendingCandidates.compactMap { start, end, key in
                candidateOfKey[key].map { HighlightedDocument.CandidateMark(start: start, end: end, candidate: $0) }
            }
            finished.pendingCandidates = []
            finishedTexts[document] = finished
        }

        return CorpusAnalysis(
            concepts: glossary.concepts, documents: documents, options: options, statistics: statistics, spellings: sortedSpellings,
            conceptOccurrences: conceptOccurrences, documentSummaries: summaries, candidates: candidateList, texts: finishedTexts)
    }
}
