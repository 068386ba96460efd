import Foundation
import Testing

@testable import Align

@Suite("CSV import and export")
struct CSVGlossaryCodecTests {
    func read(_ text: String, bom: Bool = false) -> (Glossary, [Diagnostic]) {
        CSVGlossaryCodec.read((bom ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8), path: "test.csv")
    }

    @Test("export: BOM, CRLF, header of native column names, RFC 4180 quoting")
    func export() {
        let glossary = Glossary(concepts: [
            Concept(id: "nato", english: "NATO", french: ["OTAN", "Otan"], flags: [.caseSensitive, .exact], note: "say \"NATO\", not NATO's; ok"),
            Concept(id: "plain", english: "plain", french: ["simple"]),
        ])
        let text = CSVGlossaryCodec.write(glossary)
        #expect(text == "\u{FEFF}id,en,fr,flags,note\r\nnato,NATO,OTAN|Otan,\"case,exact\",\"say \"\"NATO\"\", not NATO's; ok\"\r\nplain,plain,simple,,\r\n")
    }

    @Test("quoted fields may hold delimiters, quotes and line breaks", arguments: [true, false])
    func quotedFields(crlf: Bool) {
        let lines = [
            "id,en,fr,note,source",
            "a,\"Smith, John\",\"Jean \"\"le\"\" Smith\",\"two\nlines\",raw \"quote\" inside",
            "b,B,b,,\"\"",
        ]
        let (glossary, diagnostics) = read(lines.joined(separator: crlf ? "\r\n" : "\n") + (crlf ? "\r\n" : "\n"), bom: crlf)
        #expect(glossary.concepts.count == 2)
        let first = glossary.concepts[0]
        #expect(first.english == "Smith, John")
        #expect(first.french == ["Jean \"le\" Smith"])
        #expect(first.note == "two lines")
        #expect(first.extra == [Concept.ExtraField(name: "source", value: "raw \"quote\" inside")])
        #expect(diagnostics.map(\.checkID) == ["line-break"])
        #expect(diagnostics.first?.location?.line == 2)
        #expect(diagnostics.first?.location?.column == 37)
    }

    @Test("Excel in French locales: semicolons, BOM, CRLF, no final line end")
    func semicolons() {
        let (glossary, diagnostics) = read("id;en;fr;flags\r\nkyiv;Kyiv;Kiev|Kyiv;\"case,exact\"\r\nparis;Paris;Paris;", bom: true)
        #expect(diagnostics.isEmpty)
        #expect(glossary.concepts.map(\.id) == ["kyiv", "paris"])
        #expect(glossary.concepts.first?.flags == [.caseSensitive, .exact])
        #expect(glossary.concepts.first?.french == ["Kiev", "Kyiv"])
    }

    @Test("spreadsheet leftovers: blank lines, short rows, unnamed empty columns, missing id")
    func leniency() {
        let (glossary, diagnostics) = read("en,fr,,note\n\nKim Jong Un,Kim Jong-un,,\nceasefire,cessez-le-feu\n,,,\n")
        #expect(diagnostics.isEmpty)
        #expect(glossary.concepts.map(\.id) == ["kim-jong-un", "ceasefire"])
        #expect(glossary.concepts.map(\.note) == ["", ""])
    }

    @Test("structural problems are error diagnostics with locations")
    func errors() throws {
        let unterminated = read("id,en,fr\na,b,\"never closed\nc,d,e\n").1
        #expect(unterminated.map(\.checkID) == ["malformed-csv"])
        #expect(unterminated.first?.location?.line == 2)
        #expect(unterminated.first?.location?.column == 5)

        let stray = read("id,en,fr\na,\"b\"x,c\n").1
        #expect(stray.map(\.checkID) == ["malformed-csv"])

        let missing = read("id,english,fr\na,b,c\n").1
        #expect(missing.map(\.checkID) == ["missing-column"])

        let duplicate = read("id,en,fr,en\na,b,c,d\n").1
        #expect(duplicate.map(\.checkID) == ["duplicate-column"])

        let long = read("id,en,fr\na,b,c,d\n").1
        #expect(long.map(\.checkID) == ["field-count"])
        #expect(long.first?.location?.column == 7)

        let flags = read("id,en,fr,flags\na,b,c,caps\n").1
        #expect(flags.map(\.checkID) == ["unknown-flag"])

        let latin1 = CSVGlossaryCodec.read(Array("id,en,fr\na,b,".utf8) + [0xE9, 0x0A], path: "x.csv").1
        #expect(latin1.map(\.checkID) == ["invalid-utf8"])
        #expect(latin1.first?.location?.line == 2)

        let empty = read("").1
        #expect(empty.map(\.checkID) == ["missing-header"])
    }

    @Test("rows without French or English are skipped with a warning; bad ids are renamed")
    func rows() {
        let (glossary, diagnostics) = read("id,en,fr\nno-fr,English,\nno-en,,français\nBad_Id,good,bon\ngood,again,encore\n")
        #expect(glossary.concepts.map(\.id) == ["bad-id", "good"])
        #expect(diagnostics.map(\.checkID) == ["missing-language", "missing-language", "renamed-id"])
        #expect(diagnostics.map { $0.location?.line ?? 0 } == [2, 3, 4])
    }

    @Test("multibyte text before a problem does not shift its column")
    func multibyteColumns() {
        let (_, diagnostics) = read("id,en,fr\nœ-é,’—é,\"x\"y\n")
        #expect(diagnostics.first?.checkID == "malformed-csv")
        #expect(diagnostics.first?.location?.column == 12)
    }
}
