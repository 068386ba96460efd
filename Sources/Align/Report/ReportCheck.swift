/// A check of `aligncli report`: static metadata, examples the tests run, and the findings it
/// draws from one `CorpusAnalysis`. Every check is registered in `ReportChecks.all`.
public protocol ReportCheck: Sendable {
    /// Id, default severity and one-line summary (SARIF rules, `--help`, docs/report.md).
    static var descriptor: CheckDescriptor { get }
    /// The texts the check reads, and so the `language` of its findings: `.french` for the
    /// source, `.english` for translations (`missing-canonical`, `untranslated-term`), both for
    /// `avoided-term` (`fr_avoid` in French, `en_avoid` in English, one check id and one SARIF rule).
    static var languages: [Finding.Language] { get }
    /// Small corpora that do and do not trigger the check; the tests run every one.
    static var examples: [ReportCheckExample] { get }
    /// The findings, in the order the report shows them.
    static func findings(in analysis: CorpusAnalysis) -> [Finding]
}

/// One example of a check: a glossary, documents (with their English translations for the checks
/// that read them), and whether the check must report something.
public struct ReportCheckExample: Sendable {
    /// Glossary rows (`id`, `en`, `fr`, `en_avoid`, `fr_avoid`, `flags`), as in a glossary file.
    public var glossary: [Concept]
    /// The text of each document.
    public var documents: [String]
    /// The English translation of each document, in the same order; documents past the end of the
    /// list have none (an empty list: no translations at all).
    public var translations: [String]
    public var triggers: Bool

    public init(glossary: [Concept], documents: [String], translations: [String] = [], triggers: Bool) {
        self.glossary = glossary
        self.documents = documents
        self.translations = translations
        self.triggers = triggers
    }
}
