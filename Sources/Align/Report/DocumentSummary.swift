/// The summary of one document: the glossary terms found in it, in order of first occurrence,
/// each with its English canonical form.
public struct DocumentSummary: Sendable, Equatable, Codable {
    /// One concept found in the document.
    public struct Term: Sendable, Equatable, Codable {
        /// One way the concept is written here.
        public struct Form: Sendable, Equatable, Codable {
            public var surface: String
            public var status: SpellingStatus
            public var count: Int
        }

        public var id: String
        public var english: String
        public var count: Int
        /// Where it first occurs.
        public var line: Int
        public var column: Int
        public var forms: [Form]
    }

    public var path: String
    /// UTF-8 bytes scanned (after decoding).
    public var bytes: Int
    public var occurrences: Int
    /// False when the document could not be read (see the report's diagnostics).
    public var scanned: Bool
    public var terms: [Term]
    /// What the corpus normalizer leaves out of the document; `nil` when it was not analysed.
    public var boilerplate: BoilerplateSummary?
    /// The English translation the document was aligned with; `nil` when it had none (or
    /// `--no-translations`).
    public var translation: TranslationSummary?
}
