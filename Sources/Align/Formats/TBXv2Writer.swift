/// Writes glossaries as TBX v2 (ISO 30042:2008, the `martif` format of OmegaT, translate-toolkit
/// and most CAT tools): data categories are `termNote`/`descrip` elements with a `type` attribute,
/// as the default TBX XCS names them, and the document validates against `TBXcoreStructV02.dtd`.
///
/// See `docs/exchange-formats.md` for where each column goes.
public enum TBXv2Writer {
    /// The whole TBX v2 document for `glossary`. The same glossary always gives the same bytes.
    public static func write(_ glossary: Glossary) -> String {
        var xml = XMLOutput()
        // The system identifier is only a name: readers resolve no external DTD, Align's included.
        xml.raw("<!DOCTYPE martif SYSTEM \"TBXcoreStructV02.dtd\">")
        xml.start("martif", ["type": "TBX", "xml:lang": "en"])
        xml.start("martifHeader")
        xml.start("fileDesc")
        xml.start("sourceDesc")
        xml.element("p", text: "Align French-English glossary, exported by aligncli")
        xml.end()
        xml.end()
        xml.start("encodingDesc")
        xml.element("p", ["type": "XCSURI"], text: "TBXXCSV02.xcs")
        xml.end()
        xml.end()
        xml.start("text")
        xml.start("body")
        for entry in TBXEntry.entries(for: glossary.concepts) { write(entry, to: &xml) }
        xml.end()
        xml.end()
        xml.end()
        return xml.text
    }

    static func write(_ entry: TBXEntry, to xml: inout XMLOutput) {
        xml.start("termEntry", ["id": entry.xmlID])
        for item in entry.items {
            switch item {
            case .note(let text, let language?): xml.element("note", ["xml:lang": language], text: text)
            case .note(let text, nil): xml.element("note", text: text)
            case .definition(let text): xml.element("descrip", ["type": "definition"], text: text)
            case .subjectField(let text): xml.element("descrip", ["type": "subjectField"], text: text)
            }
        }
        for (language, terms) in [("fr", entry.french), ("en", entry.english)] where !terms.isEmpty {
            xml.start("langSet", ["xml:lang": language])
            for term in terms {
                xml.start("tig")
                xml.element("term", text: term.text)
                xml.element("termNote", ["type": "administrativeStatus"], text: term.status.rawValue)
                for context in term.contexts { xml.element("descrip", ["type": "context"], text: context) }
                xml.end()
            }
            xml.end()
        }
        xml.end()
    }
}
