/// The records of a CSV text (RFC 4180): fields separated by a delimiter, records by CRLF, LF or
/// CR, fields with the delimiter, quotes or line breaks in double quotes, `""` for a quote inside.
///
/// Lenient where spreadsheets are: a quote inside an unquoted field is kept as text; text after a
/// closing quote is kept too but reported. An unterminated quoted field is an error.
struct CSVTable: Sendable {
    /// One field and where it starts (1-based line, column in code points).
    struct Field: Sendable, Equatable {
        var text: String
        var line: Int
        var column: Int
    }

    /// The records; blank lines are left out.
    var records: [[Field]] = []
    /// A problem and where it is, for the reader to turn into a diagnostic.
    var problems: [(message: String, line: Int, column: Int)] = []

    /// Parses `text` (without its byte order mark) with `delimiter`.
    init(_ text: String, delimiter: Unicode.Scalar) {
        var record: [Field] = []
        var field = String.UnicodeScalarView()
        var fieldLine = 1
        var fieldColumn = 1
        var line = 1
        var column = 1
        var inQuotes = false
        var wasQuoted = false
        var reportedStray = false
        var iterator = text.unicodeScalars.makeIterator()
        var lookahead: Unicode.Scalar? = iterator.next()

        func finishField() {
            record.append(Field(text: String(field), line: fieldLine, column: fieldColumn))
            field = String.UnicodeScalarView()
            wasQuoted = false
            reportedStray = false
        }
        func finishRecord() {
            finishField()
            // A blank line is one empty, unquoted field: not a record.
            if !(record.count == 1 && record[0].text.isEmpty) { records.append(record) }
            record = []
        }

        var atFieldStart = true
        while let scalar = lookahead {
            lookahead = iterator.next()
            if atFieldStart {
                fieldLine = line
                fieldColumn = column
                atFieldStart = false
            }
            if inQuotes {
                if scalar == "\"" {
                    if lookahead == "\"" {
                        field.append("\"")
                        lookahead = iterator.next()
                        column += 2
                        continue
                    }
                    inQuotes = false
                    wasQuoted = true
                    column += 1
                    continue
                }
                field.append(scalar)
                if scalar == "\n" || (scalar == "\r" && lookahead != "\n") {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                continue
            }
            switch scalar {
            case delimiter:
                finishField()
                column += 1
                atFieldStart = true
            case "\r", "\n":
                if scalar == "\r", lookahead == "\n" { lookahead = iterator.next() }
                finishRecord()
                line += 1
                column = 1
                atFieldStart = true
            case "\"" where field.isEmpty && !wasQuoted:
                inQuotes = true
                column += 1
            default:
                if wasQuoted, !reportedStray {
                    problems.append(("text after the closing quote of a field", line, column))
                    reportedStray = true
                }
                field.append(scalar)
                column += 1
            }
        }
        if inQuotes {
            problems.append(("quoted field is not closed (a '\"' is missing)", fieldLine, fieldColumn))
        }
        if !atFieldStart || !record.isEmpty || inQuotes { finishRecord() }
    }

    /// `;` when the first line has more semicolons than commas outside quotes (what Excel writes
    /// in French and other locales), else `,`.
    static func delimiter(of text: String) -> Unicode.Scalar {
        var commas = 0
        var semicolons = 0
        var inQuotes = false
        for scalar in text.unicodeScalars {
            if scalar == "\"" { inQuotes.toggle() }
            if inQuotes { continue }
            if scalar == "\n" || scalar == "\r" { break }
            if scalar == "," { commas += 1 }
            if scalar == ";" { semicolons += 1 }
        }
        return semicolons > commas ? ";" : ","
    }
}
