/// The text of one short document, kept for the HTML view with what to highlight in it. Only
/// documents within `ReportOptions.documentTextLimit` (and the total within `totalTextLimit`) are
/// kept, so the report's memory stays bounded whatever the corpus size.
public struct HighlightedDocument: Sendable {
    /// A glossary match: byte range of the term (elision excluded) and its spelling.
    public struct Mark: Sendable, Equatable {
        public var start: Int
        public var end: Int
        /// Index of the spelling in `CorpusAnalysis.spellings`.
        var spelling: Int
    }

    /// An occurrence of a reported `uncovered-term` candidate.
    public struct CandidateMark: Sendable, Equatable {
        public var start: Int
        public var end: Int
        /// Index in `CorpusAnalysis.candidates`.
        public var candidate: Int
    }

    /// The document in UTF-8 (decoded when the input was latin1 or windows-1252).
    public var bytes: [UInt8] = []
    public var marks: [Mark] = []
    public var candidateMarks: [CandidateMark] = []
    /// Candidate observations before the corpus is resolved (dropped by `finish`).
    var pendingCandidates: [(start: Int, end: Int, key: CandidateExtractor.Key)] = []
}
