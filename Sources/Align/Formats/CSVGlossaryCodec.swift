import Foundation

/// Glossaries as CSV for spreadsheets (RFC 4180): the native columns under the same names, list
/// cells `|`-separated as in the native format.
///
/// Written in UTF-8 with a byte order mark (without one, Excel reads UTF-8 as the local code page)
/// and CRLF line ends. Read with or without the mark, with CRLF, LF or CR line ends, and with `,` or
/// `;` as delimiter (Excel writes `;` in French locales). Only `en` and `fr` columns are required on
/// import: a missing or empty `id` is derived from the English term.
public enum CSVGlossaryCodec {
    static let byteOrderMark = "\u{FEFF}"

    /// The CSV text of `glossary`. The same glossary always gives the same bytes.
    public static func write(_ glossary: Glossary) -> String {
        let columns = glossary.columnNames
        var out = byteOrderMark + columns.map(quoted).joined(separator: ",") + "\r\n"
        for concept in glossary.concepts {
            out += columns.map { quoted(concept.cellText(forColumn: $0)) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    /// A field, in double quotes when it holds a delimiter (`,`, or `;` for semicolon locales), a
    /// quote, a line break, or spaces at an end that some readers would trim.
    ///
    /// On scalars, as `CSVTable` reads: a quote or space followed by a combining mark is one
    /// `Character` with it, so `replacingOccurrences` and `hasPrefix` did not see it.
    static func quoted(_ field: String) -> String {
        let scalars = field.unicodeScalars
        let needsQuotes = scalars.contains { $0 == "," || $0 == ";" || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            || scalars.first == " " || scalars.last == " "
        guard needsQuotes else { return field }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in scalars {
            if scalar == "\"" { out.append("\"") }
            out.append(scalar)
        }
        out.append("\"")
        return String(out)
    }

    /// Reads a CSV glossary; problems in it are diagnostics, never thrown.
    public static func read(_ bytes: [UInt8], path: String) -> (Glossary, [Diagnostic]) {
        let empty = Glossary(concepts: [])
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return (empty, [ExchangeChecks.unsupportedEncoding("UTF-16 (Excel's 'Unicode text')", at: ExchangeChecks.location(path, 1, 1))])
        }
        if let bad = UTF8Validation.firstInvalidOffset(in: body) {
            let offset = bad + (bytes.count - body.count)
            let position = LineIndex(bytes: bytes).position(ofByte: offset)
            let diagnostic = Diagnostic(
                .error, "invalid-utf8",
                "invalid UTF-8 at byte offset \(offset); save the file as 'CSV UTF-8'",
                at: SourceLocation(file: path, line: position.line, column: position.column, byteOffset: offset))
            return (empty, [diagnostic])
        }
        let text = String(decoding: body, as: UTF8.self)
        let table = CSVTable(text, delimiter: CSVTable.delimiter(of: text))
        var diagnostics = table.problems.map {
            Diagnostic(.error, "malformed-csv", $0.message, at: ExchangeChecks.location(path, $0.line, $0.column))
        }
        guard let header = table.records.first else {
            diagnostics.append(Diagnostic(.error, "missing-header", "no header line: expected column names such as 'id,en,fr'", at: ExchangeChecks.location(path, 1, 1)))
            return (empty, diagnostics)
        }
        var reader = RowReader(path: path, header: header)
        diagnostics += reader.diagnostics
        reader.diagnostics = []
        guard !diagnostics.contains(where: { $0.severity == .error }) else { return (empty, diagnostics) }
        var result = ConceptImport(path: path)
        for record in table.records.dropFirst() {
            reader.read(record, into: &result)
        }
        result.diagnostics = diagnostics + reader.diagnostics + result.diagnostics
        return result.finish()
    }
}

/// Turns CSV records into concepts under one header.
private struct RowReader {
    let path: String
    /// The name of each column, `nil` for a column without a name (ignored while its cells are empty).
    var names: [String?] = []
    var diagnostics: [Diagnostic] = []

    init(path: String, header: [CSVTable.Field]) {
        self.path = path
        var seen = Set<String>()
        for field in header {
            let name = field.text.trimmingCharacters(in: .whitespaces)
            if name.isEmpty {
                names.append(nil)
                continue
            }
            if let control = name.unicodeScalars.first(where: \.isRefusedInGlossary) {
                // The native header could not hold it (a tab or line break would split it).
                let code = String(control.value, radix: 16, uppercase: true)
                diagnostics.append(
                    Diagnostic(
                        .error, "control-character", "control character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) in column name '\(name)'",
                        at: location(field)))
            }
            if !seen.insert(name).inserted {
                diagnostics.append(Diagnostic(.error, "duplicate-column", "column '\(name)' appears twice in the header", at: location(field)))
            }
            names.append(name)
        }
        for required in [GlossaryColumn.en, .fr] where !seen.contains(required.rawValue) {
            let location = header.first.map(location) ?? ExchangeChecks.location(path, 1, 1)
            diagnostics.append(Diagnostic(.error, "missing-column", "header has no '\(required.rawValue)' column (required: en, fr; id is derived when missing)", at: location))
        }
    }

    func location(_ field: CSVTable.Field) -> SourceLocation {
        ExchangeChecks.location(path, field.line, field.column)
    }

    mutating func read(_ record: [CSVTable.Field], into result: inout ConceptImport) {
        let first = record[0]
        // Rows of empty cells are what spreadsheets leave below the data.
        if record.allSatisfy({ $0.text.allSatisfy(\.isWhitespace) }) { return }
        if record.count > names.count, record[names.count...].contains(where: { !$0.text.isEmpty }) {
            diagnostics.append(Diagnostic(.error, "field-count", "row has \(record.count) fields, the header has \(names.count)", at: location(record[names.count])))
            return
        }
        var concept = Concept(id: "", english: "", french: [])
        var givenID = ConceptImport.GivenID.none
        for (index, name) in names.enumerated() {
            guard index < record.count else { break }
            let field = record[index]
            guard let name else {
                if !field.text.isEmpty {
                    diagnostics.append(Diagnostic(.error, "missing-column", "a value in a column without a name in the header", at: location(field)))
                }
                continue
            }
            var text = field.text
            if text.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\t" }) {
                diagnostics.append(ExchangeChecks.lineBreak(in: name, at: location(field)))
                text = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" || $0 == " " }).joined(separator: " ")
            }
            guard let column = GlossaryColumn(rawValue: name) else {
                concept.extra.append(Concept.ExtraField(name: name, value: text))
                continue
            }
            let value = text.trimmingCharacters(in: .whitespaces)
            // Split on the byte: `String.split` would keep a `|` that a combining mark follows.
            let items = column.isList ? value.fields(separatedBy: 0x7C).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } : []
            switch column {
            case .id: if !value.isEmpty { givenID = .given(value) }
            case .en: concept.english = value
            case .fr: concept.french = items
            case .enAvoid: concept.englishAvoid = items
            case .frAvoid: concept.frenchAvoid = items
            case .flags: concept.flags = flags(value, at: location(field))
            case .note: concept.note = value
            case .examples: concept.examples = items
            case .counterexamples: concept.counterexamples = items
            }
        }
        if record.count < names.count {
            // Unknown columns still get their (empty) cells, as the native parser gives them.
            for name in names[record.count...].compactMap({ $0 }) where GlossaryColumn(rawValue: name) == nil {
                concept.extra.append(Concept.ExtraField(name: name, value: ""))
            }
        }
        result.add(concept, givenID: givenID, at: location(first))
    }

    mutating func flags(_ cell: String, at location: SourceLocation) -> GlossaryFlags {
        var flags: GlossaryFlags = []
        for raw in cell.split(whereSeparator: { $0 == "," || $0 == "|" }) {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            if let flag = GlossaryFlags.flag(named: name) {
                flags.insert(flag)
            } else {
                diagnostics.append(ExchangeChecks.unknownFlag(name, at: location))
            }
        }
        return flags
    }
}
