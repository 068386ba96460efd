import Foundation
import Testing

@testable import Align

/// Generated from the registry, as SwiftLint does with its rule examples: every check in
/// `GlossaryChecks.all` has a fixture that triggers it at known places and a near miss that
/// must not, and every check is documented.
@Suite("Validation checks: trigger and near miss for each registered check")
struct GlossaryCheckTests {
    static let checkIDs = GlossaryChecks.all.map(\.id)

    /// Validates the fixture of `kind` for `id`, alone in a scratch folder, as `aligncli validate` would.
    static func validate(_ kind: GlossaryFixtures.Kind, _ id: String) throws -> (file: String, run: ValidateRun) {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = try GlossaryFixtures.install(kind, id, in: scratch)
        return (file, try ValidateRun([scratch.path]))
    }

    @Test("every registered check has both fixtures, and every fixture names a registered check")
    func fixturesCoverTheRegistry() throws {
        let ids = Set(Self.checkIDs)
        #expect(ids.count == Self.checkIDs.count, "check ids are unique")
        let generated = Set(GlossaryFixtures.generated.keys)
        for kind in GlossaryFixtures.Kind.allCases {
            let committed = Set(try GlossaryFixtures.committedIDs(kind))
            #expect(committed.isDisjoint(with: generated), "\(kind): a check is both committed and generated")
            #expect(committed.union(generated) == ids, "\(kind): fixtures \(committed.union(generated).symmetricDifference(ids))")
        }
        #expect(Set(try GlossaryFixtures.sidecarIDs()) == Set(try GlossaryFixtures.committedIDs(.triggers)))
        #expect(GlossaryFixtures.beforeResidenceAccent + "é" + GlossaryFixtures.afterResidenceAccent == GlossaryFixtures.base)
    }

    @Test("the trigger fixture produces the check at the expected places", arguments: checkIDs)
    func triggerFixtureTriggersTheCheck(_ id: String) throws {
        let descriptor = try #require(GlossaryChecks.descriptor(id))
        let expected = try GlossaryFixtures.expectedPlaces(id)
        try #require(!expected.isEmpty, "\(id): the trigger fixture must expect at least one diagnostic")
        let (file, run) = try Self.validate(.triggers, id)
        #expect(run.places(id) == expected.sorted().map(Optional.some), "\(id)")
        for diagnostic in run.of(id) {
            #expect(diagnostic.severity == descriptor.defaultSeverity, "\(id): \(diagnostic.message)")
            #expect(diagnostic.location?.file == file)
            #expect(!diagnostic.message.isEmpty && !diagnostic.message.hasSuffix("."), "\(id): '\(diagnostic.message)'")
        }
        let errors = run.diagnostics.contains { $0.severity == .error }
        #expect(run.exitCode == (errors ? .findings : .ok))
    }

    @Test("the near-miss fixture is a clean glossary", arguments: checkIDs)
    func nearMissDoesNotTriggerTheCheck(_ id: String) throws {
        let (_, run) = try Self.validate(.clean, id)
        #expect(run.of(id).isEmpty, "\(id) fired on its near miss: \(run.of(id).map(\.message))")
        #expect(run.diagnostics.isEmpty, "\(id): near miss reports \(run.diagnostics.map { "\($0.checkID): \($0.message)" })")
        #expect(run.exitCode == .ok)
    }

    @Test("every check is documented in glossaries/README.md with its severity and summary")
    func everyCheckIsDocumented() throws {
        let readme = String(decoding: try InputFiles.read(RepositoryPaths.glossaries + "/README.md"), as: UTF8.self)
        let heading = try #require(readme.range(of: "\n## Checks of `aligncli validate`\n"), "README has no checks section")
        var section = readme[heading.upperBound...]
        if let next = section.range(of: "\n## ") { section = section[..<next.lowerBound] }
        var documented: [(id: String, severity: String, summary: String)] = []
        for line in section.split(separator: "\n") where line.hasPrefix("| `") {
            // Split on `|` that are not escaped as `\|`.
            let cells = line.replacingOccurrences(of: "\\|", with: "\u{0}").split(separator: "|")
                .map { $0.replacingOccurrences(of: "\u{0}", with: "|").trimmingCharacters(in: .whitespaces) }
            try #require(cells.count == 3, "malformed row: \(line)")
            documented.append((String(cells[0].dropFirst().dropLast()), cells[1], cells[2]))
        }
        #expect(documented.map(\.id) == Self.checkIDs, "the table lists the registry, in its order")
        for descriptor in GlossaryChecks.all {
            let row = try #require(documented.first { $0.id == descriptor.id }, "\(descriptor.id) is not documented")
            #expect(row.severity == descriptor.defaultSeverity.rawValue, "\(descriptor.id)")
            #expect(row.summary == descriptor.summary, "\(descriptor.id)")
        }
    }

    @Test("duplicate ids are found across files, and a file named twice is read once")
    func duplicateIDsAcrossFiles() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let first = try scratch.write("# align-glossary 1\nid\ten\tfr\njoe-biden\tJoe Biden\tJoe Biden\n", to: "a-people.tsv")
        let second = try scratch.write(
            "# align-glossary 1\n# more people\nid\ten\tfr\ndonald-trump\tDonald Trump\tDonald Trump\njoe-biden\tBiden\tBiden\n",
            to: "b-people.tsv")
        let run = try ValidateRun([scratch.path])
        let duplicate = try #require(run.of("duplicate-id").first)
        #expect(run.of("duplicate-id").count == 1)
        #expect(duplicate.location == Align.SourceLocation(file: second, line: 5, column: 1))
        #expect(duplicate.notes.map(\.location) == [Align.SourceLocation(file: first, line: 3, column: 1)])
        #expect(run.exitCode == .findings)

        // The folder and one of its files: still one duplicate, not one per concept of that file.
        let twice = try ValidateRun([scratch.path, first, scratch.path + "/./a-people.tsv"])
        #expect(twice.of("duplicate-id").count == 1)
        #expect(twice.stderr.contains("in 2 files"))
    }

    // MARK: offsets with multibyte text

    /// Checks whose diagnostics point into a cell of the header or of a row.
    static let cellChecks = [
        "unknown-column", "duplicate-column", "field-count", "empty-field", "empty-form", "whitespace",
        "control-character", "not-nfc", "mixed-apostrophes", "invalid-id", "unknown-flag", "duplicate-id",
        "conflicting-form", "avoided-canonical", "duplicate-form", "redundant-form", "contained-form",
        "shadowed-form", "inflection-conflict", "example-not-matched", "counterexample-matched",
    ]
    /// A first column whose name and cells hold multibyte text: every cell after it moves right
    /// by the code points inserted, not by the bytes.
    static let headerPrefix = "remarque—é\t"
    static let rowPrefix = "éœ’—\t"

    /// `text` with a first column inserted, and how far each line moved, in code points.
    static func withLeadingColumn(_ text: String) -> (text: String, shift: [Int: Int]) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var shift: [Int: Int] = [:]
        var sawHeader = false
        for index in lines.indices {
            let line = lines[index]
            if line.hasPrefix("#") || line.allSatisfy({ $0 == " " || $0 == "\t" }) { continue }
            let prefix = sawHeader ? rowPrefix : headerPrefix
            sawHeader = true
            lines[index] = prefix + line
            shift[index + 1] = prefix.unicodeScalars.count
        }
        return (lines.joined(separator: "\n"), shift)
    }

    @Test("columns count code points: multibyte text before the cell moves them by code points", arguments: cellChecks)
    func multibyteTextBeforeTheCell(_ id: String) throws {
        #expect(Self.rowPrefix.utf8.count != Self.rowPrefix.unicodeScalars.count)
        #expect(Self.headerPrefix.utf8.count != Self.headerPrefix.unicodeScalars.count)
        let original = String(decoding: try InputFiles.read(GlossaryFixtures.committedPath(.triggers, id)), as: UTF8.self)
        let (shifted, shift) = Self.withLeadingColumn(original)
        let expected = try GlossaryFixtures.expectedPlaces(id).map { place in
            Place(place.line, place.column + (shift[place.line] ?? 0))
        }
        #expect(expected != (try GlossaryFixtures.expectedPlaces(id)), "\(id): the inserted column must move something")
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = try scratch.write(shifted, to: id + ".tsv")
        let run = try ValidateRun([file])
        #expect(run.places(id) == expected.sorted().map(Optional.some), "\(id)")
    }

    @Test("an invalid byte after multibyte text: column in code points, offset in bytes")
    func invalidByteAfterMultibyteText() throws {
        let prefix = "# align-glossary 1\nid\ten\tfr\tnote\nœuvre\tœuvre—é\tœuvre ’—é\t"
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = try scratch.write(Array(prefix.utf8) + [0xE9] + Array("crit\n".utf8), to: "latin1.tsv")
        let run = try ValidateRun([file])
        let bad = try #require(run.of("invalid-utf8").first)
        let lineStart = "# align-glossary 1\nid\ten\tfr\tnote\n".utf8.count
        let column = "œuvre\tœuvre—é\tœuvre ’—é\t".unicodeScalars.count + 1
        #expect(bad.location.map(Place.init) == Place(3, column))
        #expect(column == 25)
        #expect(bad.location?.byteOffset == prefix.utf8.count)
        #expect(prefix.utf8.count == lineStart + 35)
        #expect(bad.message.contains("byte offset \(prefix.utf8.count)"))
    }

    @Test("every apostrophe kind is found in forms and English, at its column, after multibyte text")
    func everyApostropheKind() throws {
        // U+2019 is the file's usual apostrophe (most uses); each other kind is reported where it
        // stands. Forms and the English column count; the note does not.
        let others: [Unicode.Scalar] = ["\u{27}", "\u{2018}", "\u{2BC}", "\u{B4}", "\u{2032}", "\u{FF07}"]
        var rows = ["# align-glossary 1", "id\ten\tfr\tfr_avoid\tnote"]
        for (index, other) in others.enumerated() {
            rows.append("c\(index)\tœ—é\u{2019}s \(other)x\tÉté\u{2019}a | ǣ\u{2019}œ\(other)b\tl\u{2019}é\(other)\tl\(other)n")
        }
        var expected: [Place] = []
        for (lineIndex, row) in rows.enumerated() where lineIndex >= 2 {
            let other = others[lineIndex - 2]
            let cells = row.split(separator: "\t", omittingEmptySubsequences: false)
            var column = 1
            for (cellIndex, cell) in cells.enumerated() {
                if cellIndex != 4 {
                    for (offset, scalar) in cell.unicodeScalars.enumerated() where scalar == other { expected.append(Place(lineIndex + 1, column + offset)) }
                }
                column += cell.unicodeScalars.count + 1
            }
        }
        #expect(expected.count == 3 * others.count)
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let file = try scratch.write(rows.joined(separator: "\n") + "\n", to: "apostrophes.tsv")
        let run = try ValidateRun([file])
        #expect(run.places("mixed-apostrophes") == expected.sorted().map(Optional.some))
        #expect(run.of("mixed-apostrophes").allSatisfy { $0.message.contains("U+2019") })
    }
}
