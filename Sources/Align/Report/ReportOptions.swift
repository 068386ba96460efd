/// What `ReportBuilder` does beyond the defaults; every limit that bounds memory is here.
public struct ReportOptions: Sendable {
    /// Encoding of the corpus files.
    public var encoding: TextEncoding = .utf8
    /// Whether the scanner looks for possible misspellings (`possible-misspelling`).
    public var detectsNearMisses = true
    /// Evidence kept per finding (first occurrences in corpus order).
    public var evidencePerFinding = 5
    /// Occurrences a candidate term needs to be reported as `uncovered-term`.
    public var minimumCandidateOccurrences = 2
    /// `uncovered-term` findings in the report, best ranked first (`suggest` lists them all); 0: no limit.
    public var uncoveredLimit = 100
    /// Keep the sentence around each candidate's first occurrence (`suggest` writes it as an example).
    public var collectsExampleSentences = false
    /// Keep the text of documents for the HTML view.
    public var keepsDocumentText = false
    /// Documents larger than this (UTF-8 bytes) are listed in the HTML view without their text.
    public var documentTextLimit = 256 << 10
    /// The text kept for all documents together; documents past it are listed without their text.
    public var totalTextLimit = 4 << 20
    /// What the corpus normalizer leaves out of each document (see `BoilerplateReporting`).
    public var boilerplate: (any BoilerplateReporting)?
    /// The boilerplate rules a document and its translation are normalized with before their
    /// sentences are aligned (`normalize/boilerplate.tsv` for `aligncli report`).
    public var translationBoilerplate = BoilerplateRules.none
    /// Bytes per chunk (the unit of parallel work); larger chunks mean fewer partial results to merge.
    public var chunkBytes = 1 << 20

    public init() {}
}
