import Foundation
import Testing

@testable import Align

/// Inputs that are not glossaries, or barely: each gives diagnostics (with exact places and byte
/// offsets) and never stops the run. Every case runs the real `validate` in-process.
@Suite("Malformed glossary files")
struct MalformedGlossaryTests {
    /// Writes `bytes` to a scratch file and validates it.
    static func validate(_ bytes: [UInt8], options: [String] = []) throws -> ValidateRun {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        return try ValidateRun([try scratch.write(bytes, to: "glossary.tsv")], options: options)
    }

    static func validate(_ text: String, options: [String] = []) throws -> ValidateRun {
        try validate(Array(text.utf8), options: options)
    }

    // MARK: not text

    @Test("a binary file (NUL bytes) is one binary-file error at the first NUL")
    func binaryFile() throws {
        // The first 16 bytes of a PNG: LF at 5 and 7, so the NUL at offset 8 starts line 3.
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]
        let run = try Self.validate(png)
        #expect(run.diagnostics.map(\.checkID) == ["binary-file"])
        let diagnostic = try #require(run.diagnostics.first)
        #expect(diagnostic.location.map(Place.init) == Place(3, 1))
        #expect(diagnostic.location?.byteOffset == 8)
        #expect(diagnostic.message.contains("byte offset 8"))
        #expect(run.exitCode == .findings)
    }

    @Test("a UTF-16 export (Excel's 'Unicode text') is a binary file, not garbage rows")
    func utf16File() throws {
        let text = "# align-glossary 1\nid\ten\tfr\nkyiv\tKyiv\tKyiv\n"
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let run = try Self.validate(bytes)
        #expect(run.diagnostics.map(\.checkID) == ["binary-file"])
        #expect(run.diagnostics.first?.location?.byteOffset == 3)
    }

    // MARK: encoding

    @Test("a Latin-1 file: invalid-utf8 at the exact byte offset of the first bad byte")
    func latin1File() throws {
        let run = try Self.validate(GlossaryFixtures.latin1Base)
        #expect(run.diagnostics.map(\.checkID) == ["invalid-utf8"])
        let diagnostic = try #require(run.diagnostics.first)
        // 19 + 14 bytes for lines 1 and 2, then `kyiv⇥Kyiv⇥Kyiv|Kiev⇥capitale de l’Ukraine (r`:
        // 46 bytes (’ is 3) but 44 code points.
        #expect(diagnostic.location?.byteOffset == 79)
        #expect(diagnostic.location.map(Place.init) == Place(3, 45))
        #expect(diagnostic.message == "invalid UTF-8 at byte offset 79 (byte 0xE9)")
        #expect(run.exitCode == .findings)
    }

    /// Ill-formed sequences (Unicode 15, table 3-7), each put where the `é` of the Latin-1 case is.
    static let illFormed: [(name: String, bytes: [UInt8])] = [
        ("overlong '/' (C0 AF)", [0xC0, 0xAF]),
        ("overlong 3-byte (E0 80 AF)", [0xE0, 0x80, 0xAF]),
        ("surrogate U+D800 (ED A0 80)", [0xED, 0xA0, 0x80]),
        ("past U+10FFFF (F4 90 80 80)", [0xF4, 0x90, 0x80, 0x80]),
        ("lead byte F5", [0xF5, 0x80, 0x80, 0x80]),
        ("lone continuation byte", [0x80]),
        ("truncated 2-byte sequence", [0xC3]),
        ("truncated 4-byte sequence", [0xF0, 0x9F, 0x98]),
        ("byte FF", [0xFF]),
    ]

    @Test("ill-formed UTF-8 is reported at the offset of its first byte", arguments: illFormed.map(\.name))
    func illFormedSequence(_ name: String) throws {
        let bad = try #require(Self.illFormed.first { $0.name == name }?.bytes)
        let prefix = Array(GlossaryFixtures.beforeResidenceAccent.utf8)
        let run = try Self.validate(prefix + bad + Array(GlossaryFixtures.afterResidenceAccent.utf8))
        let diagnostic = try #require(run.of("invalid-utf8").first)
        #expect(run.of("invalid-utf8").count == 1)
        #expect(diagnostic.location?.byteOffset == 79)
        #expect(diagnostic.location.map(Place.init) == Place(3, 45))
        #expect(diagnostic.message.hasSuffix("(byte 0x\(String(format: "%02X", bad[0])))"))
    }

    @Test("well-formed multibyte sequences are not reported", arguments: ["é", "’", "—", "😀", "\u{10FFFF}"])
    func wellFormedSequence(_ text: String) throws {
        let run = try Self.validate(GlossaryFixtures.beforeResidenceAccent + text + GlossaryFixtures.afterResidenceAccent)
        #expect(run.of("invalid-utf8").isEmpty)
    }

    @Test("each line with bad bytes is reported once, with its own offset")
    func severalBadLines() throws {
        // A cp1252 curly apostrophe (0x92) on line 5, after 35 ASCII characters.
        let before = "lviv\tLviv\tLviv\tville de Galicie, \"L"
        let bytes = GlossaryFixtures.latin1Base + Array(before.utf8) + [0x92] + Array("vov\"\n".utf8)
        let run = try Self.validate(bytes)
        let offsets = run.of("invalid-utf8").compactMap(\.location?.byteOffset)
        #expect(before.utf8.count == 35)
        #expect(offsets == [79, GlossaryFixtures.latin1Base.count + 35])
        #expect(GlossaryFixtures.latin1Base.count == 152)
        #expect(run.places("invalid-utf8") == [Place(3, 45), Place(5, 36)])
    }

    @Test("a byte order mark is one warning and moves no column")
    func byteOrderMark() throws {
        let text = "# align-glossary 1\nid\ten\tfr\tnote\nkyiv\tKyiv \tKyiv|Kiev\tcapitale  de l’Ukraine\n"
        let plain = try Self.validate(text)
        let marked = try Self.validate([0xEF, 0xBB, 0xBF] + Array(text.utf8))
        #expect(marked.places("byte-order-mark") == [Place(1, 1)])
        #expect(marked.of("byte-order-mark").first?.location?.byteOffset == 0)
        #expect(marked.diagnostics.filter { $0.checkID != "byte-order-mark" }.map { $0.location.map(Place.init) } == plain.diagnostics.map { $0.location.map(Place.init) })
        #expect(plain.places("whitespace") == [Place(3, 6), Place(3, 30)])
        #expect(marked.exitCode == .ok)
        #expect(try Self.validate([0xEF, 0xBB, 0xBF] + Array(text.utf8), options: ["--strict"]).exitCode == .findings)
    }

    @Test("CRLF line ends: one warning at the first CRLF line; no CR is left in any field")
    func crlfLineEnds() throws {
        let text = "# align-glossary 1\nid\ten\tfr\tnote\nkyiv\tKyiv\tKyiv|Kiev\tcapitale\nodesa\tOdesa\tOdessa\tport\n"
        let run = try Self.validate(GlossaryFixtures.crlfAfterFirstLine(text))
        #expect(run.places("line-endings") == [Place(2, 1)])
        #expect(run.diagnostics.map(\.checkID) == ["line-endings"], "no control-character for the CR")
        #expect(run.exitCode == .ok)
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = try scratch.write(text.replacingOccurrences(of: "\n", with: "\r\n"), to: "crlf.tsv")
        let concepts = try GlossaryLoader.load([file]).glossary.concepts
        #expect(concepts.map(\.note) == ["capitale", "port"])
        #expect(concepts.map(\.french) == [["Kyiv", "Kiev"], ["Odessa"]])
    }

    @Test("CR-only line ends (Excel's 'Text (Macintosh)'): read as lines, one warning, fmt writes LF")
    func classicMacLineEnds() throws {
        let text = "# align-glossary 1\nid\ten\tfr\tnote\nkyiv\tKyiv\tKyiv|Kiev\tcapitale\nodesa\tOdesa\tOdessa\tport\n"
        let bytes = Array(text.replacingOccurrences(of: "\n", with: "\r").utf8)
        let run = try Self.validate(bytes)
        #expect(run.diagnostics.map(\.checkID) == ["line-endings"])
        #expect(run.exitCode == .ok)
        let parsed = GlossaryParser.parse(bytes, path: "mac.tsv")
        #expect(parsed.document.concepts.map(\.note) == ["capitale", "port"])
        #expect(GlossaryFormatter.format(parsed.document) == text)
    }

    @Test("a lone CR inside a line is a control character, not a line end")
    func loneCarriageReturn() throws {
        let run = try Self.validate("# align-glossary 1\nid\ten\tfr\tnote\nkyiv\tKyiv\tKyiv\tcapitale\rport\n")
        #expect(run.places("control-character") == [Place(3, 24)])
        #expect(run.of("line-endings").isEmpty)
    }

    // MARK: too little

    @Test("an empty file is an error, not an empty glossary")
    func emptyFile() throws {
        let run = try Self.validate([UInt8]())
        #expect(run.diagnostics.map(\.checkID) == ["missing-version-marker"])
        #expect(run.places("missing-version-marker") == [Place(1, 1)])
        #expect(run.diagnostics.first?.message.hasPrefix("empty file") == true)
        #expect(run.exitCode == .findings)
    }

    @Test("a file with only the version line has no header", arguments: ["# align-glossary 1\n", "# align-glossary 1"])
    func onlyTheVersionLine(_ text: String) throws {
        let run = try Self.validate(text)
        #expect(run.diagnostics.map(\.checkID) == ["missing-header"])
        #expect(run.places("missing-header") == [Place(1, 1)])
        #expect(run.exitCode == .findings)
    }

    @Test("rows with too few and too many fields: the end of the line, and the first extra field")
    func wrongFieldCounts() throws {
        let run = try Self.validate("# align-glossary 1\nid\ten\tfr\tnote\nkyiv\tKyïv\tKyïv\nkharkiv\tKharkiv\tKharkiv\t\tdeuxième ville\n")
        #expect(run.places("field-count") == [Place(3, 15), Place(4, 26)])
        #expect(run.of("field-count").map(\.message) == ["row has 3 fields, the header has 4", "row has 5 fields, the header has 4"])
    }

    // MARK: too much

    @Test("a single 1 MB line with no line end")
    func oneMegabyteSingleLine() throws {
        let run = try Self.validate(String(repeating: "x", count: 1 << 20))
        #expect(run.places("missing-version-marker") == [Place(1, 1)])
        #expect(run.of("missing-column").count == 3, "the line is read as a header without id, en, fr")
        #expect(run.diagnostics.allSatisfy { $0.message.utf8.count < 200 }, "no message quotes the megabyte")
        #expect(run.exitCode == .findings)
    }

    @Test("a 1 MB row: the column of a problem at its end counts code points")
    func oneMegabyteRow() throws {
        let note = String(repeating: "é", count: 500_000)  // 1,000,000 bytes
        let run = try Self.validate("# align-glossary 1\nid\ten\tfr\tnote\nx\tX\tY\t\(note)\u{7}\n")
        #expect(run.places("control-character") == [Place(3, 500_007)])
        #expect(run.diagnostics.count == 1)
    }

    @Test("10,000 columns and rows of 10,000 fields")
    func tenThousandColumns() throws {
        let names = ["id", "en", "fr"] + (4...10_000).map { "c\($0)" }
        let fields = ["kyiv", "Kyiv", "Kyiv"] + Array(repeating: "v", count: 9_997)
        let tooMany = ["odesa", "Odesa", "Odessa"] + Array(repeating: "v", count: 9_998)
        let tooFew = ["lviv", "Lviv", "Lviv"] + Array(repeating: "v", count: 9_996)
        let lines = ["# align-glossary 1", names.joined(separator: "\t"), fields.joined(separator: "\t"),
                     tooMany.joined(separator: "\t"), tooFew.joined(separator: "\t")]
        let run = try Self.validate(lines.joined(separator: "\n") + "\n")
        let firstExtra = tooMany.prefix(10_000).joined(separator: "\t").unicodeScalars.count + 2
        let endOfShortRow = lines[4].unicodeScalars.count + 1
        #expect(run.diagnostics.map(\.checkID) == ["field-count", "field-count"])
        #expect(run.places("field-count") == [Place(4, firstExtra), Place(5, endOfShortRow)])
        #expect(run.of("field-count").map(\.message) == ["row has 10001 fields, the header has 10000", "row has 9999 fields, the header has 10000"])

        // The well-formed row keeps every unknown column.
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = try scratch.write(lines.prefix(3).joined(separator: "\n") + "\n", to: "wide.tsv")
        let loaded = try GlossaryLoader.load([file])
        #expect(loaded.diagnostics.isEmpty)
        #expect(loaded.glossary.concepts.first?.extra.count == 9_997)
        #expect(loaded.glossary.concepts.first?.extra.last == Concept.ExtraField(name: "c10000", value: "v"))
    }

    @Test("a header of 10,000 columns whose last repeats a name")
    func tenThousandColumnsWithADuplicate() throws {
        let names = ["id", "en", "fr"] + (4...9_999).map { "c\($0)" } + ["c4"]
        let header = names.joined(separator: "\t")
        let run = try Self.validate("# align-glossary 1\n\(header)\n")
        let lastColumn = names.dropLast().joined(separator: "\t").unicodeScalars.count + 2
        #expect(run.places("duplicate-column") == [Place(2, lastColumn)])
    }

    // MARK: versions

    @Test("a newer format version is refused with a clear error, and nothing else is guessed", arguments: [2, 10])
    func newerVersion(_ version: Int) throws {
        let run = try Self.validate("# align-glossary \(version)\nid\ten\tfr\tdomain\nkyiv\tKyiv\nbad row\n")
        #expect(run.diagnostics.map(\.checkID) == ["unsupported-version"])
        #expect(run.places("unsupported-version") == [Place(1, 1)])
        let message = try #require(run.diagnostics.first?.message)
        #expect(message.contains("version \(version)") && message.contains("upgrade"))
        #expect(run.exitCode == .findings)
    }

    @Test("a comment starts with the character '#', not with a '#' a combining mark is on; blank lines hold only spaces and tabs")
    func commentsAndBlankLines() {
        let text = "# align-glossary 1\nid\ten\tfr\n# a comment\n#\u{301}x\tY\tz\n#\n \t \n\t\u{A0}\nkyiv\tKyiv\tKyiv\n"
        for parallelBytes in [Int.max, 1] {
            let result = GlossaryParser.parse(Array(text.utf8), path: "g.tsv", parallelBytes: parallelBytes, parts: 2)
            let lines = result.document.lines
            // The version marker is not a line of the document.
            #expect(lines.count == 7, "\(lines)")
            guard lines.count == 7 else { continue }
            #expect(lines[1] == .comment("# a comment"))
            #expect(lines[3] == .comment("#"))
            #expect(lines[4] == .blank)
            if case .comment = lines[2] { Issue.record("'#\u{301}x' read as a comment") }
            if case .blank = lines[5] { Issue.record("a line with a no-break space read as blank") }
            #expect(result.document.concepts.map(\.id).contains("kyiv"))
        }
    }

    @Test("a malformed version marker is an error; a comment on line 1 is not a marker")
    func malformedVersionMarker() throws {
        let word = try Self.validate("# align-glossary one\nid\ten\tfr\nkyiv\tKyiv\tKyiv\n")
        #expect(word.diagnostics.map(\.checkID) == ["missing-version-marker"])
        #expect(word.diagnostics.first?.message.contains("malformed") == true)
        let comment = try Self.validate("# People of the corpus\nid\ten\tfr\nkyiv\tKyiv\tKyiv\n")
        #expect(comment.places("missing-version-marker") == [Place(1, 1)])
        #expect(comment.diagnostics.count == 1, "the rest of the file is still read")
        #expect(comment.stderr.contains("(1 concept)"))
    }
}
