/// One occurrence of a glossary concept in a text.
public struct Occurrence: Sendable, Equatable, Codable {
    /// Index of the concept in the glossary the matcher was built from.
    public var conceptIndex: Int
    /// The glossary form that matched.
    public var form: String
    public var kind: MatchKind
    /// Byte range of the whole surface, elision included, in the scanned text.
    public var start: Int
    public var end: Int
    /// Byte offset where the term itself starts (after any elision).
    public var termStart: Int
    /// The elision before the term (`l'`, `d’`), if any.
    public var elision: String?
}
