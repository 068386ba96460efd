/// A French text and its English translation, split into sentences, aligned, and checked.
public struct BilingualAlignment: Sendable {
    public var frenchPath: String
    public var englishPath: String
    public var french: [AlignedSentence]
    public var english: [AlignedSentence]
    /// Monotone links covering every sentence of both sides exactly once.
    public var links: [AlignmentLink]
    /// Term findings, in link order.
    public var findings: [PairFinding]

    public init(frenchPath: String, englishPath: String, french: [AlignedSentence], english: [AlignedSentence], links: [AlignmentLink], findings: [PairFinding] = []) {
        self.frenchPath = frenchPath
        self.englishPath = englishPath
        self.french = french
        self.english = english
        self.links = links
        self.findings = findings
    }
}
