/// The output formats shared by every command that reports diagnostics.
public enum DiagnosticFormat: String, CaseIterable, Sendable {
    /// `path:line:col: error: message [check-id]`, the form editors and CI annotators parse.
    case text
    /// A versioned JSON document (schema in `docs/json-schema.md`).
    case json
    /// SARIF 2.1.0, as GitHub code scanning reads it.
    case sarif
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`).
    case github
}
