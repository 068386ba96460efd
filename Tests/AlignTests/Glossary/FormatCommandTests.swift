import Foundation
import Testing

@testable import Align

/// `aligncli fmt`: one canonical text, reached in one step, that keeps every comment and datum and
/// changes nothing `validate` reports beyond the formatting warnings it exists to fix.
@Suite("fmt")
struct FormatCommandTests {
    static let messy = RepositoryPaths.fixtures + "/glossary/fmt/messy.tsv"

    /// The canonical text of `Fixtures/glossary/fmt/messy.tsv`, written by hand from the format's
    /// rules: version marker; comments as written; one blank line for two; known columns in
    /// canonical order, then unknown ones in their order; rows sorted by id within each block;
    /// cells trimmed, single-spaced, NFC; the preferred form first, the other variants sorted;
    /// exact duplicates and empty items gone; flags in canonical order; no trailing blank lines.
    static let messyFormatted = [
        "# align-glossary 1",
        "#  Messy on purpose:   aligncli fmt must tidy it and lose nothing.",
        "id\ten\tfr\tfr_avoid\tflags\tnote\tsource\texemples\tdomaine",
        "",
        "ivory-coast\tCôte d'Ivoire\tCôte d’Ivoire\t\t\t\tAFP\tAbidjan, capitale économique de la Côte d’Ivoire\tgéographie",
        "kyiv\tKyiv\tKyiv|Kiev\t\tcase,exact\tcapital of Ukraine\tLe Monde\t\tgéographie",
        "nato\tNATO\tOTAN|Otan\t\t\t\t\t\t",
        "volodymyr-zelensky\tVolodymyr Zelensky\tVolodymyr Zelensky|Volodymyr Zelenskyy|Zelensky\tVolodomyr Zelensky\t\tpresident of Ukraine\tAFP\t\tpersonnes",
        "# Korea. The commented-out row below keeps its tabs:",
        "# south-korea\tSouth Korea\tCorée du Sud",
        "ballistic-missile\tballistic missile\tmissile balistique|missiles balistiques\t\t\t\t\t\tarmement",
        "kim-jong-un\tKim Jong Un\tKim Jong-un|Kim Jong Un\t\t\t\tAFP\t\tpersonnes",
        "korea\tKorea\tCorée\t\t\t\t\t\t",
        "kyiv-government\tKyiv government\tKiev\t\t\tmetonym\t\t\t",
        "north-korea\tNorth Korea\tCorée du Nord|Nord-Corée\t\t\t\tAP\t\tgéographie",
        "pyongyang\tPyongyang\tPyongyang\t\t\tmetonym for the North Korean government\tReuters\t\tgéographie",
    ].joined(separator: "\n") + "\n"

    /// Checks whose findings `fmt` may make disappear because it fixes them.
    static let formattingChecks: Set<String> = ["not-nfc", "whitespace", "byte-order-mark", "line-endings", "empty-form", "duplicate-form"]

    /// What a diagnostic says, independent of where: its check and the quoted ids and forms of its
    /// message, sorted, since sorting rows may swap which of two concepts is named first.
    static func finding(_ diagnostic: Diagnostic) -> String {
        let quoted = diagnostic.message.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { String($0.element) }.sorted()
        return diagnostic.checkID + " " + quoted.joined(separator: " | ")
    }

    static func findings(_ diagnostics: [Diagnostic], excluding excluded: Set<String> = formattingChecks) -> [String] {
        diagnostics.filter { !excluded.contains($0.checkID) }.map(finding).sorted()
    }

    /// Runs `fmt` in-process on a copy of `bytes` and returns the run and the file's bytes after.
    static func formatCopy(_ bytes: [UInt8], arguments: [String] = []) throws -> (run: CapturedIO.Run, after: [UInt8]) {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = try scratch.write(bytes, to: "glossary.tsv")
        let run = CapturedIO.run(["fmt"] + arguments + [file])
        return (run, try scratch.read("glossary.tsv"))
    }

    // MARK: the canonical text

    @Test("the messy fixture becomes its hand-written canonical text")
    func messyFixture() throws {
        let original = try InputFiles.read(Self.messy)
        let (run, after) = try Self.formatCopy(original)
        #expect(run.exitCode == .ok)
        #expect(run.stdout.hasPrefix("reformatted ") && run.stdout.hasSuffix("/glossary.tsv\n"))
        #expect(after == Array(Self.messyFormatted.utf8), "\(Snapshot.firstDifference(Self.messyFormatted, String(decoding: after, as: UTF8.self)))")
        #expect(after != original)
    }

    @Test("a byte order mark and CRLF line ends are removed; the rest is the same canonical text")
    func byteOrderMarkAndCRLF() throws {
        let text = String(decoding: try InputFiles.read(Self.messy), as: UTF8.self)
        let (run, after) = try Self.formatCopy([0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        #expect(run.exitCode == .ok)
        #expect(after == Array(Self.messyFormatted.utf8))
    }

    @Test("formatting twice gives what formatting once gives: the messy fixture")
    func idempotentOnMessyFixture() throws {
        let (_, once) = try Self.formatCopy(try InputFiles.read(Self.messy))
        let (run, twice) = try Self.formatCopy(once)
        #expect(twice == once)
        #expect(run.exitCode == .ok)
        #expect(run.stdout == "", "nothing to reformat the second time")
    }

    @Test("the shipped glossaries are already canonical, so fmt leaves them byte for byte")
    func idempotentOnShippedGlossaries() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let files = try GlossaryLoader.files(in: [RepositoryPaths.glossaries])
        try #require(files.count == 5)
        for file in files {
            try scratch.write(try InputFiles.read(file), to: URL(fileURLWithPath: file).lastPathComponent)
        }
        let check = CapturedIO.run(["fmt", "--check", scratch.path])
        #expect(check.exitCode == .ok, "\(check.stdout)")
        #expect(check.stderr == "5 files already formatted\n")
        let run = CapturedIO.run(["fmt", scratch.path])
        #expect(run.exitCode == .ok)
        #expect(run.stdout == "")
        for file in files {
            #expect(try scratch.read(URL(fileURLWithPath: file).lastPathComponent) == (try InputFiles.read(file)), "\(file)")
        }
    }

    @Test("comments, blank-line blocks and unknown columns survive, with every value")
    func nothingIsLost() throws {
        let before = GlossaryParser.parse(try InputFiles.read(Self.messy), path: "messy.tsv").document
        let after = GlossaryParser.parse(Array(Self.messyFormatted.utf8), path: "messy.tsv").document
        let comments: (GlossaryDocument) -> [String] = { document in
            document.lines.compactMap { if case .comment(let text) = $0 { text } else { nil } }
        }
        #expect(comments(after) == comments(before))
        #expect(after.header.sorted() == before.header.sorted())
        let canonical = before.concepts.map(GlossaryWriter.canonical).sorted { $0.id < $1.id }
        #expect(after.concepts.sorted { $0.id < $1.id } == canonical)
        let extras = after.concepts.flatMap(\.extra).filter { !$0.value.isEmpty }
        #expect(extras.count == before.concepts.flatMap(\.extra).filter { !$0.value.isEmpty }.count)
        #expect(extras.contains(Concept.ExtraField(name: "exemples", value: "Abidjan, capitale économique de la Côte d’Ivoire")))
    }

    // MARK: validate before and after

    @Test("fmt changes no finding of validate except the formatting ones, on the messy fixture")
    func sameFindingsOnMessyFixture() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let before = try ValidateRun([try scratch.write(try InputFiles.read(Self.messy), to: "before.tsv")])
        let after = try ValidateRun([try scratch.write(Self.messyFormatted, to: "after.tsv")])
        #expect(Self.findings(after.diagnostics) == Self.findings(before.diagnostics))
        #expect(Self.findings(before.diagnostics).count == 6, "the fixture has non-formatting findings to keep")
        #expect(Set(after.diagnostics.map(\.checkID)).isDisjoint(with: Self.formattingChecks.subtracting(["duplicate-form"])))
        // `OTAN|Otan|OTAN`: the exact duplicate goes; `Otan` only folds like `OTAN`, so it stays.
        #expect(before.of("duplicate-form").count == 3)
        #expect(after.of("duplicate-form").map(\.message).sorted() == [
            "form 'Kim Jong Un' is listed twice in concept 'kim-jong-un' (it folds to the same text as 'Kim Jong-un')",
            "form 'Otan' is listed twice in concept 'nato' (it folds to the same text as 'OTAN')",
        ])
    }

    @Test("fmt clears the whitespace warnings it exists to fix, no-break spaces at the ends of any cell included")
    func clearsWhitespaceWarnings() throws {
        let text = "# align-glossary 1\nid\ten\tfr\tnote\tsource\n"
            + "kyiv\t\u{A0}Kyiv\tKyiv\u{202F}| Kiev\t\u{202F}capitale  de l’Ukraine\u{202F}: siège du gouvernement\u{A0}\t\u{A0}AFP \n"
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let before = try ValidateRun([try scratch.write(text, to: "before.tsv")])
        #expect(before.places("whitespace") == [Place(3, 6), Place(3, 12), Place(3, 18), Place(3, 24), Place(3, 33), Place(3, 73)])
        let (run, after) = try Self.formatCopy(Array(text.utf8))
        #expect(run.exitCode == .ok)
        // The narrow no-break space inside the note, before the colon, is typography and stays.
        let expected = "# align-glossary 1\nid\ten\tfr\tnote\tsource\n"
            + "kyiv\tKyiv\tKyiv|Kiev\tcapitale de l’Ukraine\u{202F}: siège du gouvernement\tAFP\n"
        #expect(after == Array(expected.utf8), "\(Snapshot.firstDifference(expected, String(decoding: after, as: UTF8.self)))")
        #expect(try ValidateRun([try scratch.write(after, to: "after.tsv")]).diagnostics.isEmpty)
    }

    static let allFixtures: [String] = GlossaryChecks.all.map(\.id).flatMap { ["triggers/\($0)", "clean/\($0)"] }

    @Test("on every fixture: fmt is idempotent and keeps the non-formatting findings, or refuses for a reason", arguments: allFixtures)
    func fixturesKeepTheirFindings(_ name: String) throws {
        let parts = name.split(separator: "/").map(String.init)
        let kind = try #require(GlossaryFixtures.Kind(rawValue: parts[0]))
        guard case .bytes(let bytes) = try GlossaryFixtures.file(kind, parts[1]) else {
            // The unreadable file: fmt reports it and changes nothing.
            let scratch = try ScratchDirectory()
            defer { scratch.remove() }
            let file = try scratch.makeUnreadableFile(named: "glossary.tsv")
            let run = CapturedIO.run(["fmt", file])
            #expect(run.exitCode == .dataError)
            #expect(run.stderr.contains("cannot be read"))
            return
        }
        let parsed = GlossaryParser.parse(bytes, path: "glossary.tsv")
        guard let once = GlossaryFormatter.format(parsed.document) else {
            #expect(parsed.diagnostics.contains { $0.severity == .error }, "\(name): refused without an error to show")
            let (run, after) = try Self.formatCopy(bytes)
            #expect(run.exitCode == .dataError)
            #expect(after == bytes, "\(name): a refused file is left untouched")
            return
        }
        let twice = try #require(GlossaryFormatter.format(GlossaryParser.parse(Array(once.utf8), path: "glossary.tsv").document))
        #expect(twice.utf8.elementsEqual(once.utf8), "\(name): \(Snapshot.firstDifference(once, twice))")
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let before = try ValidateRun([try scratch.write(bytes, to: "before.tsv")])
        let after = try ValidateRun([try scratch.write(once, to: "after.tsv")])
        #expect(Self.findings(after.diagnostics) == Self.findings(before.diagnostics), "\(name)")
        #expect(after.diagnostics.count <= before.diagnostics.count)
    }

    // MARK: --check

    @Test("--check names a file that would change, exits 1, and changes nothing")
    func checkWouldChange() throws {
        let original = try InputFiles.read(Self.messy)
        let (run, after) = try Self.formatCopy(original, arguments: ["--check"])
        #expect(run.exitCode == .findings)
        #expect(run.stdout.hasPrefix("would reformat ") && run.stdout.hasSuffix("/glossary.tsv\n"))
        #expect(run.stderr == "1 file would be reformatted\n")
        #expect(after == original)
    }

    @Test("--check on a canonical file exits 0 and prints no file name")
    func checkAlreadyCanonical() throws {
        let (run, after) = try Self.formatCopy(Array(Self.messyFormatted.utf8), arguments: ["--check"])
        #expect(run.exitCode == .ok)
        #expect(run.stdout == "")
        #expect(run.stderr == "1 file already formatted\n")
        #expect(after == Array(Self.messyFormatted.utf8))
    }

    @Test("--check over a folder lists only the files that would change")
    func checkFolder() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        try scratch.write(Self.messyFormatted, to: "a-tidy.tsv")
        let messy = try scratch.write(try InputFiles.read(Self.messy), to: "b-messy.tsv")
        let run = CapturedIO.run(["fmt", "--check", scratch.path])
        #expect(run.exitCode == .findings)
        #expect(run.stdout == "would reformat \(messy)\n")
        #expect(try scratch.read("b-messy.tsv") == (try InputFiles.read(Self.messy)))
    }

    // MARK: refusals

    static let broken: [(name: String, text: String)] = [
        ("wrong field count", "# align-glossary 1\nid\ten\tfr\nkyiv\tKyiv  \tKyiv\textra\n"),
        ("no header", "# align-glossary 1\n# nothing else\n"),
        ("no version marker", "id\ten\tfr\nkyiv\tKyiv  \tKyiv\n"),
        ("newer version", "# align-glossary 2\nid\ten\tfr\nkyiv\tKyiv  \tKyiv\n"),
        ("duplicate column", "# align-glossary 1\nid\ten\tfr\tnote\tnote\nkyiv\tKyiv  \tKyiv\ta\tb\n"),
        ("missing column", "# align-glossary 1\nid\ten\nkyiv\tKyiv  \n"),
        ("unknown flag, which fmt could not write back", "# align-glossary 1\nid\ten\tfr\tflags\nkyiv\tKyiv  \tKyiv\texakt\n"),
        ("an id that would become a comment", "# align-glossary 1\nid\ten\tfr\n #kyiv\tKyiv  \tKyiv\n"),
        ("empty file", ""),
    ]

    @Test("structurally broken files are refused (exit 65) and left untouched", arguments: broken.map(\.name))
    func refusesBrokenFiles(_ name: String) throws {
        let text = try #require(Self.broken.first { $0.name == name }?.text)
        for arguments in [[], ["--check"]] {
            let (run, after) = try Self.formatCopy(Array(text.utf8), arguments: arguments)
            #expect(run.exitCode == .dataError, "\(name) \(arguments)")
            #expect(run.stdout == "")
            #expect(run.stderr.contains("/glossary.tsv: not reformatted: fix these errors first"))
            #expect(run.stderr.contains(": error: "), "the errors are shown")
            #expect(after == Array(text.utf8))
        }
    }

    @Test("bad bytes are refused and left untouched", arguments: ["binary", "latin-1"])
    func refusesBadBytes(_ name: String) throws {
        let bytes = name == "binary" ? Array("# align-glossary 1\nid\ten\tfr\nkyiv\tKyiv\tKy\u{0}iv\n".utf8) : GlossaryFixtures.latin1Base
        let (run, after) = try Self.formatCopy(bytes)
        #expect(run.exitCode == .dataError)
        #expect(run.stderr.contains(name == "binary" ? "[binary-file]" : "[invalid-utf8]"))
        #expect(after == bytes)
    }

    @Test("one broken file among good ones: the good ones are formatted, the run exits 65")
    func brokenAmongGood() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let good = try scratch.write(try InputFiles.read(Self.messy), to: "a-good.tsv")
        let broken = "# align-glossary 1\nid\ten\tfr\nkyiv\tKyiv\n"
        try scratch.write(broken, to: "b-broken.tsv")
        let run = CapturedIO.run(["fmt", scratch.path])
        #expect(run.exitCode == .dataError)
        #expect(run.stdout == "reformatted \(good)\n")
        #expect(try scratch.read("a-good.tsv") == Array(Self.messyFormatted.utf8))
        #expect(try scratch.read("b-broken.tsv") == Array(broken.utf8))
    }

    @Test("a path that does not exist: exit 66")
    func missingPath() {
        let run = CapturedIO.run(["fmt", "/nonexistent/align/glossary.tsv"])
        #expect(run.exitCode == .noInput)
        #expect(run.stderr.contains("no such file or directory"))
    }
}
