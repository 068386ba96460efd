import Testing

@testable import Align

/// Decoding inputs: byte order mark, line ends, invalid UTF-8, single-byte encodings, and the
/// offsets back into the original file.
@Suite("Normalize: decoding documents")
struct DocumentTextTests {
    @Test("a byte order mark is skipped and CRLF, CR and LF all end lines; offsets stay original")
    func lineEnds() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("Été\r\nœuf\rfin\nlast".utf8)
        let text = try DocumentText(bytes: bytes, encoding: .utf8)
        #expect(text.byteOrderMarkLength == 3)
        #expect(text.lines.map(\.number) == [1, 2, 3, 4])
        let lines = text.lines.map { String(decoding: text.utf8[$0.range], as: UTF8.self) }
        #expect(lines == ["Été", "œuf", "fin", "last"])
        // Original offsets: BOM 3, "Été" 5 bytes + CRLF, "œuf" 4 + CR, "fin" 3 + LF.
        #expect(text.lines.map(\.originalStart) == [3, 10, 15, 19])
        #expect(text.originalOffset(in: text.lines[1], at: 2) == 12)
    }

    @Test("invalid UTF-8 is an error with the byte offset, line and column")
    func invalidUTF8() {
        let bytes = Array("ligne un\nÉté ".utf8) + [0xC3, 0x28] + Array(" fin".utf8)
        #expect(throws: DocumentText.Problem.invalidUTF8(offset: 15, line: 2, column: 5)) {
            try DocumentText(bytes: bytes, encoding: .utf8)
        }
        #expect(throws: DocumentText.Problem.binary(offset: 2)) { try DocumentText(bytes: [0x41, 0x42, 0, 0x43], encoding: .utf8) }
    }

    @Test("latin1 and windows-1252 decode, with offsets counted in original bytes")
    func singleByte() throws {
        // "Été\n’a" in windows-1252: É=C9 t é=E9 \n ’=92 a.
        let bytes: [UInt8] = [0xC9, 0x74, 0xE9, 0x0A, 0x92, 0x61]
        let text = try DocumentText(bytes: bytes, encoding: .windows1252)
        #expect(String(decoding: text.utf8, as: UTF8.self) == "Été\n’a")
        #expect(text.lines[1].originalStart == 4)
        // Byte 3 of line 2's UTF-8 (after the 3-byte ’) is original offset 5.
        #expect(text.originalOffset(in: text.lines[1], at: 3) == 5)
        let latin = try DocumentText(bytes: bytes, encoding: .latin1)
        #expect(String(decoding: latin.utf8, as: UTF8.self) == "Été\n\u{92}a")
    }
}
