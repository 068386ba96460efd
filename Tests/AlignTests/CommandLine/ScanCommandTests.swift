import Foundation
import Testing

@testable import Align

/// `aligncli scan` end to end, in-process, on real and on deliberately broken inputs.
@Suite("scan command")
struct ScanCommandTests {
    static var glossaries: String { RepositoryPaths.glossaries }
    static var corpus: String { RepositoryPaths.corpus + "/fr" }

    /// A fresh temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("align-scan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("tsv on the seed corpus: a header and one well-formed row per occurrence")
    func tsv() {
        let run = CapturedIO.run(["scan", "-g", Self.glossaries, Self.corpus])
        #expect(run.exitCode == .ok)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first == "document\tline\tcolumn\tsurface\tid\tenglish\tkind")
        #expect(lines.count == 320)
        #expect(lines.dropFirst().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 7 })
        #expect(lines.contains { $0.hasSuffix("\tKoursk\tkursk\tKursk\texact") })
        #expect(lines.contains { $0.hasSuffix("\tl’OTAN\tnato\tNATO\telided") })
        #expect(run.stderr.contains("319 occurrences"))
    }

    @Test("json: every occurrence's byte range slices the original file to its surface")
    func jsonByteRanges() throws {
        let run = CapturedIO.run(["scan", "--format", "json", "-g", Self.glossaries, Self.corpus])
        #expect(run.exitCode == .ok)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(document["version"] as? Int == 1)
        let occurrences = try #require(document["occurrences"] as? [[String: Any]])
        #expect(occurrences.count == 319)
        var files: [String: [UInt8]] = [:]
        for occurrence in occurrences {
            let path = try #require(occurrence["document"] as? String)
            let bytes = try files[path] ?? InputFiles.read(path)
            files[path] = bytes
            let start = try #require(occurrence["byteStart"] as? Int)
            let termStart = try #require(occurrence["termByteStart"] as? Int)
            let end = try #require(occurrence["byteEnd"] as? Int)
            #expect(String(decoding: bytes[start..<end], as: UTF8.self) == occurrence["surface"] as? String)
            #expect(String(decoding: bytes[termStart..<end], as: UTF8.self) == occurrence["term"] as? String)
            let position = LineIndex(bytes: bytes).position(ofByte: start)
            #expect(position.line == occurrence["line"] as? Int && position.column == occurrence["column"] as? Int)
        }
    }

    @Test("text: each occurrence with its canonical form and the line around it")
    func text() {
        let run = CapturedIO.run(["scan", "--format", "text", "-g", Self.glossaries, Self.corpus])
        #expect(run.stdout.contains("Koursk → Kursk [kursk, exact]"))
        #expect(run.stdout.contains("région russe de [Koursk], où"))
        #expect(!run.stdout.contains("\u{1B}["))
    }

    @Test("small chunks give exactly what one chunk gives")
    func chunking() throws {
        let glossary = try GlossaryLoader.load([Self.glossaries], validate: false).glossary
        let scanner = TermScanner(glossary: CompiledGlossary(concepts: glossary.concepts))
        let documents = try InputFiles.expand(Self.corpus, extensions: ["txt"])
        func output(chunk: Int) throws -> [UInt8] {
            var corpusScanner = CorpusScanner(scanner: scanner, writer: OccurrenceWriter(format: .json))
            corpusScanner.chunkBytes = chunk
            var diagnostics: [Diagnostic] = []
            var bytes: [UInt8] = []
            _ = try corpusScanner.run(documents: documents, diagnostics: &diagnostics) { bytes += $0 }
            #expect(diagnostics.isEmpty)
            return bytes
        }
        let whole = try output(chunk: 1 << 20)
        #expect(try output(chunk: 1) == whole)
        #expect(try output(chunk: 700) == whole)
    }

    @Test("a bad byte mid-document, with many chunks in flight: the chunks after it are dropped, the next document is scanned")
    func invalidUTF8WhileChunksAreInFlight() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var broken: [UInt8] = []
        for line in 1...400 {
            broken += Array("Ligne \(line) : l’OTAN et Koursk.\n".utf8)
            if line == 200 { broken += [0x4B, 0xC3, 0x28, 0x0A] }
        }
        let brokenPath = folder.appendingPathComponent("a.txt").path
        let goodPath = folder.appendingPathComponent("b.txt").path
        try Data(broken).write(to: URL(fileURLWithPath: brokenPath))
        try Data(Array("Koursk, l’OTAN.\n".utf8)).write(to: URL(fileURLWithPath: goodPath))
        let glossary = try GlossaryLoader.load([Self.glossaries], validate: false).glossary
        let scanner = TermScanner(glossary: CompiledGlossary(concepts: glossary.concepts))
        for chunk in [64, 1000, 1 << 20] {
            var corpusScanner = CorpusScanner(scanner: scanner, writer: OccurrenceWriter(format: .tsv))
            corpusScanner.chunkBytes = chunk
            var diagnostics: [Diagnostic] = []
            var bytes: [UInt8] = []
            let statistics = try corpusScanner.run(documents: [brokenPath, goodPath], diagnostics: &diagnostics) { bytes += $0 }
            let rows = String(decoding: bytes, as: UTF8.self).split(separator: "\n").dropFirst()
            let brokenRows = rows.filter { $0.hasPrefix(brokenPath) }
            // Whole chunks before the bad one are kept; with one chunk for the file, none is.
            #expect(brokenRows.allSatisfy { Int($0.split(separator: "\t")[1])! < 201 }, "chunk \(chunk)")
            #expect(chunk == 1 << 20 ? brokenRows.isEmpty : brokenRows.count > 100, "chunk \(chunk)")
            #expect(rows.filter { $0.hasPrefix(goodPath) }.count == 2, "chunk \(chunk)")
            #expect(statistics.skipped == 1)
            #expect(diagnostics.map(\.checkID) == ["invalid-utf8"])
            #expect(diagnostics.first?.location?.line == 201)
            #expect(diagnostics.first?.location?.byteOffset == broken.firstIndex(of: 0xC3))
        }
    }

    @Test("the compiled glossary is handed to keepUntilExit when the caller asks, and the output is the same")
    func keepsGlossaryUntilExit() {
        final class Kept: @unchecked Sendable {
            var objects: [AnyObject] = []
        }
        let kept = Kept()
        let capture = CapturedIO()
        var io = capture.io
        io.keepUntilExit = { kept.objects.append($0) }
        let code = AlignCommandLine.run(["scan", "-g", Self.glossaries, Self.corpus], io: io)
        #expect(code == .ok)
        #expect(kept.objects.count == 1)
        #expect(capture.stdout == CapturedIO.run(["scan", "-g", Self.glossaries, Self.corpus]).stdout)
    }

    @Test("standard input is read with -")
    func standardInput() {
        let capture = CapturedIO()
        var io = capture.io
        io.readInput = { Array("La Corée du Nord et l’OTAN.\n".utf8) }
        let code = AlignCommandLine.run(["scan", "-g", Self.glossaries, "-"], io: io)
        #expect(code == .ok)
        #expect(capture.stdout.contains("-\t1\t4\tCorée du Nord\tnorth-korea\tNorth Korea\texact"))
        #expect(capture.stdout.contains("-\t1\t21\tl’OTAN\tnato\tNATO\telided"))
    }

    @Test("invalid UTF-8: the file and byte offset are named, the other files are still scanned")
    func invalidUTF8() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("L’OTAN et Koursk.\nPuis Moscou \u{00E9}".utf8 + [0xC3, 0x28] + Array(" Kiev\n".utf8)).write(to: folder.appendingPathComponent("a.txt"))
        try Data("Koursk encore.\n".utf8).write(to: folder.appendingPathComponent("b.txt"))
        let run = CapturedIO.run(["scan", "-g", Self.glossaries, folder.path])
        #expect(run.exitCode == .dataError)
        #expect(run.stderr.contains("a.txt:2:14: error: invalid UTF-8 at byte offset 34"))
        #expect(run.stdout.contains("b.txt\t1\t1\tKoursk"))
        #expect(run.stderr.contains("--encoding latin1"))
    }

    @Test("latin1 and windows-1252 are decoded; offsets stay those of the original bytes")
    func singleByteEncodings() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let latin1 = folder.appendingPathComponent("latin1.txt")
        try Data([0x4C, 0x61, 0x20, 0x43, 0x6F, 0x72, 0xE9, 0x65, 0x20, 0x64, 0x75, 0x20, 0x4E, 0x6F, 0x72, 0x64, 0x0A]).write(to: latin1)
        let run = CapturedIO.run(["scan", "--encoding", "latin1", "--format", "json", "-g", Self.glossaries, latin1.path])
        #expect(run.exitCode == .ok)
        #expect(run.stdout.contains("\"byteStart\": 3, \"termByteStart\": 3, \"byteEnd\": 16, \"surface\": \"Corée du Nord\""))
        let cp1252 = folder.appendingPathComponent("cp1252.txt")
        try Data([0x6C, 0x92, 0x4F, 0x54, 0x41, 0x4E, 0x0A]).write(to: cp1252)
        let windows = CapturedIO.run(["scan", "--encoding", "windows-1252", "-g", Self.glossaries, cp1252.path])
        #expect(windows.stdout.contains("\t1\t1\tl’OTAN\tnato\tNATO\telided"))
        let strict = CapturedIO.run(["scan", "-g", Self.glossaries, latin1.path])
        #expect(strict.exitCode == .dataError)
    }

    @Test("binary files are skipped with a warning")
    func binaryFiles() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data([0x4B, 0x6F, 0x75, 0x72, 0x73, 0x6B, 0x00, 0x01, 0x02]).write(to: folder.appendingPathComponent("image.txt"))
        try Data("Koursk.\n".utf8).write(to: folder.appendingPathComponent("text.txt"))
        let run = CapturedIO.run(["scan", "-g", Self.glossaries, folder.path])
        #expect(run.exitCode == .ok)
        #expect(run.stderr.contains("image.txt:1:1: warning: skipped: binary file (NUL byte at byte offset 6)"))
        #expect(run.stdout.contains("text.txt\t1\t1\tKoursk"))
        #expect(!run.stdout.contains("image.txt"))
    }

    @Test("--output writes the same bytes atomically; reruns are byte-identical")
    func outputFile() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("out.tsv").path
        let first = CapturedIO.run(["scan", "-g", Self.glossaries, Self.corpus])
        let written = CapturedIO.run(["scan", "-o", target, "-g", Self.glossaries, Self.corpus])
        #expect(written.exitCode == .ok && written.stdout.isEmpty)
        #expect(String(decoding: try InputFiles.read(target), as: UTF8.self) == first.stdout)
        #expect(CapturedIO.run(["scan", "-g", Self.glossaries, Self.corpus]).stdout == first.stdout)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.tsv"])
        let intoFolder = CapturedIO.run(["scan", "-o", folder.path, "-g", Self.glossaries, Self.corpus])
        #expect(intoFolder.exitCode == .internalError)
        #expect(intoFolder.stderr.contains("is a directory"))
    }

    @Test("usage errors and missing inputs have their exit codes")
    func usage() {
        let typo = CapturedIO.run(["scan", "--fromat", "json"])
        #expect(typo.exitCode == .usage)
        #expect(typo.stderr.contains("did you mean '--format'?"))
        #expect(CapturedIO.run(["scan", "--encoding", "utf16"]).exitCode == .usage)
        let missing = CapturedIO.run(["scan", "-g", Self.glossaries, "/nonexistent/corpus"])
        #expect(missing.exitCode == .noInput)
        #expect(missing.stderr.contains("/nonexistent/corpus: no such file or directory"))
    }
}
