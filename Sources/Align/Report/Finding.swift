/// One finding of `aligncli report`: a stable check id, a severity, a place and its evidence.
///
/// Findings about one place in one document (`avoided-term`, `possible-misspelling`, and the
/// checks of translations: `missing-canonical`, `untranslated-term`) group every occurrence of the
/// same form in that document; corpus-wide findings (`inconsistent-variant`, `uncovered-term`)
/// point at their first telling occurrence and carry the distribution; glossary findings
/// (`unused-entry`) point at the glossary row. The JSON schema is in docs/report.md.
public struct Finding: Sendable, Equatable, Codable {
    /// Which text a finding is about: the French source, or its English translation.
    public enum Language: String, Sendable, Codable, CaseIterable {
        case french = "fr"
        case english = "en"
    }

    /// Whether a finding was already accepted in the baseline given with `--baseline`.
    public enum BaselineState: String, Sendable, Codable {
        /// Not in the baseline, or seen more often than the baseline recorded: it counts for `--fail-on`.
        case new
        /// In the baseline with at least as many occurrences: reported, never fails the run.
        case unchanged
    }

    /// One occurrence shown as evidence: where it is, the text as written, a line excerpt around it.
    public struct Evidence: Sendable, Equatable, Codable {
        public var location: SourceLocation
        /// The text of the occurrence as written (without an elision such as `l'`).
        public var surface: String
        /// Up to `Evidence.context` characters of the line before and after the occurrence.
        public var before: String
        public var after: String

        /// How many characters of context an excerpt keeps on each side.
        public static let context = 50

        public init(location: SourceLocation, surface: String, before: String, after: String) {
            self.location = location
            self.surface = surface
            self.before = before
            self.after = after
        }
    }

    /// How often a form occurs in one document.
    public struct DocumentCount: Sendable, Equatable, Codable {
        public var document: String
        public var count: Int
    }

    /// One way a concept is written in the corpus, for `inconsistent-variant`.
    public struct Variant: Sendable, Equatable, Codable {
        /// The spelling, as the glossary lists it when it does, else as first written.
        public var surface: String
        /// `preferred`, `variant` (listed in the glossary) or `unlisted` (matched by folding only).
        public var status: String
        public var count: Int
        public var documents: [DocumentCount]
    }

    /// The glossary entry a finding refers to: the concept, and the form it resembles or breaks.
    public struct Entry: Sendable, Equatable, Codable {
        public var id: String
        public var english: String
        /// The glossary form involved (the avoided form, the form a misspelling resembles…).
        public var form: String
        /// The preferred French form of the concept.
        public var preferred: String
    }

    /// The check id (`avoided-term`).
    public var check: String
    public var severity: Severity
    /// Lower-case, no trailing period; built by `FindingMessages`.
    public var message: String
    /// The first telling occurrence, or the glossary row; `nil` only for findings with no place.
    public var location: SourceLocation?
    public var language: Language
    /// What the finding is about, as written: the avoided form, the misspelling, the candidate term.
    public var term: String
    /// The glossary entry involved, if any (for `uncovered-term`, the entry it resembles).
    public var entry: Entry?
    /// Total occurrences behind the finding (for `inconsistent-variant`: outside the main spelling).
    public var occurrences: Int
    /// Number of documents it occurs in.
    public var documents: Int
    /// The first occurrences, at most `ReportLimits.evidencePerFinding`, in corpus order.
    public var evidence: [Evidence]
    /// For `inconsistent-variant`: every spelling with its distribution.
    public var variants: [Variant]?
    /// For `uncovered-term`: other spellings of the candidate (case or accents differ).
    public var spellings: [String]?
    /// A 16-hex-digit hash of what the finding is about, without line numbers (see `fingerprint(...)`).
    public var fingerprint: String
    /// Set when the report ran with `--baseline`.
    public var baseline: BaselineState?

    public init(
        check: String, severity: Severity, message: String, location: SourceLocation?, language: Language = .french,
        term: String, entry: Entry? = nil, occurrences: Int, documents: Int, evidence: [Evidence] = [],
        variants: [Variant]? = nil, spellings: [String]? = nil, fingerprint: String
    ) {
        self.check = check
        self.severity = severity
        self.message = message
        self.location = location
        self.language = language
        self.term = term
        self.entry = entry
        self.occurrences = occurrences
        self.documents = documents
        self.evidence = evidence
        self.variants = variants
        self.spellings = spellings
        self.fingerprint = fingerprint
    }

    /// The fingerprint of a finding: FNV-1a of the check, the document as found below the folder
    /// the user gave (empty for corpus-wide findings), and the parts naming what it is about.
    /// Line numbers and machine-dependent path prefixes are never part of it.
    public static func fingerprint(check: String, document: String = "", _ parts: [String]) -> String {
        Fingerprint.hash([check, document] + parts)
    }

    /// Orders by place, then term: the order of every check except `uncovered-term`, which ranks.
    static func byLocation(_ a: Finding, _ b: Finding) -> Bool {
        let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
        let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
        if la != lb { return la < lb }
        if a.term != b.term { return a.term.utf8.lexicographicallyPrecedes(b.term.utf8) }
        return a.fingerprint < b.fingerprint
    }

    /// The finding as a `Diagnostic`, for the renderers shared with `validate`.
    public var diagnostic: Diagnostic {
        Diagnostic(severity, check, message, at: location)
    }
}
