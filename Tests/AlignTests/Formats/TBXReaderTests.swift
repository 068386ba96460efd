import Foundation
import Testing

@testable import Align

@Suite("TBX import")
struct TBXReaderTests {
    static let sharedExamples = ["minimal-basic-dca.tbx", "minimal-basic-dct.tbx", "minimal-min.tbx", "minimal-v2-martif.tbx"]

    func read(_ text: String, path: String = "test.tbx") -> (Glossary, [Diagnostic]) {
        TBXReader.read(Array(text.utf8), path: path)
    }

    func readFile(_ path: String) throws -> (Glossary, [Diagnostic]) {
        TBXReader.read(try InputFiles.read(path), path: path)
    }

    /// A minimal 2008 document around `entries`.
    func martif(_ entries: String, doctype: String = "") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        \(doctype)<martif type="TBX" xml:lang="en"><martifHeader><fileDesc><sourceDesc><p>t</p></sourceDesc></fileDesc></martifHeader>
        <text><body>
        \(entries)
        </body></text></martif>
        """
    }

    @Test("the shared examples import in every style", arguments: sharedExamples)
    func sharedExample(file: String) throws {
        let (glossary, diagnostics) = try readFile(ExchangeFixtures.schema("examples/" + file))
        #expect(diagnostics.isEmpty)
        let concept = try #require(glossary.concepts.first)
        #expect(glossary.concepts.count == 1)
        #expect(concept.id == "c1")
        #expect(concept.english == "ceasefire")
        #expect(concept.englishAvoid == ["cease-fire"])
        #expect(concept.french.first == "cessez-le-feu")
        #expect(concept.extra == [Concept.ExtraField(name: "subject_field", value: "defence")])
        if file.contains("dca") || file.contains("martif") {
            #expect(concept.french == ["cessez-le-feu", "trêve"])
        }
    }

    @Test(
        "the LTAC astronomy examples import once Spanish is relabelled French",
        arguments: [
            "TBX-Basic_Example_Astronomy_DCA_VALID.tbx", "TBX-Basic_Example_Astronomy_DCT_VALID.tbx",
            "TBX-Min_Example_Astronomy_DCA_VALID.tbx", "TBX-Min_Example_Astronomy_DCT_VALID.tbx",
        ])
    func astronomy(file: String) throws {
        let path = ExchangeFixtures.schema("tbx/ltac-v1.2.1/" + file)
        // As shipped (en, es, zu): nothing is French, so every concept is skipped with a warning.
        let (none, skipped) = try readFile(path)
        #expect(none.concepts.isEmpty)
        #expect(skipped.filter { $0.checkID == "missing-language" }.count == 45)
        #expect(skipped.contains { $0.checkID == "other-language" && $0.severity == .note })
        #expect(!skipped.contains { $0.severity == .error })

        // Relabelled with region and case variants, the French and English terms come through.
        let text = String(decoding: try InputFiles.read(path), as: UTF8.self)
            .replacingOccurrences(of: "xml:lang=\"es\"", with: "xml:lang=\"FR-fr\"")
            .replacingOccurrences(of: "<langSec xml:lang=\"en\"", with: "<langSec xml:lang=\"en-GB\"")
        let (glossary, diagnostics) = read(text, path: path)
        #expect(!diagnostics.contains { $0.severity == .error })
        #expect(glossary.concepts.count > 30)
        let cluster = try #require(glossary.concepts.first { $0.id == "c1" })
        #expect(cluster.english == "open cluster")
        #expect(cluster.french == ["cúmulo abierto"])
        #expect(Set(glossary.concepts.map(\.id)).count == glossary.concepts.count)
        #expect(glossary.concepts.allSatisfy { !$0.english.isEmpty && !$0.french.isEmpty })
    }

    @Test("xml:lang variants name French and English", arguments: ["fr", "fr-FR", "FR", "fr-ca", "fra", "fr_BE"])
    func languageVariants(tag: String) {
        let (glossary, diagnostics) = read(martif("""
            <termEntry id="c1"><langSet xml:lang="\(tag)"><tig><term>paix</term></tig></langSet>
            <langSet xml:lang="en-GB"><tig><term>peace</term></tig></langSet></termEntry>
            """))
        #expect(diagnostics.isEmpty)
        #expect(glossary.concepts == [Concept(id: "c1", english: "peace", french: ["paix"])])
    }

    @Test("statuses: preferred first, admitted kept in order, deprecated and superseded avoided")
    func statuses() {
        let (glossary, diagnostics) = read(martif("""
            <termEntry id="statuses">
              <langSet xml:lang="fr">
                <tig><term>variante</term><termNote type="administrativeStatus">admittedTerm-admn-sts</termNote></tig>
                <tig><term>fautif</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
                <tig><term>préféré</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
                <tig><term>sans statut</term></tig>
                <ntig><termGrp><term>ancien</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termGrp></ntig>
              </langSet>
              <langSet xml:lang="en">
                <tig><term>old</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
                <tig><term>preferred</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
              </langSet>
            </termEntry>
            """))
        #expect(diagnostics.isEmpty)
        let concept = glossary.concepts.first
        #expect(concept?.french == ["préféré", "variante", "sans statut"])
        #expect(concept?.frenchAvoid == ["fautif", "ancien"])
        #expect(concept?.english == "preferred")
        #expect(concept?.englishAvoid == ["old"])
    }

    @Test("pretty-printed text is folded to one line; ordinary notes and contexts are read")
    func prettyPrinted() {
        let (glossary, diagnostics) = read(martif("""
            <termEntry id="c1">
              <note>first
                 line</note>
              <langSet xml:lang="fr"><tig>
                <term>
                  cessez-le-feu
                </term>
                <descrip type="context">Un cessez-le-feu
                  a été signé.</descrip>
              </tig></langSet>
              <langSet xml:lang="en"><tig><term>ceasefire</term><note>term note</note></tig></langSet>
            </termEntry>
            """))
        #expect(diagnostics.isEmpty)
        #expect(glossary.concepts.first?.french == ["cessez-le-feu"])
        #expect(glossary.concepts.first?.examples == ["Un cessez-le-feu a été signé."])
        #expect(glossary.concepts.first?.note == "first line; term note")
    }

    @Test("concepts without an id get a unique kebab-case id from the English term")
    func derivedIDs() {
        let (glossary, diagnostics) = read(martif("""
            <termEntry><langSet xml:lang="fr"><tig><term>Élysée</term></tig></langSet><langSet xml:lang="en"><tig><term>Élysée Palace</term></tig></langSet></termEntry>
            <termEntry><langSet xml:lang="fr"><tig><term>le palais</term></tig></langSet><langSet xml:lang="en"><tig><term>Élysée  Palace!</term></tig></langSet></termEntry>
            <termEntry id="elysee-palace-2"><langSet xml:lang="fr"><tig><term>pris</term></tig></langSet><langSet xml:lang="en"><tig><term>taken</term></tig></langSet></termEntry>
            <termEntry><langSet xml:lang="fr"><tig><term>5G</term></tig></langSet><langSet xml:lang="en"><tig><term>5G</term></tig></langSet></termEntry>
            <termEntry><langSet xml:lang="fr"><tig><term>Côte d’Ivoire</term></tig></langSet><langSet xml:lang="en"><tig><term>Côte d’Ivoire</term></tig></langSet></termEntry>
            <termEntry><langSet xml:lang="fr"><tig><term>Москва</term></tig></langSet><langSet xml:lang="en"><tig><term>Москва</term></tig></langSet></termEntry>
            """))
        #expect(diagnostics.isEmpty)
        #expect(glossary.concepts.map(\.id) == ["elysee-palace", "elysee-palace-3", "elysee-palace-2", "concept-5g", "cote-divoire", "concept"])
        #expect(glossary.concepts.allSatisfy { GlossaryValidator.isValidID($0.id) })
    }

    @Test("ids that are not kebab-case or are used twice are renamed with a warning")
    func renamedIDs() {
        let (glossary, diagnostics) = read(martif("""
            <termEntry id="Kim_Jong_Un"><langSet xml:lang="fr"><tig><term>Kim Jong-un</term></tig></langSet><langSet xml:lang="en"><tig><term>Kim Jong Un</term></tig></langSet></termEntry>
            <termEntry id="c1"><langSet xml:lang="fr"><tig><term>un</term></tig></langSet><langSet xml:lang="en"><tig><term>one</term></tig></langSet></termEntry>
            <termEntry id="c1"><langSet xml:lang="fr"><tig><term>deux</term></tig></langSet><langSet xml:lang="en"><tig><term>two</term></tig></langSet></termEntry>
            """))
        #expect(glossary.concepts.map(\.id) == ["kim-jong-un", "c1", "two"])
        #expect(diagnostics.map(\.checkID) == ["renamed-id", "renamed-id"])
        #expect(diagnostics.allSatisfy { $0.severity == .warning && $0.location?.line != nil })
    }

    @Test("a concept without French or English terms is a warning and is skipped")
    func missingLanguage() throws {
        let (glossary, diagnostics) = read(martif("""
            <termEntry id="only-en"><langSet xml:lang="en"><tig><term>alone</term></tig></langSet></termEntry>
            <termEntry id="only-fr"><langSet xml:lang="fr"><tig><term>seul</term></tig></langSet></termEntry>
            <termEntry id="only-de"><langSet xml:lang="de"><tig><term>allein</term></tig></langSet></termEntry>
            <termEntry id="avoid-only"><langSet xml:lang="fr"><tig><term>x</term></tig></langSet>
              <langSet xml:lang="en"><tig><term>y</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig></langSet></termEntry>
            <termEntry id="kept"><langSet xml:lang="fr"><tig><term>gardé</term></tig></langSet><langSet xml:lang="en"><tig><term>kept</term></tig></langSet></termEntry>
            """))
        #expect(glossary.concepts.map(\.id) == ["kept"])
        let warnings = diagnostics.filter { $0.checkID == "missing-language" }
        #expect(warnings.count == 4)
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings.map { $0.location?.line ?? 0 } == [4, 5, 6, 7])
        #expect(warnings[0].message.contains("'only-en'") && warnings[0].message.contains("French"))
        let other = try #require(diagnostics.first { $0.checkID == "other-language" })
        #expect(other.severity == .note && other.message.contains("de"))
    }

    @Test("English synonyms are reported, since the native format has one English form")
    func droppedSynonyms() {
        let (glossary, diagnostics) = read(martif("""
            <termEntry id="c1"><langSet xml:lang="fr"><tig><term>trêve</term></tig></langSet>
            <langSet xml:lang="en"><tig><term>ceasefire</term></tig><tig><term>truce</term></tig></langSet></termEntry>
            """))
        #expect(glossary.concepts.first?.english == "ceasefire")
        #expect(diagnostics.map(\.checkID) == ["dropped-term"])
        #expect(diagnostics.first?.message.contains("'truce'") == true)
    }

    @Test("malformed XML is an error diagnostic with its line and column, never a crash")
    func malformedXML() throws {
        let cases: [(String, Int)] = [
            ("<martif>\n  <text>\n    <body>\n  </text>\n</martif>", 4),
            ("<?xml version=\"1.0\"?>\n<martif><text>&nbsp;</text></martif>", 2),
            ("<martif>\n<text attr=\"a\" attr=\"b\"/></martif>", 2),
            ("<martif>\n\n<text>unterminated", 3),
            ("", 1),
            ("not xml at all", 1),
            ("<martif><text>é</text></martif>\n<second/>", 2),
        ]
        for (text, line) in cases {
            let (glossary, diagnostics) = read(text, path: "bad.tbx")
            #expect(glossary.concepts.isEmpty)
            let diagnostic = try #require(diagnostics.first, "no diagnostic for \(text.debugDescription)")
            #expect(diagnostics.count == 1)
            #expect(diagnostic.severity == .error)
            #expect(diagnostic.checkID == "malformed-xml")
            #expect(diagnostic.location?.file == "bad.tbx")
            #expect(diagnostic.location?.line == line, "\(text.debugDescription): \(diagnostic.message)")
            #expect((diagnostic.location?.column ?? 0) >= 1)
        }
    }

    @Test("columns count characters: multibyte text before an error does not shift it")
    func multibyteColumns() {
        let ascii = read("<martif>\n<text>eeee&nbsp;</text></martif>").1
        let accented = read("<martif>\n<text>éœ’—&nbsp;</text></martif>").1
        #expect(ascii.first?.location?.column == 17)
        #expect(accented.first?.location == ascii.first?.location)
        let entity = read("<!-- é’ -->\n<!DOCTYPE x [ <!-- œ --> <!ENTITY a \"b\">]><x/>").1
        #expect(entity.first?.location?.line == 2)
        #expect(entity.first?.location?.column == 26)
    }

    @Test("entity declarations are refused before anything is expanded")
    func entityDeclarations() throws {
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE martif [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
            ]>
            <martif><text><body><termEntry><langSet xml:lang="fr"><tig><term>&lol2;</term></tig></langSet></termEntry></body></text></martif>
            """
        let external = """
            <?xml version="1.0"?>
            <!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd" [ <!-- a comment ] -->
              <!ENTITY secret SYSTEM "file:///etc/passwd">
            ]>
            <martif><text><body><termEntry><langSet xml:lang="fr"><tig><term>&secret;</term></tig></langSet></termEntry></body></text></martif>
            """
        let parameter = "<!DOCTYPE tbx [<!ENTITY % p SYSTEM \"http://example.invalid/x.dtd\"> %p;]><tbx/>"
        for (text, line, column) in [(laughs, 3, 3), (external, 3, 3), (parameter, 1, 16)] {
            let (glossary, diagnostics) = read(text)
            #expect(glossary.concepts.isEmpty)
            #expect(diagnostics.map(\.checkID) == ["entity-declaration"])
            #expect(diagnostics.first?.severity == .error)
            #expect(diagnostics.first?.location?.line == line)
            #expect(diagnostics.first?.location?.column == column)
        }
    }

    @Test("a DOCTYPE without entity declarations is fine, and its external DTD is not loaded")
    func harmlessDoctype() {
        let (glossary, diagnostics) = read(martif(
            "<termEntry id=\"c1\"><langSet xml:lang=\"fr\"><tig><term>a</term></tig></langSet><langSet xml:lang=\"en\"><tig><term>b</term></tig></langSet></termEntry>",
            doctype: "<!DOCTYPE martif SYSTEM \"http://example.invalid/never-fetched.dtd\">\n"))
        #expect(diagnostics.isEmpty)
        #expect(glossary.concepts.count == 1)
    }

    @Test("a byte order mark and CRLF line ends are fine")
    func byteOrderMarkAndCRLF() {
        let text = martif("""
            <termEntry id="c1"><langSet xml:lang="fr"><tig><term>paix</term></tig></langSet>
            <langSet xml:lang="en"><tig><term>peace</term></tig></langSet></termEntry>
            """).replacingOccurrences(of: "\n", with: "\r\n")
        let (glossary, diagnostics) = TBXReader.read([0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "bom.tbx")
        #expect(diagnostics.isEmpty)
        #expect(glossary.concepts == [Concept(id: "c1", english: "peace", french: ["paix"])])
    }

    @Test("other roots and UTF-16 files are errors")
    func notTBX() {
        let (_, xliff) = read("<xliff version=\"1.2\"/>")
        #expect(xliff.map(\.checkID) == ["not-tbx"])
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<martif/>".utf16 { utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let (_, encoding) = TBXReader.read(utf16, path: "x.tbx")
        #expect(encoding.map(\.checkID) == ["unsupported-encoding"])
    }

    @Test("control characters are written as U+FFFD and the file still reads")
    func controlCharacters() throws {
        let glossary = Glossary(concepts: [Concept(id: "c", english: "bell\u{7}", french: ["cloche\u{1}"], note: "tab\there")])
        for format in [GlossaryExchangeFormat.tbx, .tbx2] {
            let (back, diagnostics) = try ExchangeFixtures.read(GlossaryExchange.export(glossary, as: format), as: format)
            #expect(diagnostics.isEmpty)
            #expect(back.concepts.first?.english == "bell\u{FFFD}")
            #expect(back.concepts.first?.french == ["cloche\u{FFFD}"])
            // A tab is legal XML but not a native cell: it reads back as a space.
            #expect(back.concepts.first?.note == "tab here")
        }
    }

    @Test("unknown flags in an annotation are errors")
    func unknownFlag() {
        let (_, diagnostics) = read(martif("""
            <termEntry id="c1"><note>[align:flags] case,exakt</note><langSet xml:lang="fr"><tig><term>a</term></tig></langSet><langSet xml:lang="en"><tig><term>b</term></tig></langSet></termEntry>
            """))
        #expect(diagnostics.map(\.checkID) == ["unknown-flag"])
        #expect(diagnostics.first?.message.contains("did you mean 'exact'") == true)
    }
}
