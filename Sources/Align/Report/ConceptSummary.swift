/// The summary of one concept over the corpus: its English canonical form and every French
/// spelling found, with counts per document.
public struct ConceptSummary: Sendable, Equatable, Codable {
    /// One spelling and where it occurs.
    public struct Form: Sendable, Equatable, Codable {
        public var surface: String
        public var status: SpellingStatus
        public var count: Int
        public var documents: [Finding.DocumentCount]
    }

    public var id: String
    public var english: String
    public var preferred: String
    public var occurrences: Int
    public var documents: Int
    /// Spellings in order of first occurrence.
    public var forms: [Form]
}
