/// Writes glossaries as TBX-Basic (ISO 30042:2019, TBX v3), DCT style: data categories are
/// elements of the `min:` and `basic:` namespaces, as the TBX-Basic NVDL schema validates them.
///
/// See `docs/exchange-formats.md` for where each column goes.
public enum TBXBasicWriter {
    static let coreNamespace = "urn:iso:std:iso:30042:ed-2"
    static let minNamespace = "http://www.tbxinfo.net/ns/min"
    static let basicNamespace = "http://www.tbxinfo.net/ns/basic"

    /// The whole TBX-Basic document for `glossary`. The same glossary always gives the same bytes.
    public static func write(_ glossary: Glossary) -> String {
        var xml = XMLOutput()
        xml.start("tbx", [
            "type": "TBX-Basic", "style": "dct", "xml:lang": "en",
            "xmlns": coreNamespace, "xmlns:min": minNamespace, "xmlns:basic": basicNamespace,
        ])
        xml.start("tbxHeader")
        xml.start("fileDesc")
        xml.start("sourceDesc")
        xml.element("p", text: "Align French-English glossary, exported by aligncli")
        xml.end()
        xml.end()
        xml.end()
        xml.start("text")
        // `body` needs at least one entry; an empty glossary has none.
        if !glossary.concepts.isEmpty {
            xml.start("body")
            for entry in TBXEntry.entries(for: glossary.concepts) { write(entry, to: &xml) }
            xml.end()
        }
        xml.end()
        xml.end()
        return xml.text
    }

    static func write(_ entry: TBXEntry, to xml: inout XMLOutput) {
        xml.start("conceptEntry", ["id": entry.xmlID])
        for item in entry.items {
            switch item {
            case .note(let text, let language?): xml.element("note", ["xml:lang": language], text: text)
            case .note(let text, nil): xml.element("note", text: text)
            case .definition(let text): xml.element("basic:definition", text: text)
            case .subjectField(let text): xml.element("min:subjectField", text: text)
            }
        }
        for (language, terms) in [("fr", entry.french), ("en", entry.english)] where !terms.isEmpty {
            xml.start("langSec", ["xml:lang": language])
            for term in terms {
                xml.start("termSec")
                xml.element("term", text: term.text)
                xml.element("min:administrativeStatus", text: term.status.rawValue)
                for context in term.contexts { xml.element("basic:context", text: context) }
                xml.end()
            }
            xml.end()
        }
        xml.end()
    }
}
