import Foundation
import Testing

@testable import Align

/// What fuzzing found, one test per finding, written out so the cause is plain (the inputs that
/// broke a target are also kept as `Fuzz/corpus/<target>/regression-*` and run by `FuzzSmokeTests`).
@Suite("Fuzz findings stay fixed")
struct FuzzFindingTests {
    static func tbx(_ text: [UInt8]) -> (Glossary, [Diagnostic]) { TBXReader.read(text, path: "f.tbx") }

    static let tbxHead = """
        <?xml version="1.0" encoding="UTF-8"?>
        <tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
        """

    static func entry(_ french: String, _ english: String = "NATO") -> String {
        """
        <conceptEntry id="nato"><langSec xml:lang="fr"><termSec><term>\(french)</term></termSec></langSec>\
        <langSec xml:lang="en"><termSec><term>\(english)</term></termSec></langSec></conceptEntry>
        """
    }

    @Test("invalid UTF-8 inside a TBX tag name is a diagnostic with its offset (FoundationXML trapped on it)")
    func tbxInvalidUTF8InName() {
        let bytes = Array((Self.tbxHead + "<conceptEntry id=\"x\"><lang").utf8) + [0xFF, 0xFF] + Array("Sec/></conceptEntry></body></text></tbx>".utf8)
        let (glossary, diagnostics) = Self.tbx(bytes)
        #expect(glossary.concepts.isEmpty)
        let offset = Self.tbxHead.utf8.count + 26
        #expect(diagnostics.map(\.checkID) == ["invalid-utf8"])
        #expect(diagnostics.first?.location?.byteOffset == offset)
        #expect(diagnostics.first?.location?.line == 2)
        #expect(diagnostics.first?.message.contains("byte offset \(offset)") == true)
    }

    @Test("invalid UTF-8 in an SRX tag name stops the load with file, line and column")
    func srxInvalidUTF8InName() {
        let bytes = Array("<?xml version=\"1.0\"?>\n<srx version=\"2.0\"><body><lan".utf8) + [0xFF] + Array("guagerules/></body></srx>".utf8)
        #expect {
            try SRXDocument.parse(bytes, source: "r.srx")
        } throws: { error in
            (error as? AlignError)?.message == "r.srx:2:30: invalid UTF-8 at byte offset 51"
        }
    }

    @Test("an XML declaration naming an unknown encoding is refused; Latin-1 and Windows-1252 are decoded")
    func declaredEncodings() throws {
        // libxml2 guessed at "UT\xBD\xD28" and FoundationXML trapped on the names it produced.
        let broken = Array("<?xml version=\"1.0\" encoding=\"UT".utf8) + [0xBD, 0xD2] + Array("8\"?>\n<tbx/>".utf8)
        #expect(Self.tbx(broken).1.map(\.checkID) == ["unsupported-encoding"])
        #expect(throws: AlignError.self) { try SRXDocument.parse(broken, source: "r.srx") }

        for (label, byte) in [("ISO-8859-1", UInt8(0xE9)), ("windows-1252", UInt8(0xE9))] {
            let text = Self.tbxHead.replacingOccurrences(of: "UTF-8", with: label) + Self.entry("Alliance atlantique XY") + "</body></text></tbx>"
            var bytes = Array(text.utf8)
            let marker = try #require(bytes.firstRange(of: Array("XY".utf8)))
            bytes.replaceSubrange(marker, with: [byte, UInt8(ascii: "e")])
            let (glossary, diagnostics) = Self.tbx(bytes)
            #expect(diagnostics.isEmpty, "\(label)")
            #expect(glossary.concepts.first?.french == ["Alliance atlantique ée"], "\(label)")
        }
    }

    @Test("control characters and U+FFFF in imported cells become spaces, trimmed, with a warning")
    func importedControlCharacters() throws {
        let csv = "id,en,fr,note,counterexamples\nnato,NATO,OTAN,\u{1}alliance\u{FFFF}atlantique,\u{85}Une phrase.\n"
        let (glossary, diagnostics) = CSVGlossaryCodec.read(Array(csv.utf8), path: "g.csv")
        #expect(diagnostics.map(\.checkID) == ["imported-control-character"])
        let concept = try #require(glossary.concepts.first)
        #expect(concept.note == "alliance atlantique")
        #expect(concept.counterexamples == ["Une phrase."])
        // What was imported exports and reads back unchanged, through every format.
        #expect(FuzzInvariants.roundTrips(glossary, through: GlossaryExchangeFormat.allCases).isEmpty)

        let (fromTBX, tbxDiagnostics) = Self.tbx(Array((Self.tbxHead + Self.entry("OTAN\u{85}") + "</body></text></tbx>").utf8))
        #expect(tbxDiagnostics.map(\.checkID) == ["imported-control-character"])
        #expect(fromTBX.concepts.first?.french == ["OTAN"])
    }

    @Test("a column name with a control character or U+FFFF is an error in TSV and CSV; so is U+FFFF in a cell")
    func controlCharactersInNames() {
        let csv = "id,en,fr,so\u{1E}urce\nnato,NATO,OTAN,AFP\n"
        #expect(CSVGlossaryCodec.read(Array(csv.utf8), path: "g.csv").1.map(\.checkID) == ["control-character"])
        let tsv = "# align-glossary 1\nid\ten\tfr\t\u{FFFF}source\nnato\tNATO\tOTAN\tAFP\n"
        let parsed = GlossaryParser.parse(Array(tsv.utf8), path: "g.tsv").diagnostics
        #expect(parsed.map(\.checkID) == ["control-character"])
        #expect(parsed.first.map { [$0.location?.line, $0.location?.column] } == [2, 10])
        let cell = "# align-glossary 1\nid\ten\tfr\tnote\nnato\tNATO\tOTAN\tan\u{FFFE}note\n"
        #expect(GlossaryParser.parse(Array(cell.utf8), path: "g.tsv").diagnostics.map(\.checkID) == ["control-character"])
    }

    @Test("a TBX term holding '|', the native list separator, becomes several terms with a warning")
    func listSeparatorInTerm() throws {
        let (glossary, diagnostics) = Self.tbx(Array((Self.tbxHead + Self.entry("OTAN| l'OTAN |") + "</body></text></tbx>").utf8))
        #expect(diagnostics.map(\.checkID) == ["list-separator"])
        #expect(glossary.concepts.first?.french == ["OTAN", "l'OTAN"])
        #expect(FuzzInvariants.roundTrips(glossary, through: GlossaryExchangeFormat.allCases).isEmpty)
    }

    @Test("a '|' before a combining mark splits an imported list, as the native format splits it")
    func listSeparatorBeforeCombiningMark() {
        let csv = Array("id,en,fr\nammunition,Ammunition,\"ent.||\u{0301}unt\"\n".utf8)
        let (glossary, diagnostics) = CSVGlossaryCodec.read(csv, path: "f.csv")
        #expect(!diagnostics.contains { $0.severity == .error })
        #expect(glossary.concepts.first?.french == ["ent.", "\u{0301}unt"])
        #expect(FuzzInvariants.roundTrips(glossary, through: GlossaryExchangeFormat.allCases).isEmpty)
    }

    @Test("a quote or a space before a combining mark is quoted in CSV exports, so they read back")
    func csvQuoteBeforeCombiningMark() {
        #expect(CSVGlossaryCodec.quoted("a\"\u{0301}b") == "\"a\"\"\u{0301}b\"")
        #expect(CSVGlossaryCodec.quoted(" \u{0301}x") == "\" \u{0301}x\"")
        let concept = Concept(id: "kim-jong-un", english: "Kim Jong Un", french: ["Kim Jong-un"], note: "6\"\u{0301}un \"")
        #expect(FuzzInvariants.roundTrips(Glossary(concepts: [concept]), through: GlossaryExchangeFormat.allCases).isEmpty)
    }

    @Test("escapes in diagnostics and annotations see a line break or '%' that a combining mark follows")
    func escapesBeforeCombiningMarks() {
        // Foundation's default comparison takes "\n" + U+0301 as one character: escaping missed it
        // and a GitHub annotation or a one-line diagnostic was cut in two.
        let text = "a\n\u{0301}b\r\u{0301}c%\u{0301}"
        #expect(!DiagnosticRenderer.singleLine(text).unicodeScalars.contains { $0 == "\n" || $0 == "\r" })
        #expect(!DiagnosticRenderer.escapeData(text).unicodeScalars.contains { $0 == "\n" || $0 == "\r" })
        #expect(DiagnosticRenderer.escapeData(text).utf8.elementsEqual("a%0A\u{0301}b%0D\u{0301}c%25\u{0301}".utf8))
        #expect(!GitHubReportWriter.escapeData(text).unicodeScalars.contains { $0 == "\n" || $0 == "\r" })
    }

    @Test("a form that is an elision word never overlaps the elided term after it")
    func elisionWordAsForm() {
        // Same start: the longer surface wins, as leftmost-longest wants.
        let concepts = [MatchingRuleTests.concept("d", ["D"]), MatchingRuleTests.concept("atacms", ["ATACMS"])]
        #expect(MatchingRuleTests.hits("des missiles d'ATACMS et un D.", concepts).map(\.description) == ["d'ATACMS=atacms/elided", "D=d/exact"])
        // A match that starts earlier keeps the elision word; the term after it is matched alone.
        let longer = [MatchingRuleTests.concept("corea", ["Corée d"]), MatchingRuleTests.concept("atacms", ["ATACMS"])]
        #expect(MatchingRuleTests.hits("la Corée d'ATACMS", longer).map(\.description) == ["Corée d=corea/exact", "ATACMS=atacms/exact"])
    }

    @Test("processing instructions without data are read (FoundationXML called strlen on their missing data)")
    func emptyProcessingInstruction() throws {
        let text = Self.tbxHead + "<?pi?>" + Self.entry("OTAN") + "<?other   ?><!-- <?kept?> --></body></text></tbx>"
        let (glossary, diagnostics) = Self.tbx(Array(text.utf8))
        #expect(diagnostics.isEmpty)
        #expect(glossary.concepts.first?.french == ["OTAN"])
        let rewritten = String(decoding: XMLTree.withDataInProcessingInstructions(Array(text.utf8)), as: UTF8.self)
        #expect(rewritten.contains("<?pi _?>") && rewritten.contains("<?other _   ?>") && rewritten.contains("<!-- <?kept?> -->"))
        #expect(rewritten.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), "the XML declaration is left alone")
        // At the very start, only `<?xml …?>` is the declaration; any other target is a processing instruction.
        #expect(String(decoding: XMLTree.withDataInProcessingInstructions(Array("<?pi?><tbx/>".utf8)), as: UTF8.self) == "<?pi _?><tbx/>")
        #expect(Self.tbx(Array("<?pi?><tbx/>".utf8)).0.concepts.isEmpty, "read, not crashed on")
        let srx = "<?xml version=\"1.0\"?>\n<srx version=\"2.0\"><?pi?><header cascade=\"no\"/><body><languagerules/><maprules/></body></srx>"
        #expect(throws: Never.self) { try SRXDocument.parse(Array(srx.utf8), source: "r.srx") }
    }

    @Test("an exported value starting with a combining mark comes back from TBX (the tag was split by grapheme)")
    func combiningMarkAfterTag() throws {
        var concept = Concept(id: "nato", english: "NATO", french: ["OTAN"])
        concept.extra = [Concept.ExtraField(name: "source", value: "\u{0301}AFP")]
        concept.counterexamples = ["\u{0301}Une phrase."]
        let glossary = Glossary(concepts: [concept])
        #expect(FuzzInvariants.roundTrips(glossary, through: [.tbx, .tbx2]).isEmpty)
        #expect(TBXAnnotation(noteText: "[align:counterexample] \u{0301}x") == .counterexample("\u{0301}x"))
    }
}
