/// The glossary formats `aligncli glossary export` writes and `import` reads.
public enum GlossaryExchangeFormat: String, CaseIterable, Sendable {
    /// The native format (see `glossaries/README.md`).
    case tsv
}
