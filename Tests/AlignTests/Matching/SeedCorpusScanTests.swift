import Foundation
import Testing

@testable import Align

/// The scanner against the occurrences a careful reader found in the five seed articles
/// (Fixtures/scan/seed-occurrences.tsv, made by reading the texts; see its README).
@Suite("Seed corpus occurrences")
struct SeedCorpusScanTests {
    struct Row: Hashable, CustomStringConvertible {
        var document: String
        var line: Int
        var column: Int
        var surface: String
        var id: String
        var description: String { "\(document)\t\(line)\t\(column)\t\(surface)\t\(id)" }
    }

    static func expected() throws -> [Row] {
        let text = String(decoding: try InputFiles.read(RepositoryPaths.fixtures + "/scan/seed-occurrences.tsv"), as: UTF8.self)
        return text.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Row(document: cells[0], line: Int(cells[1])!, column: Int(cells[2])!, surface: cells[3], id: cells[4])
        }
    }

    static func found() throws -> [Row] {
        let glossary = try GlossaryLoader.load([RepositoryPaths.glossaries], validate: false).glossary
        let scanner = TermScanner(glossary: CompiledGlossary(concepts: glossary.concepts))
        var rows: [Row] = []
        for file in try InputFiles.expand(RepositoryPaths.corpus + "/fr", extensions: ["txt"]) {
            let bytes = try InputFiles.read(file)
            let index = LineIndex(bytes: bytes)
            for match in scanner.scan(String(decoding: bytes, as: UTF8.self)) {
                let concept = glossary.concepts[Int(scanner.glossary.entries[Int(match.entry)].conceptIndex)]
                let position = index.position(ofByte: match.termStart)
                rows.append(
                    Row(
                        document: URL(fileURLWithPath: file).lastPathComponent, line: position.line, column: position.column,
                        surface: String(decoding: bytes[match.termStart..<match.end], as: UTF8.self), id: concept.id))
            }
        }
        return rows
    }

    @Test("every occurrence a reader found, and nothing else")
    func matchesTheHandCheckedFixture() throws {
        let expected = try Self.expected()
        let found = try Self.found()
        #expect(expected.count > 300)
        let missing = expected.filter { !found.contains($0) }
        let extra = found.filter { !expected.contains($0) }
        #expect(missing.isEmpty, "missed:\n\(missing.map(\.description).joined(separator: "\n"))")
        #expect(extra.isEmpty, "not in the fixture:\n\(extra.map(\.description).joined(separator: "\n"))")
    }
}
