import Testing

@testable import Align

@Suite("XML escaping and Align annotations")
struct XMLEscapingTests {
    @Test("text and attribute escaping")
    func escaping() {
        #expect(XMLEscaping.text("plain é œ ’ — 🎉") == "plain é œ ’ — 🎉")
        #expect(XMLEscaping.text("a & b < c > d ]]> \"q\" 'a'") == "a &amp; b &lt; c &gt; d ]]&gt; \"q\" 'a'")
        #expect(XMLEscaping.attribute("a\"b'c&d<e\tf\ng") == "a&quot;b&apos;c&amp;d&lt;e&#9;f&#10;g")
        #expect(XMLEscaping.text("cr\r") == "cr&#13;")
        #expect(XMLEscaping.text("nul\u{0}bell\u{7}\u{FFFE}") == "nul\u{FFFD}bell\u{FFFD}\u{FFFD}")
        #expect(XMLEscaping.text("tab\tline\n") == "tab\tline\n")
    }

    @Test("annotations round-trip, and ordinary notes are not annotations")
    func annotations() {
        let cases: [TBXAnnotation] = [
            .id("Bad_ID"), .id(""), .flags("case,exact"), .counterexample("Une phrase ] avec [align:x] dedans."),
            .extra(name: "source", value: "AFP"), .extra(name: "my column ]%", value: ""), .extra(name: "é\u{A0}x", value: " padded "),
            .note("[align:flags] a note that looks like an annotation"),
        ]
        for annotation in cases {
            #expect(TBXAnnotation(noteText: annotation.text) == annotation, "\(annotation.text)")
        }
        #expect(TBXAnnotation.extra(name: "my column ]%", value: "v").text == "[align:extra my%20column%20%5D%25] v")
        #expect(TBXAnnotation(noteText: "An ordinary note") == nil)
        #expect(TBXAnnotation(noteText: "[align:unknown] kept as a note") == nil)
        #expect(TBXAnnotation.noteText(forHumanNote: "plain") == "plain")
        #expect(TBXAnnotation.noteText(forHumanNote: "[align:id] x") == "[align:note] [align:id] x")
    }

    @Test("kebab-case ids derived from English terms")
    func kebabCase() {
        #expect(ConceptImport.kebabCase("Kim Jong Un") == "kim-jong-un")
        #expect(ConceptImport.kebabCase("  Œuvre — d’Art!! ") == "oeuvre-dart")
        #expect(ConceptImport.kebabCase("G20") == "g20")
        #expect(ConceptImport.kebabCase("20th century") == "concept-20th-century")
        #expect(ConceptImport.kebabCase("日本") == "concept")
    }
}
