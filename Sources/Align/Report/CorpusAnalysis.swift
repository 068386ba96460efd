/// Everything the report knows after one pass over the corpus, aggregated: each concept's
/// spellings with their distribution, the candidate terms, per-document summaries, (for the HTML
/// view) the text of short documents, and the term findings across each document and its English
/// translation. The checks read it; nothing here grows with the corpus except counts and
/// findings per document.
public struct CorpusAnalysis: Sendable {
    /// One way one concept is written, with its counts and first occurrences.
    struct SpellingTally: Sendable {
        struct Example: Sendable {
            var position: CorpusPosition
            var evidence: Finding.Evidence
        }

        struct DocumentTally: Sendable {
            var document: Int
            var count: Int
            /// First occurrences in this document; kept only for avoided forms and misspellings,
            /// whose findings are per document.
            var examples: [Example]
        }

        var concept: Int
        var status: SpellingStatus
        /// The comparison key (`VariantSpelling.key`), the avoided form, or the misspelling as written.
        var key: String
        /// The listed form when the spelling is one, else the first surface seen.
        var display: String
        /// The glossary form that matched, or that a misspelling resembles.
        var form: String
        var count = 0
        var first: CorpusPosition
        var documents: [DocumentTally] = []
        /// The first occurrence, for spellings the glossary accepts.
        var examples: [Example] = []
    }

    /// The glossary concepts, in glossary order.
    public let concepts: [Concept]
    public let documents: [ReportDocument]
    public let options: ReportOptions
    public let statistics: CorpusScanner.Statistics
    /// Spellings ordered by concept, then first occurrence.
    var spellings: [SpellingTally]
    /// Occurrences of each concept (every status), in glossary order.
    public let conceptOccurrences: [Int]
    public let documentSummaries: [DocumentSummary]
    /// Every candidate term, ranked (the report shows the first `options.uncoveredLimit`).
    public let candidates: [UncoveredCandidate]
    /// Texts of the short documents, by document index.
    public let texts: [Int: HighlightedDocument]
    /// Each document paired with its English translation, in document order.
    var translations: [TranslationAnalysis] = []
    /// Seconds spent in each phase, for `report --timings`.
    public var timings: [(phase: String, seconds: Double)] = []

    /// The summary of every concept that occurs, in glossary order.
    public var conceptSummaries: [ConceptSummary] {
        var byConcept: [Int: [SpellingTally]] = [:]
        for spelling in spellings { byConcept[spelling.concept, default: []].append(spelling) }
        return byConcept.keys.sorted().map { index in
            let concept = concepts[index]
            let tallies = byConcept[index]!
            let documents = Set(tallies.flatMap { $0.documents.map(\.document) })
            return ConceptSummary(
                id: concept.id, english: concept.english, preferred: concept.preferredFrench,
                occurrences: conceptOccurrences[index], documents: documents.count,
                forms: tallies.map { tally in
                    ConceptSummary.Form(
                        surface: tally.display, status: tally.status, count: tally.count,
                        documents: tally.documents.map { Finding.DocumentCount(document: self.documents[$0.document].path, count: $0.count) })
                })
        }
    }
}
