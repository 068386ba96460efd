import Foundation
import Testing

@testable import Align

/// The parser checks cells eight bytes at a time while they are plain; whatever the position of
/// a control character or of two spaces (inside a block, across two blocks, in the tail), it must
/// report what a character-by-character reading reports.
@Suite("Cell hygiene")
struct CellHygieneTests {
    /// What a plain reading of `cell` (starting at `column`) reports: each refused character, and
    /// the first of two spaces in a row (once per cell), in order.
    static func expected(_ cell: String, column: Int) -> [String] {
        var found: [String] = []
        var previousWasSpace = false
        var reportedDouble = false
        for (offset, scalar) in cell.unicodeScalars.enumerated() {
            if scalar.isRefusedInGlossary { found.append("control-character@\(column + offset)") }
            if scalar == " ", previousWasSpace, !reportedDouble {
                found.append("whitespace@\(column + offset - 1)")
                reportedDouble = true
            }
            previousWasSpace = scalar == " "
        }
        return found
    }

    @Test("random cells: control characters and doubled spaces at their columns")
    func randomCells() {
        var generator = SeededGenerator(seed: 2026)
        let pieces = ["a", "b", "Z", " ", " ", "é", "\u{1}", "\u{7F}", "\u{85}", "’", "-", "1", "\u{FFFE}", "ab cd", "  "]
        for row in 0..<400 {
            let length = Int.random(in: 0..<40, using: &generator)
            // Starts and ends with a letter: trimming has nothing to report.
            let cell = "x" + (0..<length).map { _ in pieces.randomElement(using: &generator)! }.joined() + "y"
            let prefix = "id-\(row)\tEnglish\tforme\t"
            let text = "# align-glossary 1\nid\ten\tfr\tnote\n\(prefix)\(cell)\n"
            let result = GlossaryParser.parse(Array(text.utf8), path: "g.tsv")
            let found = result.diagnostics.filter { ["control-character", "whitespace"].contains($0.checkID) }
                .map { "\($0.checkID)@\($0.location?.column ?? 0)" }
            #expect(found == Self.expected(cell, column: prefix.unicodeScalars.count + 1), "cell \(cell.debugDescription)")
        }
    }
}
