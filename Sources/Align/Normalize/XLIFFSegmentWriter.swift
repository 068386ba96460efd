/// Writes `NAME.xlf`: XLIFF 2.1 for reviewers, one unit per segment. The French segment is the
/// `<source>`; each glossary term in it is a `<mrk type="term">` whose `ref` points at the unit's
/// glossary-module entry (`gls:glossEntry`), which holds the term, the glossary it comes from and
/// the English canonical form as its translation. The unit's `name` gives the segment's
/// provenance (`line 3, bytes 120-245`); unit `uN` is segment `sN` of `NAME.segments.jsonl`.
/// Valid against the OASIS XLIFF 2.1 schemas (core, glossary module, Schematron rules).
public enum XLIFFSegmentWriter {
    /// The whole output (for tests and small documents). `language` is the source language (`fr`);
    /// glossary translations are English.
    public static func render(_ document: NormalizedDocument, language: String) -> [UInt8] {
        var all: [UInt8] = []
        try? write(document, language: language) { all += $0 }
        return all
    }

    /// Writes the output in chunks to `flush`.
    public static func write(_ document: NormalizedDocument, language: String, flush: @escaping ([UInt8]) throws -> Void) throws {
        var out = OutputBytes(flush: flush)
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        out.append("<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\" version=\"2.1\" srcLang=\"")
        out.appendXML(language, attribute: true)
        out.append("\" trgLang=\"en\">\n  <file id=\"f1\" original=\"")
        out.appendXML(document.path, attribute: true)
        out.append("\">\n")
        for segment in document.segments {
            try out.flushIfFull()
            out.append("    <unit id=\"u")
            out.appendNumber(segment.index)
            out.append("\" name=\"line ")
            out.appendNumber(segment.line)
            out.append(", bytes ")
            out.appendNumber(segment.original.lowerBound)
            out.append("-")
            out.appendNumber(segment.original.upperBound)
            out.append("\">\n")
            var source = segment.source
            source.withUTF8 { bytes in
                if !segment.terms.isEmpty {
                    out.append("      <gls:glossary>\n")
                    for (number, term) in segment.terms.enumerated() {
                        out.append("        <gls:glossEntry id=\"g")
                        out.appendNumber(number + 1)
                        out.append("\" ref=\"#m")
                        out.appendNumber(number + 1)
                        out.append("\">\n          <gls:term source=\"")
                        out.appendXML(term.glossaryFile.isEmpty ? term.conceptID : term.glossaryFile + "#" + term.conceptID, attribute: true)
                        out.append("\">")
                        out.appendXML(UnsafeBufferPointer(rebasing: bytes[term.term]))
                        out.append("</gls:term>\n          <gls:translation>")
                        out.appendXML(term.english)
                        out.append("</gls:translation>\n        </gls:glossEntry>\n")
                    }
                    out.append("      </gls:glossary>\n")
                }
                out.append("      <segment id=\"s1\">\n        <source>")
                var cursor = 0
                for (number, term) in segment.terms.enumerated() {
                    out.appendXML(UnsafeBufferPointer(rebasing: bytes[cursor..<term.term.lowerBound]))
                    out.append("<mrk id=\"m")
                    out.appendNumber(number + 1)
                    out.append("\" type=\"term\" ref=\"#/f=f1/u=u")
                    out.appendNumber(segment.index)
                    out.append("/gls=g")
                    out.appendNumber(number + 1)
                    out.append("\">")
                    out.appendXML(UnsafeBufferPointer(rebasing: bytes[term.term]))
                    out.append("</mrk>")
                    cursor = term.term.upperBound
                }
                out.appendXML(UnsafeBufferPointer(rebasing: bytes[cursor...]))
            }
            out.append("</source>\n      </segment>\n    </unit>\n")
        }
        out.append("  </file>\n</xliff>\n")
        try out.finish()
    }
}
