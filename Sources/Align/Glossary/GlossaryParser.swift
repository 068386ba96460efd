import Dispatch
import Foundation

/// Reads native glossary files (UTF-8 TSV) into concepts, collecting every problem it meets.
public enum GlossaryParser {
    /// The result of parsing one file.
    public struct Result: Sendable {
        public var document: GlossaryDocument
        public var diagnostics: [Diagnostic]
    }

    /// What a parse keeps beside the concepts' content.
    public enum Detail: Sendable {
        /// Every diagnostic, and each concept's origin (file, line, row text) for later ones.
        case full
        /// The same concepts and the same errors, but no origins and not every warning: for
        /// commands that use a glossary and stop on its errors only (`scan`). Measured reason: at
        /// 100k terms, the origins and the notes of apostrophe styles were about a fifth of
        /// loading the glossary (9 of 47 ms).
        case errorsOnly
    }

    /// Parses the bytes of one glossary file; `path` is used in diagnostics.
    public static func parse(_ bytes: [UInt8], path: String, detail: Detail = .full) -> Result {
        parse(bytes, path: path, detail: detail, parallelBytes: ParseState.defaultParallelBytes)
    }

    /// Parses with files of at least `parallelBytes` cut into parts (tests use small values).
    static func parse(_ bytes: [UInt8], path: String, detail: Detail = .full, parallelBytes: Int, parts: Int? = nil) -> Result {
        var state = ParseState(path: path)
        state.detail = detail
        state.parallelBytes = parallelBytes
        state.parts = parts
        state.run(bytes)
        return Result(document: state.document, diagnostics: state.diagnostics)
    }
}

/// The working state of one parse; kept out of the public API.
struct ParseState {
    let path: String
    var detail = GlossaryParser.Detail.full
    var diagnostics: [Diagnostic] = []
    var document: GlossaryDocument
    var lineIndex: LineIndex?
    var columnIndex: [String: Int] = [:]
    /// The known column of each header position (`nil` for unknown columns).
    var headerColumns: [GlossaryColumn?] = []
    /// Looked up once from the header, not once a row.
    var hasRequiredColumns = false
    var flagsIndex: Int?
    /// Scratch space of `parseRow`, kept to spare an allocation per row.
    var cellScratch: [Int] = []
    /// Apostrophe styles seen in forms, with the items that use each, for `mixed-apostrophes`.
    var apostropheUses: [UInt32: [SourceLocation]] = [:]
    /// Rows after the header of at least this many bytes are parsed in parts.
    var parallelBytes = ParseState.defaultParallelBytes
    /// How many parts (default: one per core, at most 8).
    var parts: Int?
    /// The bytes the rows are read from, shared by the concepts' origins (`Concept.RowText`).
    var fileBytes: Concept.SharedBytes?
    /// Where the concepts of one part of a large file go (`parseRows`); `nil`: `document.concepts`.
    var region: ConceptRegions.Region?

    init(path: String) {
        self.path = path
        document = GlossaryDocument(
            path: path, version: nil, header: [], lines: [], concepts: [], hasByteOrderMark: false,
            hasCRLF: false, isRewritable: true)
    }

    func location(line: Int, column: Int, byteOffset: Int? = nil) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column, byteOffset: byteOffset)
    }

    mutating func report(
        _ severity: Severity, _ check: String, _ message: String, line: Int, column: Int, byteOffset: Int? = nil,
        notes: [Diagnostic.Note] = []
    ) {
        diagnostics.append(
            Diagnostic(severity, check, message, at: location(line: line, column: column, byteOffset: byteOffset), notes: notes))
    }

    mutating func run(_ input: [UInt8]) {
        var bytes = input[...]
        if bytes.isEmpty {
            report(.error, "missing-version-marker", "empty file: expected '\(GlossaryDocument.versionMarker)' on line 1", line: 1, column: 1)
            document.isRewritable = false
            return
        }
        if let nul = ByteSearch.firstIndex(of: 0, in: bytes) {
            let position = LineIndex(bytes: input).position(ofByte: nul)
            report(.error, "binary-file", "binary file: NUL byte at byte offset \(nul); not a glossary", line: position.line, column: position.column, byteOffset: nul)
            document.isRewritable = false
            return
        }
        var bomLength = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            document.hasByteOrderMark = true
            bomLength = 3
            report(.warning, "byte-order-mark", "file starts with a UTF-8 byte order mark; 'aligncli fmt' removes it", line: 1, column: 1, byteOffset: 0)
            bytes = bytes.dropFirst(3)
        }
        var crOnly: [UInt8] = []
        if ByteSearch.firstIndex(of: 0x0A, in: bytes) == nil, ByteSearch.firstIndex(of: 0x0D, in: bytes) != nil {
            // Classic Mac line ends (Excel's "Text (Macintosh)"): CR alone ends every line. LF in
            // their place keeps every byte offset as it is in the file.
            crOnly = input.map { $0 == 0x0D ? 0x0A : $0 }
            bytes = crOnly[bytes.startIndex...]
            document.hasCRLF = true
            report(.warning, "line-endings", "CR line ends (classic Mac, Excel's 'Text (Macintosh)'); 'aligncli fmt' converts them to LF", line: 1, column: 1)
        }
        fileBytes = Concept.SharedBytes(crOnly.isEmpty ? input : crOnly)
        var headerLine: Int?
        var sawContentLine = false
        // Up to the header, in order: the version line and the header decide how rows are read.
        var (next, lineNumber, stop) = parseLines(
            bytes, from: bytes.startIndex, to: bytes.endIndex, firstLine: 1, bomLength: bomLength, headerLine: &headerLine,
            sawContentLine: &sawContentLine, stopAfterHeader: true)
        // A version marker that forbids reading on: nothing more to say about the file.
        if stop { return }
        if let next, next < bytes.endIndex {
            lineNumber = parseRows(bytes, from: next, firstLine: lineNumber + 1, bomLength: bomLength, headerLine: &headerLine, sawContentLine: &sawContentLine)
        }
        if !sawContentLine {
            report(.error, "missing-header", "no header line: expected column names such as 'id\\ten\\tfr'", line: max(1, lineNumber), column: 1)
            document.isRewritable = false
        }
        reportMixedApostrophes()
    }

    /// Files at least this large are parsed in parts, one per core, after the header. At 128 KB
    /// a 10k-term glossary (440 KB) is split too: its load went from 20 ms to about 15 ms.
    static let defaultParallelBytes = 1 << 17

    /// The rows from `start` to the end; returns the last line number. Large files without CR
    /// are cut at line feeds into one part per core, each parsed by a copy of this state with
    /// the header known, and the parts' results are joined in file order: the same document and
    /// diagnostics as one pass (a 100k-term glossary took 0.25 s to read on one core).
    mutating func parseRows(
        _ bytes: ArraySlice<UInt8>, from start: Int, firstLine: Int, bomLength: Int, headerLine: inout Int?, sawContentLine: inout Bool
    ) -> Int {
        let parts = self.parts ?? min(ProcessInfo.processInfo.activeProcessorCount, 8)
        let size = bytes.endIndex - start
        guard parts > 1, size >= parallelBytes, headerLine != nil, !document.hasCRLF, ByteSearch.firstIndex(of: 0x0D, in: bytes, from: start) == nil else {
            return parseLines(
                bytes, from: start, to: bytes.endIndex, firstLine: firstLine, bomLength: bomLength, headerLine: &headerLine,
                sawContentLine: &sawContentLine, stopAfterHeader: false
            ).lineNumber
        }
        var bounds = [start]
        var firstLines = [firstLine]
        for part in 1..<parts {
            var cut = max(start + size * part / parts, bounds.last!)
            while cut < bytes.endIndex, bytes[cut - 1] != 0x0A { cut += 1 }
            firstLines.append(firstLines.last! + bytes[bounds.last!..<cut].withUnsafeBufferPointer { UTF8Count.lineFeeds(in: $0) })
            bounds.append(cut)
        }
        bounds.append(bytes.endIndex)
        var template = self
        template.diagnostics = []
        template.document.lines = []
        template.document.concepts = []
        template.apostropheUses = [:]
        // Each part writes its concepts straight into its own region of the final array's
        // storage (at most one concept per line of the part); the regions are then closed up by
        // moving, not copying. Measured reason: appending the second part's concepts to the
        // first's copied every concept (a dozen retains each, and as many releases when the part
        // was dropped) into a newly grown array; at 100k terms that was 12 ms on one thread, most
        // of it page faults of the new 18 MB buffer.
        let lastLineFeeds = bytes[bounds[parts - 1]...].withUnsafeBufferPointer { UTF8Count.lineFeeds(in: $0) }
        let regionStarts = (0...parts).map { part in
            part < parts ? firstLines[part] - firstLine + part : firstLines[parts - 1] + lastLineFeeds + 1 - firstLine + parts
        }
        let results = ResultSlots<(state: ParseState, lineNumber: Int)>(count: parts)
        let knownHeader = headerLine
        let (partState, partBounds, partLines) = (template, bounds, firstLines)
        var partResults: [(state: ParseState, lineNumber: Int)] = []
        let concepts = [Concept](unsafeUninitializedCapacity: regionStarts[parts]) { buffer, initializedCount in
            let storage = ConceptRegions(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: parts) { part in
                var state = partState
                state.region = storage.region(from: regionStarts[part], to: regionStarts[part + 1])
                var header = knownHeader
                var sawContent = true
                let lineNumber =
                    partBounds[part] < partBounds[part + 1]
                    ? state.parseLines(
                        bytes, from: partBounds[part], to: partBounds[part + 1], firstLine: partLines[part], bomLength: bomLength, headerLine: &header,
                        sawContentLine: &sawContent, stopAfterHeader: false
                    ).lineNumber : partLines[part] - 1
                results.set(part, (state, lineNumber))
            }
            partResults = results.takeValues()
            var count = 0
            for part in 0..<parts {
                let written = partResults[part].state.region!.count
                if regionStarts[part] != count { storage.move(from: regionStarts[part], to: count, count: written) }
                count += written
            }
            initializedCount = count
        }
        var lastLine = firstLine - 1
        var offset = 0
        for part in partResults.indices {
            let state = partResults[part].state
            diagnostics += state.diagnostics
            document.lines += state.document.lines.map { line in
                if case .row(let index) = line { return .row(index + offset) }
                return line
            }
            offset += state.region!.count
            document.isRewritable = document.isRewritable && state.document.isRewritable
            for (style, places) in state.apostropheUses { apostropheUses[style, default: []] += places }
            lastLine = max(lastLine, partResults[part].lineNumber)
        }
        document.concepts = concepts
        return lastLine
    }

    /// Parses the lines that start in `start..<limit` (line `firstLine` first). Returns where it
    /// stopped (`nil` at the end of the file), the number of the last line read, and whether the
    /// version marker forbids reading the file further.
    mutating func parseLines(
        _ bytes: ArraySlice<UInt8>, from firstStart: Int, to limit: Int, firstLine: Int, bomLength: Int, headerLine: inout Int?,
        sawContentLine: inout Bool, stopAfterHeader: Bool
    ) -> (next: Int?, lineNumber: Int, stop: Bool) {
        var lineNumber = firstLine - 1
        var start = firstStart
        while start < limit || (start == bytes.endIndex && lineNumber == 0) {
            let end = ByteSearch.firstIndex(of: 0x0A, in: bytes, from: start) ?? bytes.endIndex
            lineNumber += 1
            var lineBytes = bytes[start..<end]
            if lineBytes.last == 0x0D {
                lineBytes = lineBytes.dropLast()
                if !document.hasCRLF {
                    document.hasCRLF = true
                    report(.warning, "line-endings", "CRLF line ends; 'aligncli fmt' converts them to LF", line: lineNumber, column: 1)
                }
            }
            let lineOffset = start - bytes.startIndex + bomLength
            let isValid: Bool
            if let bad = UTF8Validation.firstInvalidOffset(in: lineBytes) {
                let absolute = lineOffset + bad
                let column = String(decoding: lineBytes.prefix(bad), as: UTF8.self).unicodeScalars.count + 1
                report(.error, "invalid-utf8", "invalid UTF-8 at byte offset \(absolute) (byte 0x\(String(lineBytes[lineBytes.startIndex + bad], radix: 16, uppercase: true)))", line: lineNumber, column: column, byteOffset: absolute)
                document.isRewritable = false
                isValid = false
            } else {
                isValid = true
            }
            // Rows, almost every line, are read from the file's bytes: a `String` is made for the
            // other lines, and for rows that are not valid UTF-8 (decoded with replacements).
            var text: String { String(decoding: lineBytes, as: UTF8.self) }
            if lineNumber == 1 {
                if handleVersionLine(text) == false { return (nil, lineNumber, true) }
                if document.version != nil {
                    if end == bytes.endIndex { return (nil, lineNumber, false) }
                    start = end + 1
                    continue
                }
            }
            // On the bytes: a '#' that a combining mark follows is not a '#' character, so only
            // then is the string asked.
            if lineBytes.first == 0x23, lineBytes.count == 1 || lineBytes[lineBytes.startIndex + 1] < 0x80 || text.hasPrefix("#") {
                document.lines.append(.comment(text))
            } else if lineBytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) {
                if !(end == bytes.endIndex && lineBytes.isEmpty) { document.lines.append(.blank) }
            } else if headerLine == nil {
                headerLine = lineNumber
                sawContentLine = true
                parseHeader(text, line: lineNumber)
                document.lines.append(.header)
                if stopAfterHeader { return (end == bytes.endIndex ? nil : end + 1, lineNumber, false) }
            } else if isValid, let fileBytes {
                let row = Concept.RowText(shared: fileBytes, start: lineBytes.startIndex, count: lineBytes.count)
                lineBytes.withUnsafeBufferPointer { parseRow(bytes: $0, row: row, line: lineNumber, byteOffset: lineOffset) }
            } else {
                let text = text
                var storage = text
                storage.withUTF8 { parseRow(bytes: $0, row: Concept.RowText(text), line: lineNumber, byteOffset: lineOffset) }
            }
            if end == bytes.endIndex { return (nil, lineNumber, false) }
            start = end + 1
        }
        return (start < bytes.endIndex ? start : nil, lineNumber, false)
    }

    /// Reads the version marker; returns false when the file must not be read further.
    mutating func handleVersionLine(_ text: String) -> Bool {
        let trimmed = text.trimmingSpaces()
        guard trimmed.hasPrefix("#") else {
            report(.error, "missing-version-marker", "missing version marker: line 1 must be '\(GlossaryDocument.versionMarker)'", line: 1, column: 1)
            return true
        }
        let body = trimmed.dropFirst().trimmingSpaces()
        guard body.hasPrefix("align-glossary") else {
            report(.error, "missing-version-marker", "missing version marker: line 1 must be '\(GlossaryDocument.versionMarker)', found a comment", line: 1, column: 1)
            return true
        }
        let versionText = body.dropFirst("align-glossary".count).trimmingSpaces()
        guard let version = Int(versionText), version >= 1 else {
            report(.error, "missing-version-marker", "malformed version marker '\(trimmed)': expected '\(GlossaryDocument.versionMarker)'", line: 1, column: 1)
            document.isRewritable = false
            return false
        }
        document.version = version
        if version > GlossaryDocument.supportedVersion {
            report(.error, "unsupported-version", "glossary format version \(version) is newer than this aligncli supports (version \(GlossaryDocument.supportedVersion)); upgrade aligncli", line: 1, column: 1)
            document.isRewritable = false
            return false
        }
        return true
    }

    mutating func parseHeader(_ text: String, line: Int) {
        var column = 1
        var names: [String] = []
        var unknown: [(name: String, column: Int)] = []
        for (index, raw) in text.fields(separatedBy: 0x09).enumerated() {
            let name = raw.trimmingSpaces()
            if name.isEmpty {
                report(.error, "missing-column", "header column \(index + 1) has no name", line: line, column: column)
                document.isRewritable = false
            } else if let control = name.unicodeScalars.firstIndex(where: \.isRefusedInGlossary) {
                // An exchange format could not carry the name (nor CSV's header, nor TBX's note).
                let value = name.unicodeScalars[control].value
                report(
                    .error, "control-character", "control character U+\(String(format: "%04X", value)) in column name '\(name)'", line: line,
                    column: column + name.unicodeScalars.distance(from: name.unicodeScalars.startIndex, to: control))
                document.isRewritable = false
            } else if columnIndex[name] != nil {
                report(.error, "duplicate-column", "column '\(name)' appears twice in the header", line: line, column: column)
                document.isRewritable = false
            } else {
                columnIndex[name] = index
                unknown.append((name, column))
            }
            names.append(name)
            column += raw.unicodeScalars.count + 1
        }
        document.header = names
        headerColumns = names.map { GlossaryColumn(rawValue: $0) }
        hasRequiredColumns = GlossaryColumn.required.allSatisfy { columnIndex[$0.rawValue] != nil }
        flagsIndex = columnIndex[GlossaryColumn.flags.rawValue]
        // Only once the whole header is known: a column close to a known column that the header
        // lacks is a likely typo; one close to a column that is present is deliberate.
        let absent = GlossaryColumn.allCases.map(\.rawValue).filter { columnIndex[$0] == nil }
        for (name, column) in unknown where GlossaryColumn(rawValue: name) == nil {
            if let near = EditDistance.suggestion(for: name, among: absent) {
                report(.warning, "unknown-column", "unknown column '\(name)' is kept as data; did you mean '\(near)'?", line: line, column: column)
            }
        }
        for required in GlossaryColumn.required where columnIndex[required.rawValue] == nil {
            report(.error, "missing-column", "header has no '\(required.rawValue)' column (required: id, en, fr)", line: line, column: 1)
            document.isRewritable = false
        }
    }

    /// Parses the row `bytes` (valid UTF-8), whose text `row` is, and appends its concept.
    mutating func parseRow(bytes: UnsafeBufferPointer<UInt8>, row: Concept.RowText, line: Int, byteOffset: Int) {
        // The concept comes back to be appended here: appended inside the closure that lends
        // the bytes, each concept was copied once more (a dozen retains and releases).
        guard let concept = makeConcept(bytes: bytes, row: row, line: line, byteOffset: byteOffset) else { return }
        if region != nil {
            document.lines.append(.row(region!.count))
            region!.append(concept)
        } else {
            document.lines.append(.row(document.concepts.count))
            document.concepts.append(concept)
        }
    }

    /// Splits, checks and trims the row on its UTF-8 bytes and builds the concept once, at the
    /// end. Measured reason: working on substrings and filling a `Concept` field by field,
    /// retains and releases were a third of loading a 100k-term glossary. Columns are counted
    /// only for what is reported (`column(at:)`): counting every cell's and item's code points
    /// was a tenth of parsing a row.
    private mutating func makeConcept(bytes: UnsafeBufferPointer<UInt8>, row: Concept.RowText, line: Int, byteOffset: Int) -> Concept? {
        let header = document.header
        // Per cell: start and end, two at a time; reused from row to row. Only the first
        // `header.count + 1` cells are kept: a further one can only make the row too long.
        if cellScratch.count < 2 * header.count + 2 { cellScratch = Array(repeating: 0, count: 2 * header.count + 2) }
        var cellCount = 0
        var extraStart = 0
        cellScratch.withUnsafeMutableBufferPointer { cells in
            var cellStart = 0
            for index in 0...bytes.count where index == bytes.count || bytes[index] == 0x09 {
                if cellCount < header.count {
                    cells[2 * cellCount] = cellStart
                    cells[2 * cellCount + 1] = index
                } else if cellCount == header.count {
                    extraStart = cellStart
                }
                cellCount += 1
                cellStart = index + 1
            }
        }
        let cells = cellScratch
        func column(at offset: Int) -> Int { Self.column(bytes, at: offset) }
        guard cellCount == header.count else {
            let where_ = cellCount > header.count ? column(at: extraStart) : column(at: bytes.count)
            report(.error, "field-count", "row has \(cellCount) field\(cellCount == 1 ? "" : "s"), the header has \(header.count)", line: line, column: where_)
            document.lines.append(.unparsed(row.text))
            document.isRewritable = false
            return nil
        }
        guard hasRequiredColumns else {
            document.lines.append(.unparsed(row.text))
            return nil
        }
        func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
        var id = ""
        var english = ""
        var french: [String] = []
        var englishAvoid: [String] = []
        var frenchAvoid: [String] = []
        var note = ""
        var examples: [String] = []
        var counterexamples: [String] = []
        var extra: [Concept.ExtraField] = []
        var idBytes = 0..<0
        for index in 0..<header.count {
            let (start, end) = (cells[2 * index], cells[2 * index + 1])
            checkHygiene(bytes, start, end, line: line, columnNamed: index)
            let known = headerColumns[index]
            if let known, known.isList {
                var items: [String] = []
                if bytes[start..<end].contains(where: { $0 != 0x20 }) {
                    var rawStart = start
                    for rawEnd in start...end where rawEnd == end || bytes[rawEnd] == 0x7C {
                        defer { rawStart = rawEnd + 1 }
                        let trimmed = Self.trimmed(bytes, rawStart, rawEnd)
                        if trimmed.start == trimmed.end {
                            report(.warning, "empty-form", "empty item in '\(header[index])' (two '|' in a row, or one at an end)", line: line, column: column(at: rawStart))
                            continue
                        }
                        let item = string(trimmed.start, trimmed.end)
                        if trimmed.end - trimmed.start != rawEnd - rawStart {
                            report(.warning, "whitespace", "leading or trailing space around '\(item)' in '\(header[index])'", line: line, column: column(at: rawStart))
                        }
                        items.append(item)
                        if known.holdsForms { noteApostrophes(bytes, trimmed.start, trimmed.end, line: line) }
                    }
                }
                switch known {
                case .fr: french = items
                case .enAvoid: englishAvoid = items
                case .frAvoid: frenchAvoid = items
                case .examples: examples = items
                case .counterexamples: counterexamples = items
                default: break
                }
            } else {
                let trimmed = Self.trimmed(bytes, start, end)
                if trimmed.end - trimmed.start != end - start, trimmed.start != trimmed.end {
                    report(.warning, "whitespace", "leading or trailing space in '\(header[index])'", line: line, column: column(at: start))
                }
                switch known {
                case .id:
                    id = string(trimmed.start, trimmed.end)
                    idBytes = trimmed.start..<trimmed.end
                case .en:
                    english = string(trimmed.start, trimmed.end)
                    noteApostrophes(bytes, trimmed.start, trimmed.end, line: line)
                case .note: note = string(trimmed.start, trimmed.end)
                case .flags: break
                default: extra.append(Concept.ExtraField(name: header[index], value: string(start, end)))
                }
            }
        }
        for required in GlossaryColumn.required {
            let empty = required == .fr ? french.isEmpty : required == .id ? id.isEmpty : english.isEmpty
            if empty {
                report(.error, "empty-field", "required field '\(required.rawValue)' is empty", line: line, column: column(at: cells[2 * columnIndex[required.rawValue]!]))
            }
        }
        if !id.isEmpty, !GlossaryValidator.isValidID(utf8: UnsafeBufferPointer(rebasing: bytes[idBytes])) {
            report(.error, "invalid-id", "id '\(id)' is not lower-case kebab-case starting with a letter (like 'kim-jong-un')", line: line, column: column(at: cells[2 * columnIndex["id"]!]))
        }
        var flags: GlossaryFlags = []
        if let flagsIndex {
            let trimmed = Self.trimmed(bytes, cells[2 * flagsIndex], cells[2 * flagsIndex + 1])
            // An empty cell has no flag to read (most rows).
            if trimmed.start != trimmed.end {
                flags = parseFlags(string(trimmed.start, trimmed.end), line: line, column: column(at: trimmed.start))
            }
        }
        return Concept(
            id: id, english: english, french: french, englishAvoid: englishAvoid, frenchAvoid: frenchAvoid, flags: flags, note: note,
            examples: examples, counterexamples: counterexamples, extra: extra,
            origin: detail == .full ? Concept.Origin(file: path, line: line, lineByteOffset: byteOffset, header: header, row: row) : nil)
    }

    /// The 1-based column of the byte at `offset` of a row's bytes: counted only when a
    /// diagnostic or an apostrophe note needs it.
    static func column(_ bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> Int {
        scalarCount(bytes, 0, offset) + 1
    }

    /// The code points in `bytes[start..<end]`.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        guard let base = bytes.baseAddress, end > start else { return 0 }
        return UTF8Count.scalars(base, start, end)
    }

    /// `bytes[start..<end]` without leading and trailing horizontal white space (the bytes
    /// `trimmingSpaces()` keeps).
    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (start: Int, end: Int) {
        var first = start
        while first < end {
            // ASCII, nearly every cell's first and last byte: white space is space or tab only.
            let byte = bytes[first]
            if byte < 0x80 {
                guard byte == 0x20 || byte == 0x09 else { break }
                first += 1
                continue
            }
            let (value, width) = UTF8Decoding.scalar(bytes, at: first)
            guard Unicode.Scalar(value)?.isHorizontalWhitespace == true else { break }
            first += width
        }
        var last = end
        while last > first {
            let byte = bytes[last - 1]
            if byte < 0x80 {
                guard byte == 0x20 || byte == 0x09 else { break }
                last -= 1
                continue
            }
            var lead = last - 1
            while lead > first, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
            guard Unicode.Scalar(UTF8Decoding.scalar(bytes, at: lead).value)?.isHorizontalWhitespace == true else { break }
            last = lead
        }
        return (first, last)
    }

    mutating func parseFlags(_ cell: String, line: Int, column: Int) -> GlossaryFlags {
        var flags: GlossaryFlags = []
        var offset = column
        for raw in cell.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "," || $0 == "|" }) {
            let name = raw.trimmingSpaces()
            defer { offset += raw.unicodeScalars.count + 1 }
            if name.isEmpty { continue }
            if let flag = GlossaryFlags.flag(named: name) {
                flags.insert(flag)
            } else {
                let known = GlossaryFlags.named.map(\.name)
                var message = "unknown flag '\(name)' (known flags: \(known.joined(separator: ", ")))"
                if let near = EditDistance.suggestion(for: name, among: known) { message += "; did you mean '\(near)'?" }
                report(.error, "unknown-flag", message, line: line, column: offset)
                // The concept cannot hold an unknown flag, so rewriting the row would drop it.
                document.isRewritable = false
            }
        }
        return flags
    }

    /// NFC, control characters and doubled spaces, in the cell `bytes[start..<end]` of the column
    /// at `columnIndex`, in one pass over its bytes (a row's bytes, valid UTF-8).
    mutating func checkHygiene(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line: Int, columnNamed columnIndex: Int) {
        guard let base = bytes.baseAddress else { return }
        var previousWasSpace = false
        var reportedDoubleSpace = false
        var needsNFCCheck = false
        var index = start
        while index < end {
            // Eight bytes at a time while they are printable ASCII without two spaces in a row.
            if index &+ 8 <= end {
                let block = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                let spaces = UTF8Count.zeroBytes(block ^ 0x2020_2020_2020_2020)
                let refused = (block & 0x8080_8080_8080_8080) | UTF8Count.zeroBytes(block ^ 0x7F7F_7F7F_7F7F_7F7F)
                    | UTF8Count.zeroBytes(block & 0x6060_6060_6060_6060) | (spaces & (spaces &>> 8))
                if refused == 0, !(previousWasSpace && spaces & 0x80 != 0) {
                    previousWasSpace = spaces & (0x80 &<< 56) != 0
                    index &+= 8
                    continue
                }
            }
            let byte = base[index]
            if byte >= 0x21, byte < 0x7F {
                previousWasSpace = false
                index &+= 1
                continue
            }
            let (value, width) = byte < 0x80 ? (UInt32(byte), 1) : UTF8Decoding.scalar(base, at: index)
            if Unicode.Scalar.isRefusedInGlossary(value) {
                report(.error, "control-character", "control character U+\(String(format: "%04X", value)) in '\(document.header[columnIndex])'", line: line, column: Self.column(bytes, at: index))
            }
            if value >= 0x300 { needsNFCCheck = true }
            let isSpace = value == 0x20
            if isSpace, previousWasSpace, !reportedDoubleSpace {
                report(.warning, "whitespace", "doubled space in '\(document.header[columnIndex])'", line: line, column: Self.column(bytes, at: index) - 1)
                reportedDoubleSpace = true
            }
            previousWasSpace = isSpace
            index &+= width
        }
        // `not-nfc` is a warning.
        if needsNFCCheck, detail == .full {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            if !text.utf8.elementsEqual(text.precomposedStringWithCanonicalMapping.utf8) {
                report(.warning, "not-nfc", "text in '\(document.header[columnIndex])' is not in Unicode NFC; 'aligncli fmt' normalizes it", line: line, column: Self.column(bytes, at: start))
            }
        }
    }

    /// Notes each apostrophe of `bytes[start..<end]` (one item of a row) with its column. A row's
    /// bytes are valid UTF-8, and items end at ASCII bytes, so no scalar straddles `end`. Keyed by scalar value: hashing `Character` keys was most of the
    /// cost when every form was walked.
    mutating func noteApostrophes(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, line: Int) {
        // `mixed-apostrophes` is a warning.
        guard detail == .full, let base = bytes.baseAddress else { return }
        var index = start
        while index < end {
            // Eight bytes at a time while they hold neither a straight apostrophe nor a non-ASCII byte.
            if index &+ 8 <= end {
                let block = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if (block & 0x8080_8080_8080_8080) | UTF8Count.zeroBytes(block ^ 0x2727_2727_2727_2727) == 0 {
                    index &+= 8
                    continue
                }
            }
            let byte = base[index]
            if byte == 0x27 {
                apostropheUses[0x27, default: []].append(location(line: line, column: Self.column(bytes, at: index)))
                index &+= 1
            } else if byte < 0x80 {
                index &+= 1
            } else {
                let (value, width) = UTF8Decoding.scalar(base, at: index)
                if let scalar = Unicode.Scalar(value), ScalarFolding.isApostrophe(scalar) {
                    apostropheUses[value, default: []].append(location(line: line, column: Self.column(bytes, at: index)))
                }
                index &+= width
            }
        }
    }

    mutating func reportMixedApostrophes() {
        guard apostropheUses.count > 1 else { return }
        let dominant = apostropheUses.max { a, b in
            a.value.count != b.value.count ? a.value.count < b.value.count : a.key > b.key
        }!.key
        for (style, places) in apostropheUses.sorted(by: { $0.key < $1.key }) where style != dominant {
            for place in places {
                diagnostics.append(
                    Diagnostic(
                        .warning, "mixed-apostrophes",
                        "apostrophe U+\(String(format: "%04X", style)) differs from the file's usual U+\(String(format: "%04X", dominant))",
                        at: place))
            }
        }
    }
}

/// The storage of the concept array a parallel parse fills: one region per part, each written
/// by one thread only, closed up by moves once all are done (see `ParseState.parseRows`).
struct ConceptRegions: @unchecked Sendable {
    let base: UnsafeMutablePointer<Concept>

    /// `base[start..<end]`, for one part.
    struct Region: @unchecked Sendable {
        let start: UnsafeMutablePointer<Concept>
        let capacity: Int
        private(set) var count = 0

        init(start: UnsafeMutablePointer<Concept>, capacity: Int) {
            self.start = start
            self.capacity = capacity
        }

        mutating func append(_ concept: Concept) {
            // A part has at most one row per line: more would write into the next part's region.
            precondition(count < capacity, "more concepts than lines in a part of the glossary")
            (start + count).initialize(to: concept)
            count += 1
        }
    }

    func region(from start: Int, to end: Int) -> Region { Region(start: base + start, capacity: end - start) }

    /// Moves `count` initialized concepts from `source` down to `target` (`target < source`).
    func move(from source: Int, to target: Int, count: Int) {
        (base + target).moveInitialize(from: base + source, count: count)
    }
}
