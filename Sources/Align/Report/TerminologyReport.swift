/// The result of `aligncli report`: findings, summaries and what was read. Its JSON encoding is
/// the `--format json` output, schema `align-report` version `schemaVersion` (docs/report.md).
public struct TerminologyReport: Sendable, Codable {
    /// The version of the JSON schema; raised on any incompatible change.
    public static let schemaVersion = 1

    /// What was read.
    public struct Inputs: Sendable, Codable, Equatable {
        /// The glossary files read.
        public var glossaries: [String]
        public var concepts: Int
        public var documents: Int
        public var skipped: Int
        public var bytes: Int
        public var occurrences: Int
    }

    /// Counts for the verdict.
    public struct Summary: Sendable, Codable, Equatable {
        /// Findings of one check.
        public struct CheckCount: Sendable, Codable, Equatable {
            public var check: String
            public var severity: Severity
            public var count: Int
            /// Findings not in the baseline (equal to `count` without one).
            public var new: Int
        }

        public var errors: Int
        public var warnings: Int
        public var notes: Int
        public var checks: [CheckCount]
        /// Candidate terms found beyond those shown (`uncovered-term` is limited; `suggest` lists all).
        public var moreCandidates: Int
        /// `error`, `warning` or `never`.
        public var failOn: String
        /// Whether the run fails: a new finding at or above `failOn`.
        public var failed: Bool
        /// The baseline compared with, if any.
        public var baseline: String?
    }

    /// The schema name, `align-report`.
    public var schema = "align-report"
    /// The schema version (`schemaVersion`).
    public var version = TerminologyReport.schemaVersion
    public var tool = "aligncli"
    public var toolVersion = AlignVersion.current
    public var inputs: Inputs
    public var summary: Summary
    /// Every finding, by check (registry order), each check's findings in its own order.
    public var findings: [Finding]
    /// The concepts that occur, in glossary order.
    public var concepts: [ConceptSummary]
    /// The documents, in corpus order.
    public var documents: [DocumentSummary]
    /// Problems reading the corpus (undecodable or binary files).
    public var diagnostics: [Diagnostic]
    /// The text of short documents for the HTML view; not part of the JSON.
    public var texts: [Int: HighlightedDocument] = [:]
    /// Spellings behind `HighlightedDocument.Mark.spelling`: concept index and status; not part of the JSON.
    var markSpellings: [(concept: Int, status: SpellingStatus, display: String)] = []
    /// The glossary, for the HTML view; not part of the JSON.
    var glossaryConcepts: [Concept] = []
    /// The candidates behind `HighlightedDocument.CandidateMark`; not part of the JSON.
    var candidateTerms: [String] = []
    /// Seconds per phase, for `--timings`; not part of the JSON.
    public var timings: [(phase: String, seconds: Double)] = []

    enum CodingKeys: String, CodingKey {
        case schema, version, tool, toolVersion, inputs, summary, findings, concepts, documents, diagnostics
    }

    /// The findings that count for the verdict: all, or those new against the baseline.
    public var newFindings: [Finding] { findings.filter { $0.baseline != .unchanged } }
}
