import Foundation
import Testing

@testable import Align

/// The bilingual dictionary reader. Fixtures are in `Fixtures/dictionary/`, written by its
/// `make-fixtures.py` (the dictd pair mimics FreeDict's entries, awkward ones included).
@Suite("BilingualDictionary")
struct BilingualDictionaryTests {
    typealias Entry = BilingualDictionary.Entry

    static let directory = RepositoryPaths.fixtures + "/dictionary"

    /// The entries of `tiny.index` with `tiny.dict.dz` (or `plain/tiny.dict`).
    static let tinyEntries: [Entry] = [
        ("abaisser", ["cry down", "cut up", "demolish", "abase"]),
        ("abandonner", ["give up", "yield", "abandon", "forsake", "desert"]),
        ("abaque", ["abacus", "ball-frame", "counting-frame"]),
        ("abattis", ["debris", "rubbish", "giblets"]),
        ("caf\u{E9}", ["coffee", "caf\u{E9}"]),
        ("cane", ["duck"]),
        ("chargement", ["load", "cargo", "loading"]),
        ("comme ci, comme \u{E7}a", ["so so"]),
        ("quatre-vingt-dix", ["ninety"]),
        ("rognon", ["kidney"]),
        ("Victoria", ["Victoria"]),
        ("\u{153}uvre", ["work"]),
    ].flatMap { french, english in english.map { Entry(french: french, english: $0) } }

    /// The error `body` throws, or `nil`.
    static func error(_ body: () throws -> BilingualDictionary) -> AlignError? {
        do {
            _ = try body()
            return nil
        } catch {
            return error as? AlignError
        }
    }

    /// Equality of UTF-8 bytes: `String`'s `==` is canonical equivalence, blind to NFC.
    static func bytes(_ entries: [Entry]) -> [[UInt8]] {
        entries.map { Array($0.french.utf8) + [0] + Array($0.english.utf8) }
    }

    // MARK: dictd

    @Test("a dictd database, named by any of its files", arguments: ["tiny.index", "tiny.dict.dz", "plain/tiny.index", "plain/tiny.dict"])
    func dictd(name: String) throws {
        let dictionary = try BilingualDictionary.load(path: Self.directory + "/" + name)
        #expect(dictionary.entries == Self.tinyEntries)
        #expect(Self.bytes(dictionary.entries) == Self.bytes(Self.tinyEntries), "text is in NFC")
    }

    @Test("headword lines: IPA and part of speech dropped, folded index keys not used")
    func headwordLines() {
        #expect(BilingualDictionary.dictdHeadword("abaque /abak/ <n, masc>") == "abaque")
        #expect(BilingualDictionary.dictdHeadword("celui /səlɥi/") == "celui")
        #expect(BilingualDictionary.dictdHeadword("ni ... ni /ni ... ni/") == "ni ... ni")
        #expect(BilingualDictionary.dictdHeadword("comme ci, comme ça /kɔmsikɔmsa/ <adv>") == "comme ci, comme ça")
        #expect(BilingualDictionary.dictdHeadword("plain") == "plain")
        let notes = BilingualDictionary.removingNotes("(bul)rush, (female) duck [cul], rape (seed)")
        #expect(notes.split(separator: ",").map(BilingualDictionary.clean) == ["rush", "duck", "rape"])
        #expect(BilingualDictionary.removingNotes("unclosed (note") == "unclosed (note")
    }

    static func parseDictd(index: String, data: String) throws -> BilingualDictionary {
        try BilingualDictionary.parseDictd(index: Array(index.utf8), data: Array(data.utf8), indexPath: "x.index", dataPath: "x.dict")
    }

    @Test("dictd bodies: numbered senses, labels, notes, indented examples, an empty headword line")
    func dictdBodies() throws {
        let data = "été /ete/ <n, masc>\n1. summer\n2.  [fig] prime (of life)\n   \"en été\"\n in summer\n\nsoit ... soit /swaswa/\neither ... or\n\nno headword\n"
        let index = "été\tA\tBU\nsoit soit\tBU\tl\nrien\tB5\tN\n"
        let dictionary = try Self.parseDictd(index: index, data: data)
        #expect(dictionary.entries == [
            Entry(french: "été", english: "summer"), Entry(french: "été", english: "prime"),
            Entry(french: "soit ... soit", english: "either ... or"), Entry(french: "rien", english: "no headword"),
        ])
    }

    @Test(
        "dictd index errors name the index file and line",
        arguments: [
            ("a\tA\tB\nb\tA\n", "x.index:2: expected 'headword<TAB>offset<TAB>length', found 2 tab-separated fields"),
            ("a\tA\tB\n\nb\tA!\tB\n", "x.index:3: 'A!' is not a dictd base64 number (digits are A-Z, a-z, 0-9, + and /)"),
            ("a\t\tB\n", "x.index:1: '' is not a dictd base64 number (1 to 10 digits)"),
            ("a\tAAAAAAAAAAB\tB\n", "x.index:1: 'AAAAAAAAAAB' is not a dictd base64 number (1 to 10 digits)"),
            ("a\tA\tB\nb\tB\tZ\n", "x.index:2: the entry 'b' (bytes 1..<26) runs past the end of x.dict (4 bytes)"),
            ("a\tA\tB\n00databaseinfo\tZ\tZ\nb\tB\tZ\n", "x.index:3: the entry 'b' (bytes 1..<26) runs past the end of x.dict (4 bytes)"),
        ])
    func dictdIndexErrors(index: String, message: String) {
        #expect(Self.error { try Self.parseDictd(index: index, data: "a\nb\n") } == .badInput(message))
    }

    @Test("invalid UTF-8 is reported with its byte offset, in the index and in the data")
    func dictdInvalidUTF8() {
        let index: [UInt8] = Array("a\tA\tC\n".utf8) + [0x62, 0xC3, 0x28] + Array("\tC\tC\n".utf8)
        #expect(
            Self.error { try BilingualDictionary.parseDictd(index: index, data: [], indexPath: "x.index", dataPath: "x.dict") }
                == .badInput("x.index:2: invalid UTF-8 at byte offset 7"))
        let data: [UInt8] = Array("a\nb".utf8) + [0xFF] + Array("\n".utf8)
        #expect(
            Self.error {
                try BilingualDictionary.parseDictd(index: Array("a\tA\tC\nb\tC\tC\n".utf8), data: data, indexPath: "x.index", dataPath: "x.dict")
            } == .badInput("x.dict: invalid UTF-8 at byte offset 3 (entry 'b', x.index:2)"))
    }

    @Test("missing files: the named file, then the sibling")
    func dictdMissingFiles() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dictd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(Self.error { try BilingualDictionary.load(path: directory + "/none.index") } == .missingInput("\(directory)/none.index: no such file or directory"))
        try Data("a\tA\tB\n".utf8).write(to: URL(fileURLWithPath: directory + "/only.index"))
        #expect(
            Self.error { try BilingualDictionary.load(path: directory + "/only.index") }
                == .missingInput("\(directory)/only.dict.dz: no such file or directory (nor \(directory)/only.dict): the data of the dictd index \(directory)/only.index"))
        try Data("a\n".utf8).write(to: URL(fileURLWithPath: directory + "/lone.dict"))
        #expect(
            Self.error { try BilingualDictionary.load(path: directory + "/lone.dict") }
                == .missingInput("\(directory)/lone.index: no such file or directory: the index of the dictd data \(directory)/lone.dict"))
    }

    @Test("a corrupt .dict.dz is unusable input, with the gzip problem and offset")
    func dictdCorruptGzip() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dictd-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        var data = try InputFiles.read(Self.directory + "/tiny.dict.dz")
        data.removeLast(3)
        try Data(data).write(to: URL(fileURLWithPath: directory + "/cut.dict.dz"))
        try FileManager.default.copyItem(atPath: Self.directory + "/tiny.index", toPath: directory + "/cut.index")
        #expect(
            Self.error { try BilingualDictionary.load(path: directory + "/cut.index") }
                == .badInput("\(directory)/cut.dict.dz: corrupt gzip data: unexpected end of compressed data at byte offset \(data.count)"))
    }

    // MARK: hunalign and TSV

    @Test("a hunalign dictionary: English first, empty sides dropped, duplicates once")
    func hunalign() throws {
        let dictionary = try BilingualDictionary.load(path: Self.directory + "/hunalign.dic")
        let expected = [
            Entry(french: "\u{153}uvre", english: "work"), Entry(french: "maison", english: "house"),
            Entry(french: "l'Union europ\u{E9}enne", english: "the European Union"), Entry(french: "caf\u{E9}", english: "coffee"),
        ]
        #expect(dictionary.entries == expected)
        #expect(Self.bytes(dictionary.entries) == Self.bytes(expected))
    }

    @Test("a TSV dictionary: comments, blank lines and CRLF ignored, sides trimmed")
    func tsv() throws {
        let dictionary = try BilingualDictionary.load(path: Self.directory + "/french-english.tsv")
        #expect(dictionary.entries == [
            Entry(french: "maison", english: "house"), Entry(french: "\u{153}uvre", english: "work"),
            Entry(french: "chat", english: "cat"), Entry(french: "chien", english: "dog"),
        ])
    }

    @Test(
        "lines that fit no format name the file and line",
        arguments: [
            ("maison\thouse\n# comment\nchat cat\n", "d.tsv:3: expected 'french<TAB>english', found no tab"),
            ("\u{FEFF}maison\thouse\r\nchat\tcat\tx\r\n", "d.tsv:2: expected 'french<TAB>english', found 3 tab-separated fields"),
            ("# hunalign\nhouse @ maison\n\nwork œuvre\n", "d.tsv:4: expected 'english @ french', found no ' @ '"),
            ("house @ maison\na @ b @ c\n", "d.tsv:2: expected 'english @ french', found ' @ ' 2 times"),
        ])
    func lineErrors(text: String, message: String) {
        #expect(Self.error { try BilingualDictionary.parse(Array(text.utf8), path: "d.tsv") } == .badInput(message))
    }

    @Test("invalid UTF-8 names the line and the byte offset")
    func invalidUTF8() {
        let bytes: [UInt8] = Array("maison\thouse\nœuvre\t".utf8) + [0xE9] + Array("\n".utf8)
        #expect(Self.error { try BilingualDictionary.parseTSV(bytes, path: "d.tsv") } == .badInput("d.tsv:2: invalid UTF-8 at byte offset 20"))
    }

    @Test("a gzipped TSV file is read through gzip")
    func gzippedTSV() throws {
        // `multi-member.gz` decodes to three lines without tabs: the error proves it was decoded.
        let path = RepositoryPaths.fixtures + "/dictionary/multi-member.gz"
        #expect(Self.error { try BilingualDictionary.load(path: path) } == .badInput("\(path):1: expected 'french<TAB>english', found no tab"))
    }

    // MARK: Detection

    @Test(
        "format detection: dictd by name, then hunalign by ' @ ' on the first content line, else TSV",
        arguments: [
            ("freedict-fra-eng.index", "", BilingualDictionary.Format.dictd),
            ("freedict-fra-eng.dict.dz", "", .dictd),
            ("/x/FREEDICT.DICT", "house @ maison", .dictd),
            ("en-fr.dic", "house @ maison\n", .hunalign),
            ("en-fr.txt", "# comment @ here\n\n  house @ maison\n", .hunalign),
            ("fr-en.tsv", "maison\thouse\nhouse @ maison\n", .tsv),
            ("fr-en.dic", "# only a comment\n", .tsv),
            ("fr-en", "maison@house\n", .tsv),
        ])
    func detection(path: String, contents: String, format: BilingualDictionary.Format) {
        #expect(BilingualDictionary.format(ofPath: path, contents: Array(contents.utf8)) == format)
    }

    // MARK: FreeDict

    static let freeDictIndex = "/usr/share/dictd/freedict-fra-eng.index"
    static let freeDictEnabled = FileManager.default.fileExists(atPath: freeDictIndex) || ExternalTool.isCI

    /// Debian's `dict-freedict-fra-eng`; CI installs it, so there a missing file fails the test.
    @Test("the FreeDict French-English dictionary loads", .enabled(if: freeDictEnabled))
    func freeDict() throws {
        let clock = ContinuousClock()
        var compressed: [UInt8] = []
        let inflateTime = try clock.measure {
            compressed = try InputFiles.read("/usr/share/dictd/freedict-fra-eng.dict.dz")
            _ = try Inflate.gunzip(compressed)
        }
        var dictionary = BilingualDictionary(entries: [])
        let loadTime = try clock.measure { dictionary = try BilingualDictionary.load(path: Self.freeDictIndex) }
        let headwords = Set(dictionary.entries.map(\.french))
        #expect(headwords.count >= 8000)
        #expect(dictionary.entries.contains(Entry(french: "abandonner", english: "abandon")))
        #expect(dictionary.entries.contains(Entry(french: "abattis", english: "giblets")))
        #expect(dictionary.entries.contains(Entry(french: "quatre-vingt-dix", english: "ninety")))
        #expect(!dictionary.entries.contains { $0.english.contains("[") || $0.english.contains("(") })
        #expect(Set(dictionary.entries).count == dictionary.entries.count)
        #expect(try BilingualDictionary.load(path: "/usr/share/dictd/freedict-fra-eng.dict.dz") == dictionary)
        print("FreeDict: inflated \(compressed.count) bytes in \(inflateTime); \(dictionary.entries.count) entries, \(headwords.count) headwords, loaded in \(loadTime)")
    }
}
