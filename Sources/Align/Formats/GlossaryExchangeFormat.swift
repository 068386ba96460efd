/// The glossary formats `aligncli glossary export` writes and `import` reads. The first case is
/// the export default.
public enum GlossaryExchangeFormat: String, CaseIterable, Sendable {
    /// TBX-Basic, ISO 30042:2019 (TBX v3), DCT style (`TBXBasicWriter`).
    case tbx
    /// TBX v2, ISO 30042:2008, the `martif` format most CAT tools read (`TBXv2Writer`).
    case tbx2
    /// RFC 4180 CSV for spreadsheets (`CSVGlossaryCodec`).
    case csv
    /// The native format (see `glossaries/README.md`).
    case tsv
}
