/// Output formats of `aligncli scan`.
public enum OccurrenceFormat: String, CaseIterable, Sendable {
    /// A header line, then `document line column surface id english kind`, tab-separated.
    case tsv
    /// One JSON document with every field of every occurrence (schema in docs/json-schema.md).
    case json
    /// For people: each occurrence with its line excerpt, the match highlighted.
    case text
}
