/// Writes `NAME.segments.jsonl`: one JSON object per segment, with its provenance.
///
/// `{"id":"s1","document":"corpus/fr/a.txt","line":3,"paragraph":2,"start":120,"end":245,
/// "source":"…","text":"…","edits":[{"start":130,"end":133,"text":"'","kind":"apostrophe"}],
/// "terms":[{"id":"nato","en":"NATO","surface":[10,16],"term":[12,16],"start":132,"end":136}]}`
///
/// `start`/`end` are byte offsets in the original file; applying the `edits` (original byte
/// ranges and their replacements) to those bytes and trimming white space gives `source`. `text`
/// (present only when it differs from `source`) is what `NAME.txt` shows. Term ranges `surface`
/// and `term` are byte offsets in the UTF-8 of `source`; `start`/`end` of a term are original offsets.
public enum SegmentLogWriter {
    /// The whole output (for tests and small documents).
    public static func render(_ document: NormalizedDocument) -> [UInt8] {
        var all: [UInt8] = []
        try? write(document) { all += $0 }
        return all
    }

    /// Writes the output in chunks to `flush`.
    public static func write(_ document: NormalizedDocument, flush: @escaping ([UInt8]) throws -> Void) throws {
        var out = OutputBytes(flush: flush)
        var pathJSON = OutputBytes { _ in }
        pathJSON.appendJSONString(document.path)
        let kinds = Dictionary(uniqueKeysWithValues: TextEdit.Kind.allCases.map { kind in
            var json = OutputBytes { _ in }
            json.appendJSONString(kind.rawValue)
            return (kind, json.bytes)
        })
        for segment in document.segments {
            try out.flushIfFull()
            out.append("{\"id\":\"s")
            out.appendNumber(segment.index)
            out.append("\",\"document\":")
            out.bytes.append(contentsOf: pathJSON.bytes)
            out.append(",\"line\":")
            out.appendNumber(segment.line)
            out.append(",\"paragraph\":")
            out.appendNumber(segment.paragraph)
            out.append(",\"start\":")
            out.appendNumber(segment.original.lowerBound)
            out.append(",\"end\":")
            out.appendNumber(segment.original.upperBound)
            out.append(",\"source\":")
            out.appendJSONString(segment.source)
            if segment.text != segment.source {
                out.append(",\"text\":")
                out.appendJSONString(segment.text)
            }
            out.append(",\"edits\":[")
            for (number, edit) in segment.edits.enumerated() {
                out.append(number == 0 ? "{\"start\":" : ",{\"start\":")
                out.appendNumber(edit.original.lowerBound)
                out.append(",\"end\":")
                out.appendNumber(edit.original.upperBound)
                out.append(",\"text\":")
                out.appendJSONString(edit.replacement)
                out.append(",\"kind\":")
                out.bytes.append(contentsOf: kinds[edit.kind]!)
                out.append("}")
            }
            out.append("],\"terms\":[")
            for (number, term) in segment.terms.enumerated() {
                out.append(number == 0 ? "{\"id\":" : ",{\"id\":")
                out.appendJSONString(term.conceptID)
                out.append(",\"en\":")
                out.appendJSONString(term.english)
                out.append(",\"surface\":[")
                out.appendNumber(term.surface.lowerBound)
                out.append(",")
                out.appendNumber(term.surface.upperBound)
                out.append("],\"term\":[")
                out.appendNumber(term.term.lowerBound)
                out.append(",")
                out.appendNumber(term.term.upperBound)
                out.append("],\"start\":")
                out.appendNumber(term.original.lowerBound)
                out.append(",\"end\":")
                out.appendNumber(term.original.upperBound)
                out.append(term.isAnnotated ? ",\"annotated\":true}" : ",\"annotated\":false}")
            }
            out.append("]}\n")
        }
        try out.finish()
    }
}
