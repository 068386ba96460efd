import Foundation
import Testing

@testable import Align

/// A parsed concept's origin keeps its row as written, read from the file's bytes only when
/// asked; it must read back exactly the line, whatever the line ends, byte order mark or parts.
@Suite("Concept origins")
struct ConceptOriginTests {
    static let rows = [
        "koursk\tKursk\tKoursk|Koursk’s\t\t\tville de Russie",
        "otan\tNATO\tOTAN|l'OTAN\t\t\t",
        "bad\tBad\tCor\u{E9}e\t\tbogus\t",
    ]

    static func glossary(lineEnd: String, byteOrderMark: Bool = false) -> [UInt8] {
        let text = (["# align-glossary 1", "id\ten\tfr\tfr_avoid\tflags\tnote"] + rows).joined(separator: lineEnd) + lineEnd
        return (byteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
    }

    @Test("rowText is the line without its line end", arguments: ["\n", "\r\n", "\r"])
    func rowTextIsTheLine(lineEnd: String) {
        for byteOrderMark in [false, true] {
            for parallelBytes in [Int.max, 1] {
                let result = GlossaryParser.parse(Self.glossary(lineEnd: lineEnd, byteOrderMark: byteOrderMark), path: "g.tsv", parallelBytes: parallelBytes, parts: 2)
                #expect(result.document.concepts.map { $0.origin?.rowText } == Self.rows, "BOM \(byteOrderMark), parallel \(parallelBytes)")
            }
        }
    }

    @Test("a row that is not valid UTF-8 keeps its text with replacement characters")
    func invalidRowText() {
        let bytes = Array("# align-glossary 1\nid\ten\tfr\nx\tX\tCor".utf8) + [0xC3, 0x28] + Array("e\n".utf8)
        let result = GlossaryParser.parse(bytes, path: "g.tsv")
        #expect(result.diagnostics.map(\.checkID) == ["invalid-utf8"])
        #expect(result.document.concepts.first?.origin?.rowText == "x\tX\tCor\u{FFFD}(e")
    }

    @Test("an origin read from a file and one made from a string are equal, hash alike and encode alike")
    func sharedAndStringOrigins() throws {
        let parsed = try #require(GlossaryParser.parse(Self.glossary(lineEnd: "\n"), path: "g.tsv").document.concepts.first?.origin)
        let made = Concept.Origin(file: "g.tsv", line: 3, lineByteOffset: parsed.lineByteOffset, header: parsed.header, rowText: Self.rows[0])
        #expect(parsed == made)
        #expect(parsed.hashValue == made.hashValue)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try encoder.encode(parsed) == encoder.encode(made))
        let decoded = try JSONDecoder().decode(Concept.Origin.self, from: try encoder.encode(parsed))
        #expect(decoded == parsed)
        #expect(decoded.rowText == Self.rows[0])
        var changed = parsed
        changed.rowText = "other"
        #expect(changed.rowText == "other")
        #expect(changed != parsed)
    }
}
