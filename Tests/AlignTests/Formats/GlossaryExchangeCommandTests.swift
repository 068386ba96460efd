import Foundation
import Testing

@testable import Align

@Suite("glossary export and import commands")
struct GlossaryExchangeCommandTests {
    /// Runs `aligncli arguments` in-process, with `input` as standard input.
    func run(_ arguments: [String], input: [UInt8] = []) -> (ExitCode, CapturedIO.Run) {
        let capture = CapturedIO()
        var io = capture.io
        io.readInput = { input }
        let code = AlignCommandLine.run(arguments, io: io)
        return (code, CapturedIO.Run(exitCode: code, stdout: capture.stdout, stderr: capture.stderr))
    }

    @Test("export --format tbx, then import of that output, gives the native export back", arguments: GlossaryExchangeFormat.allCases)
    func exportThenImport(format: GlossaryExchangeFormat) throws {
        let glossaries = ExchangeFixtures.glossariesPath
        let (exported, export) = run(["glossary", "export", "--format", format.rawValue, glossaries])
        #expect(exported == .ok, "\(export.stderr)")
        #expect(export.stderr.isEmpty)
        let path = try ExchangeFixtures.write(export.stdout, named: "glossary.\(format == .tbx2 ? "tbx" : format.rawValue)")

        let (imported, importing) = run(["glossary", "import", path])
        #expect(imported == .ok, "\(importing.stderr)")
        #expect(importing.stderr.isEmpty)
        let (_, native) = run(["glossary", "export", "--format", "tsv", glossaries])
        #expect(importing.stdout == native.stdout)
    }

    @Test("tbx is the default export format, and --output writes the same bytes")
    func defaultFormatAndOutputFile() throws {
        let glossaries = ExchangeFixtures.glossariesPath
        let (status, standard) = run(["glossary", "export", glossaries])
        #expect(status == .ok)
        #expect(standard.stdout.contains("<tbx type=\"TBX-Basic\" style=\"dct\""))
        let output = try ExchangeFixtures.temporaryDirectory().appendingPathComponent("out.tbx").path
        let (written, _) = run(["glossary", "export", "--format", "tbx", "-o", output, glossaries])
        #expect(written == .ok)
        #expect(String(decoding: try InputFiles.read(output), as: UTF8.self) == standard.stdout)
    }

    @Test("import from standard input detects the TBX version from the content")
    func importFromStandardInput() throws {
        let tbx2 = GlossaryExchange.export(ExchangeFixtures.awkwardGlossary, as: .tbx2)
        let (status, captured) = run(["glossary", "import", "-"], input: Array(tbx2.utf8))
        #expect(status == .ok, "\(captured.stderr)")
        #expect(captured.stdout == GlossaryWriter.tsv(ExchangeFixtures.awkwardGlossary))
    }

    @Test("import of a malformed or dangerous file fails with located diagnostics")
    func importFailures() throws {
        let malformed = try ExchangeFixtures.write("<martif>\n<text>\n</martif>\n", named: "bad.tbx")
        let (status, captured) = run(["glossary", "import", malformed])
        #expect(status == .dataError)
        #expect(captured.stdout.isEmpty)
        #expect(captured.stderr.contains("\(malformed):3:"))
        #expect(captured.stderr.contains("error: malformed XML"))
        #expect(captured.stderr.contains("[malformed-xml]"))

        let entities = try ExchangeFixtures.write("<!DOCTYPE tbx [<!ENTITY a \"b\">]>\n<tbx/>", named: "entities.xml")
        let (refused, refusal) = run(["glossary", "import", "--format", "tbx", entities])
        #expect(refused == .dataError)
        #expect(refusal.stderr.contains("[entity-declaration]"))
    }

    @Test("format detection by extension and content")
    func detection() {
        let martif = Array("<?xml version=\"1.0\"?>\n<!-- c -->\n<!DOCTYPE martif SYSTEM \"x.dtd\">\n<martif type=\"TBX\"/>".utf8)
        let tbx = Array("\u{FEFF}<?xml version=\"1.0\"?><tbx/>".utf8)
        #expect(GlossaryExchange.detectFormat(path: "g.tbx", bytes: martif) == .tbx2)
        #expect(GlossaryExchange.detectFormat(path: "g.xml", bytes: martif) == .tbx2)
        #expect(GlossaryExchange.detectFormat(path: "-", bytes: tbx) == .tbx)
        #expect(GlossaryExchange.detectFormat(path: "g.TBX", bytes: []) == .tbx)
        #expect(GlossaryExchange.detectFormat(path: "g.csv", bytes: []) == .csv)
        #expect(GlossaryExchange.detectFormat(path: "g.tsv", bytes: []) == .tsv)
        #expect(GlossaryExchange.detectFormat(path: "-", bytes: Array("# align-glossary 1\nid\ten\tfr\n".utf8)) == .tsv)
        #expect(GlossaryExchange.detectFormat(path: "-", bytes: Array("\u{FEFF}\"id\";\"en\";\"fr\"\r\n".utf8)) == .csv)
        #expect(GlossaryExchange.detectFormat(path: "notes.txt", bytes: Array("hello".utf8)) == nil)
        #expect(GlossaryExchangeFormat.allCases.first == .tbx)
    }
}
