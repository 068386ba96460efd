/// Every check `aligncli validate` runs, in one registry: SARIF rules, `--help` and the
/// documentation are generated from it, and a test asserts each one is documented and triggered
/// by a fixture.
public enum GlossaryChecks {
    public static let all: [CheckDescriptor] = [
        CheckDescriptor("unreadable-file", .error, "a glossary file cannot be read"),
        CheckDescriptor("binary-file", .error, "a file holds NUL bytes: it is not a text glossary"),
        CheckDescriptor("invalid-utf8", .error, "bytes that are not valid UTF-8 (reported with their byte offset)"),
        CheckDescriptor("byte-order-mark", .warning, "the file starts with a UTF-8 byte order mark"),
        CheckDescriptor("line-endings", .warning, "CRLF or CR line ends instead of LF"),
        CheckDescriptor("missing-version-marker", .error, "line 1 is not the version marker '# align-glossary 1'"),
        CheckDescriptor("unsupported-version", .error, "the file declares a newer format version than this aligncli reads"),
        CheckDescriptor("missing-header", .error, "no header line naming the columns"),
        CheckDescriptor("missing-column", .error, "a required column (id, en, fr) is missing, or a header column has no name"),
        CheckDescriptor("duplicate-column", .error, "a column name appears twice in the header"),
        CheckDescriptor("unknown-column", .warning, "an unknown column whose name is close to a known one (a likely typo)"),
        CheckDescriptor("field-count", .error, "a row has more or fewer fields than the header has columns"),
        CheckDescriptor("empty-field", .error, "a required field (id, en, fr) is empty"),
        CheckDescriptor("empty-form", .warning, "an empty item in a '|'-separated list"),
        CheckDescriptor("invalid-id", .error, "an id that is not lower-case kebab-case starting with a letter"),
        CheckDescriptor("unknown-flag", .error, "a flag other than 'case' and 'exact'"),
        CheckDescriptor("duplicate-id", .error, "two concepts share an id (across all glossary files)"),
        CheckDescriptor("conflicting-form", .error, "one French form (compared as matching compares) is claimed by two concepts, or is both admitted and avoided"),
        CheckDescriptor("avoided-canonical", .error, "an en_avoid form equals the English canonical form of this or another concept"),
        CheckDescriptor("duplicate-form", .warning, "a form is listed twice in one concept (compared as matching compares)"),
        CheckDescriptor("redundant-form", .warning, "a form is an inflected form of another form of the same concept, which matches it anyway"),
        CheckDescriptor("contained-form", .warning, "a form lies inside a longer form of another concept, or is one with letters missing (ATACM/ATACMS)"),
        CheckDescriptor("shadowed-form", .warning, "a form can never be reported as itself"),
        CheckDescriptor("inflection-conflict", .warning, "inflected forms of two concepts coincide, so some text is ambiguous"),
        CheckDescriptor("not-nfc", .warning, "text that is not in Unicode NFC"),
        CheckDescriptor("whitespace", .warning, "leading, trailing or doubled spaces"),
        CheckDescriptor("control-character", .error, "a control character, or the noncharacter U+FFFE or U+FFFF, in a field or column name"),
        CheckDescriptor("mixed-apostrophes", .warning, "a file mixes apostrophe styles (' and ’) in its forms"),
        CheckDescriptor("example-not-matched", .error, "an example sentence does not contain a match of its concept"),
        CheckDescriptor("counterexample-matched", .error, "a counter-example sentence contains a match of its concept"),
    ]

    /// The descriptor of `id`.
    public static func descriptor(_ id: String) -> CheckDescriptor? { all.first { $0.id == id } }
}
