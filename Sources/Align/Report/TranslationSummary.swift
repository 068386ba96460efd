/// How a document was paired with its English translation, for the per-document summary.
public struct TranslationSummary: Sendable, Equatable, Codable {
    /// The English file.
    public var path: String
    public var frenchSentences: Int
    public var englishSentences: Int
    /// Links of the sentence alignment (1-1, 2-1, … and sentences left unpaired).
    public var links: Int
}
