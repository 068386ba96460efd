import Foundation
import Testing

@testable import Align

/// Hostile and broken inputs through the real command line, in-process: each gives a clear
/// message naming the file (and line, column or byte offset), a documented exit code, and no
/// partial output. The sizes are the real ones (a 50 MB line, a million lines, a million rows);
/// peak memory on them is measured in release builds by `scripts/adversarial-limits.sh`.
@Suite("Adversarial inputs")
struct AdversarialInputTests {
    static let glossary = ["--glossary", RepositoryPaths.glossaries]
    static let rules = ["--rules", RepositoryPaths.root + "/normalize/boilerplate.tsv"]

    static func folder(_ name: String) -> String {
        let path = FileManager.default.temporaryDirectory.path + "/align-adversarial-\(name)-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    static func run(_ arguments: [String]) -> CapturedIO.Run { CapturedIO.run(arguments) }

    /// The files in `folder`, hidden ones (temporary outputs) included.
    static func contents(_ folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    // MARK: - Invalid UTF-8

    /// Invalid sequences of every class: a stray continuation byte, a truncated sequence, overlong
    /// forms of `/` and NUL, a UTF-16 surrogate encoded in UTF-8, a code point above U+10FFFF, and
    /// bytes that never occur in UTF-8.
    static let invalidSequences: [(name: String, bytes: [UInt8])] = [
        ("continuation", [0x80]), ("truncated", [0xC3]), ("truncated-3", [0xE2, 0x82]), ("overlong-2", [0xC0, 0xAF]),
        ("overlong-3", [0xE0, 0x80, 0x80]), ("overlong-4", [0xF0, 0x80, 0x80, 0xAF]), ("surrogate", [0xED, 0xA0, 0x80]),
        ("above-10FFFF", [0xF4, 0x90, 0x80, 0x80]), ("F5", [0xF5, 0x80, 0x80, 0x80]), ("FF", [0xFF]),
    ]

    /// Where the bad bytes go: the first byte of the file, inside a word, at the end of a line
    /// (before its line feed), right after a multibyte letter, and as the very last bytes.
    static func placements(_ bad: [UInt8]) -> [(name: String, bytes: [UInt8], offset: Int, line: Int, column: Int)] {
        let first = Array("L'OTAN a tenu".utf8)
        let second = Array("Le sommet de Koursk".utf8)
        let accented = Array("Corée".utf8)
        return [
            ("start", bad + first + [0x0A], 0, 1, 1),
            ("in a word", Array(first[..<4]) + bad + Array(first[4...]) + [0x0A], 4, 1, 5),
            ("at a line end", first + bad + [0x0A] + second + [0x0A], first.count, 1, 14),
            ("after é", first + [0x0A] + accented + bad + [0x0A], first.count + 1 + accented.count, 2, 6),
            ("at the end", first + [0x0A] + second + bad, first.count + 1 + second.count, 2, 20),
        ]
    }

    @Test("scan: invalid UTF-8 of every class, anywhere, is reported with its line, column and byte offset (exit 65)", arguments: invalidSequences.map(\.name))
    func scanInvalidUTF8(sequence: String) throws {
        let bad = try #require(Self.invalidSequences.first { $0.name == sequence }).bytes
        let folder = Self.folder("utf8-scan")
        for placement in Self.placements(bad) {
            let path = folder + "/doc.txt"
            try Self.write(placement.bytes, to: path)
            let run = Self.run(["scan"] + Self.glossary + [path])
            #expect(run.exitCode == .dataError, "\(sequence) \(placement.name)")
            #expect(
                run.stderr.contains("\(path):\(placement.line):\(placement.column): error: invalid UTF-8 at byte offset \(placement.offset);"),
                "\(sequence) \(placement.name): \(run.stderr)")
        }
    }

    @Test("normalize, validate and CSV import report invalid UTF-8 with the same offsets", arguments: invalidSequences.map(\.name))
    func otherReadersInvalidUTF8(sequence: String) throws {
        let bad = try #require(Self.invalidSequences.first { $0.name == sequence }).bytes
        let folder = Self.folder("utf8-others")
        for placement in Self.placements(bad) {
            let path = folder + "/doc.txt"
            try Self.write(placement.bytes, to: path)
            let normalized = Self.run(["normalize", path, "--output", folder + "/out", "--terms", "off"] + Self.rules)
            #expect(normalized.exitCode == .dataError)
            #expect(normalized.stderr.contains("\(path):\(placement.line):\(placement.column): error: invalid UTF-8 at byte offset \(placement.offset);"), "\(normalized.stderr)")
            #expect(Self.contents(folder + "/out").isEmpty, "no output for a refused document")
        }
        // A glossary with the bad bytes inside a French form; the offset counts the header.
        let header = "# align-glossary 1\nid\ten\tfr\n"
        let glossaryPath = folder + "/g.tsv"
        try Self.write(Array((header + "nato\tNATO\tOT").utf8) + bad + Array("AN\n".utf8), to: glossaryPath)
        let validated = Self.run(["validate", glossaryPath])
        #expect(validated.exitCode == .findings)
        #expect(validated.stdout.contains("\(glossaryPath):3:13: error: invalid UTF-8 at byte offset \(header.utf8.count + 12)"), "\(validated.stdout)")
        let csvPath = folder + "/g.csv"
        try Self.write(Array("id,en,fr\nnato,NATO,OT".utf8) + bad + Array("AN\n".utf8), to: csvPath)
        let imported = Self.run(["glossary", "import", csvPath, "--output", folder + "/imported.tsv"])
        #expect(imported.exitCode == .dataError)
        #expect(imported.stderr.contains("\(csvPath):2:13: error: invalid UTF-8 at byte offset 21"), "\(imported.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder + "/imported.tsv"))
    }

    // MARK: - Odd but valid text

    @Test("a byte order mark in the middle of a line is text: terms around it are found at the right columns")
    func byteOrderMarkInside() throws {
        let folder = Self.folder("bom")
        // A byte order mark opens the file (not a character: columns start after it), then one
        // between words and one inside a name, which is ignorable there as a soft hyphen is.
        try Self.write(Array("\u{FEFF}L'OTAN et \u{FEFF}Koursk, Kou\u{FEFF}rsk.\n".utf8), to: folder + "/doc.txt")
        let run = Self.run(["scan"] + Self.glossary + [folder + "/doc.txt"])
        #expect(run.exitCode == .ok, "\(run.stderr)")
        let rows = run.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t").map(String.init) }
        #expect(rows.map { [$0[1], $0[2], $0[3]] } == [["1", "1", "L'OTAN"], ["1", "12", "Koursk"], ["1", "20", "Kou\u{FEFF}rsk"]])
        let json = Self.run(["scan", "--format", "json"] + Self.glossary + [folder + "/doc.txt"])
        #expect(json.stdout.contains("\"byteStart\": 3,"), "byte offsets still count the mark")
        let normalized = Self.run(["normalize", folder + "/doc.txt", "--output", Self.folder("bom-out")] + Self.glossary + Self.rules)
        #expect(normalized.exitCode == .ok, "\(normalized.stderr)")
    }

    @Test("NUL bytes: the file is skipped as binary with the byte offset, the others are read")
    func nulBytes() throws {
        let folder = Self.folder("nul")
        try Self.write(Array("L'OTAN\u{0} a dit.\n".utf8), to: folder + "/a.txt")
        try Self.write(Array("L'OTAN a dit.\n".utf8), to: folder + "/b.txt")
        let run = Self.run(["scan"] + Self.glossary + [folder])
        #expect(run.exitCode == .ok)
        #expect(run.stderr.contains("\(folder)/a.txt:1:1: warning: skipped: binary file (NUL byte at byte offset 6)"))
        #expect(run.stdout.contains("\(folder)/b.txt\t1\t1\tL'OTAN"))
        let output = Self.folder("nul-out")
        let normalized = Self.run(["normalize", folder, "--output", output] + Self.glossary + Self.rules)
        #expect(normalized.exitCode == .ok)
        #expect(normalized.stderr.contains("a.txt:1:1: warning: skipped: binary file (NUL byte at byte offset 6); the document is not normalized"))
        // Outputs mirror the input folder's layout: its files go straight into the output folder.
        #expect(Self.contents(output) == ["b.removed.tsv", "b.segments.jsonl", "b.txt", "b.xlf"])
    }

    // MARK: - Size

    @Test("a 50 MB line is scanned whole: every term on it, the last one at its true column")
    func fiftyMegabyteLine() throws {
        let folder = Self.folder("long-line")
        let unit = Array("aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr L'OTAN ".utf8)
        let repeats = 50_000_000 / unit.count + 1
        var line = [UInt8]()
        line.reserveCapacity(unit.count * repeats + 1)
        for _ in 0..<repeats { line += unit }
        line.append(0x0A)
        try Self.write(line, to: folder + "/line.txt")
        let run = Self.run(["scan", "--format", "text"] + Self.glossary + [folder + "/line.txt"])
        #expect(run.exitCode == .ok, "\(run.stderr.prefix(500))")
        #expect(run.stderr.contains("\(repeats) occurrences (0 possible misspellings) in 1 document"), "\(run.stderr.prefix(500))")
        // The last `L'OTAN` starts 7 bytes (7 characters) before the end of the line.
        #expect(run.stdout.contains("line.txt:1:\(line.count - 7):"), "column of the last occurrence")
    }

    @Test("a line over 64 MiB stops that document with its line and byte offset (exit 65), in scan and normalize")
    func lineOverTheLimit() throws {
        let folder = Self.folder("too-long")
        let path = folder + "/huge.txt"
        let prefix = Array("L'OTAN.\n".utf8)
        try Self.write(prefix + [UInt8](repeating: UInt8(ascii: "a"), count: InputLimits.maximumLineLength + 1) + [0x0A], to: path)
        try Self.write(Array("Koursk.\n".utf8), to: folder + "/other.txt")
        let scan = Self.run(["scan"] + Self.glossary + [folder])
        #expect(scan.exitCode == .dataError)
        #expect(scan.stderr.contains("\(path):2:1: error: line 2 is longer than 64 MiB (Align's limit for one line); the rest of the file is skipped [line-too-long]"), "\(scan.stderr)")
        #expect(scan.stdout.contains("other.txt\t1\t1\tKoursk"), "the other document is still scanned")
        let normalized = Self.run(["normalize", path, "--output", folder + "/out", "--terms", "off"] + Self.rules)
        #expect(normalized.exitCode == .dataError)
        #expect(normalized.stderr.contains("\(path):2:1: error: line 2 is longer than 64 MiB"), "\(normalized.stderr)")
    }

    @Test("a file over 256 MiB is refused by the commands that read files whole, with its size")
    func fileOverTheLimit() throws {
        let folder = Self.folder("too-large")
        let path = folder + "/huge.txt"
        // Sparse: the size is what counts, nothing is read.
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        #expect(truncate(path, off_t(InputLimits.maximumFileSize + 1)) == 0)
        let run = Self.run(["normalize", path, "--output", folder + "/out"] + Self.rules + Self.glossary)
        #expect(run.exitCode == .dataError)
        #expect(run.stderr.contains("\(path): \(InputLimits.maximumFileSize + 1) bytes; Align reads files of up to 256 MiB whole"), "\(run.stderr)")
        let imported = Self.run(["glossary", "import", "--format", "csv", path])
        #expect(imported.exitCode == .dataError)
        #expect(imported.stderr.contains("Align reads files of up to 256 MiB whole"))
    }

    @Test("1,000,000 empty lines scan and normalize to nothing, quickly")
    func millionEmptyLines() throws {
        let folder = Self.folder("empty-lines")
        try Self.write([UInt8](repeating: 0x0A, count: 1_000_000), to: folder + "/empty.txt")
        let scan = Self.run(["scan"] + Self.glossary + [folder])
        #expect(scan.exitCode == .ok)
        #expect(scan.stdout == "document\tline\tcolumn\tsurface\tid\tenglish\tkind\n")
        let normalized = Self.run(["normalize", folder, "--output", Self.folder("empty-out")] + Self.glossary + Self.rules)
        #expect(normalized.exitCode == .ok)
        #expect(normalized.stderr.contains("1 document: 0 segments, 0 removals logged"))
    }

    @Test("a glossary of 1,000,000 rows validates and scans")
    func millionRowGlossary() throws {
        let folder = Self.folder("million")
        var text = "# align-glossary 1\nid\ten\tfr\n"
        text.reserveCapacity(40_000_000)
        for index in 0..<1_000_000 { text += "c\(index)\tTerm \(index)\tterme\(index) numéro \(index % 1000)\n" }
        try Self.write(Array(text.utf8), to: folder + "/big.tsv")
        let validated = Self.run(["validate", folder + "/big.tsv"])
        #expect(validated.exitCode == .ok, "\(validated.stderr.prefix(300))")
        #expect(validated.stderr.contains("0 errors, 0 warnings in 1 file (1000000 concepts)"))
        try Self.write(Array("Le terme999999 numéro 999 et le terme5 numéros 5.\n".utf8), to: folder + "/doc.txt")
        let scan = Self.run(["scan", "--glossary", folder + "/big.tsv", folder + "/doc.txt"])
        #expect(scan.exitCode == .ok)
        #expect(scan.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: "\t")[4] } == ["c999999", "c5"])
    }

    @Test("the same form in 10,000 concepts: one conflicting-form error per extra concept, each naming the first")
    func identicalForms() throws {
        let folder = Self.folder("same")
        var text = "# align-glossary 1\nid\ten\tfr\n"
        for index in 0..<10_000 { text += "c\(index)\tTerm \(index)\tOTAN\n" }
        try Self.write(Array(text.utf8), to: folder + "/same.tsv")
        let run = Self.run(["validate", folder + "/same.tsv"])
        #expect(run.exitCode == .findings)
        #expect(run.stderr.contains("9999 errors, 0 warnings in 1 file (10000 concepts)"))
        #expect(run.stdout.contains("same.tsv:10002:17: error: French form 'OTAN' of concept 'c9999' is also claimed by concept 'c0' as 'OTAN' [conflicting-form]"))
    }

    // MARK: - XML

    static let deepXML = "<?xml version=\"1.0\"?>\n<tbx type=\"TBX-Basic\">" + String(repeating: "<a>", count: 100_000) + String(repeating: "</a>", count: 100_000) + "</tbx>\n"
    static let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        <tbx><text><body>&lol3;</body></text></tbx>
        """

    @Test("deeply nested TBX and SRX are refused at the depth limit (exit 65), not recursed into")
    func deepXML() throws {
        let folder = Self.folder("deep")
        try Self.write(Array(Self.deepXML.utf8), to: folder + "/deep.tbx")
        let imported = Self.run(["glossary", "import", folder + "/deep.tbx"])
        #expect(imported.exitCode == .dataError)
        #expect(imported.stderr.contains("deep.tbx:2:"), "\(imported.stderr)")
        #expect(imported.stderr.contains("elements nested deeper than 64 levels; refused"))
        try Self.write(Array(Self.deepXML.replacingOccurrences(of: "tbx", with: "srx").utf8), to: folder + "/deep.srx")
        let normalized = Self.run(["normalize", RepositoryPaths.corpus, "--srx", folder + "/deep.srx", "--output", folder + "/out"] + Self.rules + Self.glossary)
        #expect(normalized.exitCode == .dataError)
        #expect(normalized.stderr.contains("deep.srx:2:"))
        #expect(normalized.stderr.contains("elements nested deeper than 64 levels"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test("billion-laughs entities in TBX and SRX are refused before anything is expanded (exit 65)")
    func billionLaughs() throws {
        let folder = Self.folder("laughs")
        try Self.write(Array(Self.laughs.utf8), to: folder + "/lol.tbx")
        let imported = Self.run(["glossary", "import", folder + "/lol.tbx", "--output", folder + "/out.tsv"])
        #expect(imported.exitCode == .dataError)
        #expect(imported.stderr.contains("lol.tbx:2:"))
        #expect(imported.stderr.contains("the DOCTYPE declares entities; refused without expanding anything"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out.tsv"))
        try Self.write(Array(Self.laughs.replacingOccurrences(of: "tbx", with: "srx").utf8), to: folder + "/lol.srx")
        let normalized = Self.run(["normalize", RepositoryPaths.corpus, "--srx", folder + "/lol.srx", "--output", folder + "/out"] + Self.rules + Self.glossary)
        #expect(normalized.exitCode == .dataError)
        #expect(normalized.stderr.contains("lol.srx: entity declarations are not allowed in SRX files"))
    }

    // MARK: - Files that go away, special files, links

    @Test("a listed file that vanished or cannot be read is an error for that file; the run goes on (exit 65)")
    func vanishedAndUnreadable() throws {
        let folder = Self.folder("vanish")
        try Self.write(Array("L'OTAN.\n".utf8), to: folder + "/a.txt")
        // A link whose target is gone: listed by the folder walk, missing when it is opened.
        #expect(symlink(folder + "/deleted.txt", folder + "/gone.txt") == 0)
        // A folder whose name looks like a document: walked into, not read as a file.
        try FileManager.default.createDirectory(atPath: folder + "/dir.txt/inner", withIntermediateDirectories: true)
        let run = Self.run(["scan"] + Self.glossary + [folder])
        #expect(run.exitCode == .dataError)
        #expect(run.stderr.contains("\(folder)/gone.txt:1:1: error: \(folder)/gone.txt: no such file or directory [unreadable-file]"), "\(run.stderr)")
        #expect(run.stderr.contains("in 1 document, 1 skipped"))
        #expect(run.stdout.contains("a.txt\t1\t1\tL'OTAN"))
        let named = Self.run(["normalize", folder + "/a.txt", folder + "/gone.txt", "--output", folder + "/out"] + Self.glossary + Self.rules)
        #expect(named.exitCode == .noInput, "a path named on the command line that does not exist: \(named.stderr)")
        #expect(named.stderr.contains("\(folder)/gone.txt: no such file or directory"))
        #expect(!FileManager.default.fileExists(atPath: folder + "/out"))
    }

    @Test("FIFOs in a corpus folder are left out instead of waiting for a writer; symlink loops are errors")
    func specialFilesAndLoops() throws {
        let folder = Self.folder("special")
        try Self.write(Array("L'OTAN.\n".utf8), to: folder + "/a.txt")
        #expect(mkfifo(folder + "/pipe.txt", 0o644) == 0)
        #expect(symlink(".", folder + "/self") == 0)
        #expect(symlink(folder + "/loop2.txt", folder + "/loop1.txt") == 0)
        #expect(symlink(folder + "/loop1.txt", folder + "/loop2.txt") == 0)
        let run = Self.run(["scan"] + Self.glossary + [folder])
        #expect(run.exitCode == .dataError)
        #expect(run.stderr.contains("\(folder)/loop1.txt: cannot be read (too many levels of symbolic links)"), "\(run.stderr)")
        #expect(run.stderr.contains("in 1 document, 2 skipped"), "a.txt once, not again through self/: \(run.stderr)")
        #expect(run.stdout.split(separator: "\n").count == 2)
        let direct = Self.run(["scan"] + Self.glossary + [folder + "/loop1.txt"])
        #expect(direct.exitCode == .dataError)
        #expect(direct.stderr.contains("loop1.txt: cannot be read (too many levels of symbolic links)"))
    }

    // MARK: - Outputs

    @Test("an output path that is a folder, under a file, or not writable: exit 70, the reason, nothing left behind")
    func unwritableOutputs() throws {
        let folder = Self.folder("outputs")
        try Self.write(Array("x".utf8), to: folder + "/file")
        let cases: [(path: String, reason: String)] = [
            (folder, "\(folder): is a directory; give a file path"),
            (folder + "/file/report.json", "\(folder)/file/report.json: cannot create a file in \(folder)/file (Not a directory)"),
            (folder + "/missing/report.json", "\(folder)/missing/report.json: cannot create a file in \(folder)/missing (No such file or directory)"),
        ]
        for (path, reason) in cases {
            for command in [["report", "--format", "json"], ["scan", "--format", "json"], ["validate", "--format", "json"]] {
                let run = Self.run(command + Self.glossary.suffix(command[0] == "validate" ? 0 : 2) + ["--output", path] + (command[0] == "validate" ? [RepositoryPaths.glossaries] : [RepositoryPaths.corpus]))
                #expect(run.exitCode == .internalError, "\(command[0]) \(path)")
                #expect(run.stderr.contains(reason), "\(command[0]): \(run.stderr)")
                #expect(run.stdout.isEmpty)
            }
        }
        #expect(Self.contents(folder) == ["file"], "no temporary file left behind")
        let normalized = Self.run(["normalize", RepositoryPaths.corpus, "--output", folder + "/file/out"] + Self.glossary + Self.rules)
        #expect(normalized.exitCode == .internalError)
        #expect(normalized.stderr.contains("\(folder)/file: cannot create the folder (a file of that name exists)"), "\(normalized.stderr)")
        // A folder the process may not write in (as root, permissions do not stop writes: a
        // pseudo file system does).
        let readOnly: String
        if geteuid() == 0 {
            readOnly = "/proc"
        } else {
            readOnly = folder + "/locked"
            try FileManager.default.createDirectory(atPath: readOnly, withIntermediateDirectories: true)
            #expect(chmod(readOnly, 0o555) == 0)
        }
        let locked = Self.run(["report", "--format", "json"] + Self.glossary + ["--output", readOnly + "/report.json", RepositoryPaths.corpus])
        #expect(locked.exitCode == .internalError)
        #expect(locked.stderr.contains("\(readOnly)/report.json: cannot create a file in \(readOnly) ("), "\(locked.stderr)")
        #expect(!FileManager.default.fileExists(atPath: readOnly + "/report.json"))
    }

    @Test("a run stopped by a missing input writes no output file at all")
    func noPartialOutput() throws {
        let folder = Self.folder("partial")
        for command in ["scan", "report"] {
            let output = folder + "/\(command).out"
            let run = Self.run([command] + Self.glossary + ["--output", output, RepositoryPaths.corpus, folder + "/missing.txt"])
            #expect(run.exitCode == .noInput)
            #expect(!FileManager.default.fileExists(atPath: output), "\(command)")
        }
        #expect(Self.contents(folder).isEmpty)
    }
}
