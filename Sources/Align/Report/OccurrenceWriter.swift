/// Formats scan results straight into UTF-8 bytes: `scan` may write millions of occurrences, and
/// building them through `String` interpolation would cost more than finding them.
public struct OccurrenceWriter: Sendable {
    public var format: OccurrenceFormat
    public var useColor: Bool
    /// Escaped concept labels for the TSV fast path; set by `prepared(for:)`.
    var labels: OccurrenceLabels?

    public init(format: OccurrenceFormat, useColor: Bool = false) {
        self.format = format
        self.useColor = useColor
    }

    /// This writer with what it needs precomputed for `glossary` (TSV labels, from `concepts`
    /// when they were built beforehand).
    func prepared(for glossary: CompiledGlossary, concepts: OccurrenceLabels.ConceptLabels? = nil) -> OccurrenceWriter {
        guard format == .tsv, labels == nil else { return self }
        var writer = self
        writer.labels = OccurrenceLabels(glossary, concepts: concepts)
        return writer
    }

    /// Starts building the TSV labels of `concepts` on another thread (nil for other formats),
    /// for `prepared(for:concepts:)` once the glossary is compiled.
    func labelsInBackground(for concepts: [Concept]) -> BackgroundValue<OccurrenceLabels.ConceptLabels>? {
        format == .tsv && labels == nil ? BackgroundValue { OccurrenceLabels.conceptLabels(concepts) } : nil
    }

    /// What goes between the outputs of two chunks.
    var itemSeparator: [UInt8]? { format == .json ? Array(",\n".utf8) : nil }

    func header() -> [UInt8] {
        switch format {
        case .tsv: Array("document\tline\tcolumn\tsurface\tid\tenglish\tkind\n".utf8)
        case .json: Array("{\n  \"version\": 1,\n  \"occurrences\": [\n".utf8)
        case .text: []
        }
    }

    func footer(statistics: CorpusScanner.Statistics, diagnostics: [Diagnostic]) -> [UInt8] {
        guard format == .json else { return [] }
        var out = ByteBuffer()
        out.append("\n  ],\n  \"summary\": {\"documents\": \(statistics.documents), \"bytes\": \(statistics.bytes), \"occurrences\": \(statistics.occurrences), \"nearMisses\": \(statistics.nearMisses), \"skipped\": \(statistics.skipped)},\n  \"diagnostics\": [")
        for (index, diagnostic) in Diagnostic.ordered(diagnostics).enumerated() {
            out.append(index == 0 ? "\n    {" : ",\n    {")
            out.append("\"severity\": ")
            out.appendJSONString(diagnostic.severity.rawValue)
            out.append(", \"checkID\": ")
            out.appendJSONString(diagnostic.checkID)
            out.append(", \"message\": ")
            out.appendJSONString(diagnostic.message)
            if let location = diagnostic.location {
                out.append(", \"file\": ")
                out.appendJSONString(location.file)
                out.append(", \"line\": \(location.line), \"column\": \(location.column)")
                if let offset = location.byteOffset { out.append(", \"byteOffset\": \(offset)") }
            }
            out.append("}")
        }
        out.append(diagnostics.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
        return out.bytes
    }

    /// The output for the matches of one chunk.
    func format(_ matches: [ScanMatch], in chunk: DocumentChunk, document: String, glossary: CompiledGlossary) -> [UInt8] {
        if format == .tsv, let labels { return formatTSV(matches, in: chunk, document: document, labels: labels) }
        var out = ByteBuffer()
        out.bytes.reserveCapacity(matches.count * (format == .tsv ? 96 : 320))
        var originalCursor = (offset: 0, original: 0)
        func original(_ offset: Int) -> Int {
            guard chunk.isSingleByte else { return chunk.originalOffset + offset }
            // One original byte per code point: count code points up to `offset`.
            while originalCursor.offset < offset {
                if chunk.bytes[originalCursor.offset] & 0xC0 != 0x80 { originalCursor.original += 1 }
                originalCursor.offset += 1
            }
            return chunk.originalOffset + originalCursor.original
        }
        let documentBytes = Array(document.utf8)
        for (index, match) in matches.enumerated() {
            let entry = glossary.entries[Int(match.entry)]
            let concept = glossary.concepts[Int(entry.conceptIndex)]
            let surface = chunk.bytes[match.start..<match.end]
            switch format {
            case .tsv:
                out.appendTSV(documentBytes)
                out.appendByte(0x09)
                out.appendNumber(match.line)
                out.appendByte(0x09)
                out.appendNumber(match.column)
                out.appendByte(0x09)
                out.appendTSV(surface)
                out.appendByte(0x09)
                out.appendTSV(concept.id.utf8)
                out.appendByte(0x09)
                out.appendTSV(concept.english.utf8)
                out.appendByte(0x09)
                out.append(match.kind.rawValue)
                out.appendByte(0x0A)
            case .json:
                if index > 0 { out.append(",\n") }
                out.append("    {\"document\": ")
                out.appendJSONString(document)
                out.append(", \"line\": \(match.line), \"column\": \(match.column), \"byteStart\": \(original(match.start)), \"termByteStart\": \(original(match.termStart)), \"byteEnd\": \(original(match.end)), \"surface\": ")
                out.appendJSONString(String(decoding: surface, as: UTF8.self))
                out.append(", \"term\": ")
                out.appendJSONString(String(decoding: chunk.bytes[match.termStart..<match.end], as: UTF8.self))
                if match.termStart > match.start {
                    out.append(", \"elision\": ")
                    out.appendJSONString(String(decoding: chunk.bytes[match.start..<match.termStart], as: UTF8.self))
                }
                out.append(", \"id\": ")
                out.appendJSONString(concept.id)
                out.append(", \"english\": ")
                out.appendJSONString(concept.english)
                out.append(", \"kind\": \"\(match.kind.rawValue)\", \"form\": ")
                out.appendJSONString(glossary.form(of: entry))
                out.append("}")
            case .text:
                appendText(match, surface: surface, chunk: chunk, document: document, concept: concept, form: glossary.form(of: entry), to: &out)
            }
        }
        return out.bytes
    }

    func appendText(_ match: ScanMatch, surface: ArraySlice<UInt8>, chunk: DocumentChunk, document: String, concept: Concept, form: String, to out: inout ByteBuffer) {
        let bytes = chunk.bytes
        let context = 50
        // Look at most `window` bytes either side (50 characters are at most 200 bytes): walking
        // to the ends of a 50 MB line for each of its occurrences made output quadratic.
        let window = 4 * context + 8
        var lineStart = match.start
        while lineStart > 0, match.start - lineStart < window, bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        while lineStart < match.start, bytes[lineStart] & 0xC0 == 0x80 { lineStart += 1 }
        var lineEnd = match.end
        while lineEnd < bytes.count, lineEnd - match.end < window, bytes[lineEnd] != 0x0A, bytes[lineEnd] != 0x0D { lineEnd += 1 }
        while lineEnd > match.end, lineEnd < bytes.count, bytes[lineEnd] & 0xC0 == 0x80 { lineEnd -= 1 }
        let before = String(decoding: bytes[lineStart..<match.start], as: UTF8.self)
        let after = String(decoding: bytes[match.end..<lineEnd], as: UTF8.self)
        let cutBefore = lineStart > 0 && bytes[lineStart - 1] != 0x0A
        let cutAfter = lineEnd < bytes.count && bytes[lineEnd] != 0x0A && bytes[lineEnd] != 0x0D
        let head = before.count > context || cutBefore ? "…" + String(before.suffix(context)) : before
        let tail = after.count > context || cutAfter ? String(after.prefix(context)) + "…" : after
        let surfaceText = String(decoding: surface, as: UTF8.self)
        let (bold, green, yellow, reset) = useColor ? ("\u{1B}[1m", "\u{1B}[32m", "\u{1B}[1;33m", "\u{1B}[0m") : ("", "", "", "")
        out.append("\(bold)\(document):\(match.line):\(match.column):\(reset) \(surfaceText) → \(green)\(concept.english)\(reset) [\(concept.id), \(match.kind.rawValue)")
        if match.kind == .misspelled { out.append(", resembles '\(form)'") }
        out.append("]\n    ")
        out.append(head.replacingOccurrences(of: "\t", with: " ", options: .literal))
        out.append(useColor ? "\(yellow)\(surfaceText)\(reset)" : "[\(surfaceText)]")
        out.append(tail.replacingOccurrences(of: "\t", with: " ", options: .literal))
        out.append("\n")
    }
}

/// A growable byte buffer with the few appends the writers need.
struct ByteBuffer {
    var bytes: [UInt8] = []

    mutating func appendByte(_ byte: UInt8) { bytes.append(byte) }
    mutating func append(_ text: String) { bytes.append(contentsOf: text.utf8) }

    mutating func appendNumber(_ value: Int) {
        if value < 10 {
            bytes.append(UInt8(48 + value))
            return
        }
        var digits: [UInt8] = []
        var rest = value
        while rest > 0 {
            digits.append(UInt8(48 + rest % 10))
            rest /= 10
        }
        bytes.append(contentsOf: digits.reversed())
    }

    /// A TSV field: tab, line ends and backslash escaped, so every occurrence stays one line.
    mutating func appendTSV(_ field: some Sequence<UInt8>) {
        for byte in field {
            switch byte {
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            default: bytes.append(byte)
            }
        }
    }

    mutating func appendJSONString(_ text: String) {
        bytes.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }
}
