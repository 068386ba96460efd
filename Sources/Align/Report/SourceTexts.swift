/// The files a document's translation findings point into, each read once, to quote their
/// evidence from the original lines (the aligner reads normalized sentences).
struct SourceTexts {
    let encoding: TextEncoding
    private var texts: [String: DocumentText?] = [:]

    init(encoding: TextEncoding) {
        self.encoding = encoding
    }

    /// The evidence of `surface` at `location`: the location is checked against the text (and
    /// moved to the nearest occurrence of `surface` on its line if normalization shifted it),
    /// then the line is quoted around it.
    mutating func evidence(at location: SourceLocation, surface: String) -> Finding.Evidence {
        let plain = Finding.Evidence(location: location, surface: surface, before: "", after: "")
        guard let text = self.text(location.file), let line = text.lines.first(where: { $0.number == location.line }) else { return plain }
        let bytes = text.utf8
        var offset = line.range.lowerBound
        var column = 1
        while column < location.column, offset < line.range.upperBound {
            offset += 1
            while offset < line.range.upperBound, bytes[offset] & 0xC0 == 0x80 { offset += 1 }
            column += 1
        }
        let needle = Array(surface.utf8)
        if !Self.occurs(needle, in: bytes, at: offset, before: line.range.upperBound) {
            let starts = line.range.filter { Self.occurs(needle, in: bytes, at: $0, before: line.range.upperBound) }
            guard let nearest = starts.min(by: { abs($0 - offset) < abs($1 - offset) }) else { return plain }
            offset = nearest
            column = 1 + Excerpt.scalarCount(bytes, from: line.range.lowerBound, to: offset)
        }
        let (before, after) = Excerpt.around(bytes, start: offset, end: offset + needle.count)
        return Finding.Evidence(
            location: SourceLocation(file: location.file, line: location.line, column: column), surface: surface, before: before, after: after)
    }

    static func occurs(_ needle: [UInt8], in bytes: [UInt8], at offset: Int, before end: Int) -> Bool {
        !needle.isEmpty && offset + needle.count <= end && bytes[offset..<(offset + needle.count)].elementsEqual(needle)
    }

    private mutating func text(_ path: String) -> DocumentText? {
        if let known = texts[path] { return known }
        let text = (try? InputFiles.read(path)).flatMap { try? DocumentText(bytes: $0, encoding: encoding) }
        texts[path] = text
        return text
    }
}
