/// Every check `aligncli report` runs, in the order the report shows them: SARIF rules, help
/// and docs/report.md follow this list, and a test asserts each check is documented.
public enum ReportChecks {
    public static let all: [any ReportCheck.Type] = [
        AvoidedTermCheck.self,
        PossibleMisspellingCheck.self,
        InconsistentVariantCheck.self,
        MissingCanonicalCheck.self,
        UntranslatedTermCheck.self,
        UncoveredTermCheck.self,
        UnusedEntryCheck.self,
    ]

    /// The descriptors, for renderers.
    public static var descriptors: [CheckDescriptor] { all.map { $0.descriptor } }

    /// The descriptor of `id`.
    public static func descriptor(_ id: String) -> CheckDescriptor? { descriptors.first { $0.id == id } }

    /// The findings of every check, each check's in its own order.
    public static func findings(in analysis: CorpusAnalysis) -> [Finding] {
        all.flatMap { $0.findings(in: analysis) }
    }
}
