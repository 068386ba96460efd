/// A check of `aligncli report`: static metadata, examples the tests run, and the findings it
/// draws from one `CorpusAnalysis`. Every check is registered in `ReportChecks.all`.
public protocol ReportCheck: Sendable {
    /// Id, default severity and one-line summary (SARIF rules, `--help`, docs/report.md).
    static var descriptor: CheckDescriptor { get }
    /// Which text the check reads. LATER: English checks (`missing-canonical`,
    /// `untranslated-term`, `avoided-term` on translations) read `.english`.
    static var language: Finding.Language { get }
    /// Small corpora that do and do not trigger the check; the tests run every one.
    static var examples: [ReportCheckExample] { get }
    /// The findings, in the order the report shows them.
    static func findings(in analysis: CorpusAnalysis) -> [Finding]
}

/// One example of a check: a glossary, documents, and whether the check must report something.
public struct ReportCheckExample: Sendable {
    /// Glossary rows (`id`, `en`, `fr`, `fr_avoid`, `flags`), as in a glossary file.
    public var glossary: [Concept]
    /// The text of each document.
    public var documents: [String]
    public var triggers: Bool

    public init(glossary: [Concept], documents: [String], triggers: Bool) {
        self.glossary = glossary
        self.documents = documents
        self.triggers = triggers
    }
}
