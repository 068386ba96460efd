/// A candidate term the glossary does not cover, after the whole corpus was read: how it is
/// written, how often and where, and the glossary entry it resembles, if any.
public struct UncoveredCandidate: Sendable, Equatable {
    /// The most frequent spelling.
    public var term: String
    /// Every spelling (case or accents differ), most frequent first.
    public var spellings: [String]
    public var occurrences: Int
    /// Indexes of the documents it occurs in, ascending.
    public var documents: [Int]
    /// The first occurrence that is not at a sentence start (or the first one, for acronyms).
    public var first: Finding.Evidence
    /// The sentence around `first`, for a glossary example.
    public var sentence: String
    /// The glossary concept and form it is a near-duplicate of.
    public var resembles: (concept: Int, form: String)?
    /// All capitals or capitals with digits (`TASS`, `G20`).
    public var isAcronym: Bool

    public static func == (lhs: UncoveredCandidate, rhs: UncoveredCandidate) -> Bool {
        lhs.term == rhs.term && lhs.spellings == rhs.spellings && lhs.occurrences == rhs.occurrences && lhs.documents == rhs.documents
            && lhs.first == rhs.first && lhs.sentence == rhs.sentence && lhs.resembles?.concept == rhs.resembles?.concept
            && lhs.resembles?.form == rhs.resembles?.form && lhs.isAcronym == rhs.isAcronym
    }
}
