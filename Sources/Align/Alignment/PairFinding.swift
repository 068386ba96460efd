/// A terminology problem in one aligned pair: what Xbench calls a key term mismatch.
public struct PairFinding: Sendable, Equatable {
    /// The check: `missing-canonical`, `untranslated-term` or `avoided-term`.
    public var check: String
    /// Index of the link in `BilingualAlignment.links`.
    public var link: Int
    public var conceptID: String
    /// The English canonical form the pair should use.
    public var canonical: String
    /// The French surface of the term (empty when the English side alone is wrong).
    public var french: String
    /// The offending English surface (empty for `missing-canonical`).
    public var englishSurface: String
    /// Where to point: the English surface, or the French term for `missing-canonical`.
    public var location: SourceLocation
    public var message: String

    public init(check: String, link: Int, conceptID: String, canonical: String, french: String, englishSurface: String, location: SourceLocation, message: String) {
        self.check = check
        self.link = link
        self.conceptID = conceptID
        self.canonical = canonical
        self.french = french
        self.englishSurface = englishSurface
        self.location = location
        self.message = message
    }
}
