import Foundation
import Testing

@testable import Align

/// Large glossaries are parsed in parts, one per core. Whatever the cut, the parts joined must
/// give exactly what one pass gives: concepts, lines (row indexes included), diagnostics in the
/// same order with the same places, and the mixed-apostrophe report across the whole file.
@Suite("Glossary parsing in parts")
struct ParallelParseTests {
    /// A glossary of `rows` random lines: good rows, comments, blank lines and every kind of
    /// row-level problem the parser reports.
    static func randomGlossary(rows: Int, seed: UInt64, trailingNewline: Bool) -> [UInt8] {
        var generator = SeededGenerator(seed: seed)
        let words = ["Koursk", "l'OTAN", "l’OTAN", "Kim Jong-un", "missile à longue portée", "ÉTATS-UNIS", "Corée du Nord", "d’ATACMS", "x"]
        var out = Array("# align-glossary 1\n# a comment before the header\nid\ten\tfr\tfr_avoid\tflags\tnote\n".utf8)
        for index in 0..<rows {
            let roll = Int.random(in: 0..<100, using: &generator)
            let french = (0..<Int.random(in: 1...3, using: &generator)).map { _ in words.randomElement(using: &generator)! }.joined(separator: "|")
            var line: [UInt8]
            switch roll {
            case 0..<60: line = Array("term-\(index)\tTerm \(index)\t\(french)\t\t\tnote \(index)".utf8)
            case 60..<66: line = Array("# comment \(index)".utf8)
            case 66..<70: line = []
            case 70..<73: line = Array("term-\(index)\tTerm\t\(french)".utf8)  // field-count
            case 73..<76: line = Array("Bad_ID\tTerm\t\(french)\t\t\t".utf8)  // invalid-id
            case 76..<79: line = Array("term-\(index)\tTerm\t\(french)\t\tcase,bogus\t".utf8)  // unknown-flag
            case 79..<82: line = Array("term-\(index)\tTerm  doubled\t\(french)||\t\t\t".utf8)  // whitespace, empty-form
            case 82..<85: line = Array("term-\(index)\t\t\t\t\t".utf8)  // empty-field
            case 85..<88: line = Array("term-\(index)\tTerm\tCor".utf8) + [0xC3, 0x28] + Array("e\t\t\t".utf8)  // invalid-utf8
            case 88..<91: line = Array("term-\(index)\tTerm\tcafe\u{301}\t\t\t".utf8)  // not-nfc
            default: line = Array("term-\(index)\tTerm \(index)\t \(french) \t\texact\t".utf8)
            }
            out += line
            if index < rows - 1 || trailingNewline { out.append(0x0A) }
        }
        return out
    }

    static func describe(_ result: GlossaryParser.Result) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let concepts = String(decoding: try encoder.encode(result.document.concepts), as: UTF8.self)
        let document = result.document
        return "\(document.lines)\n\(concepts)\n\(document.header) \(document.isRewritable) \(document.hasCRLF) \(document.version ?? -1)"
    }

    @Test("any number of parts gives what one pass gives", arguments: [2, 3, 5, 8])
    func partsAgree(parts: Int) throws {
        for seed in 1...6 as ClosedRange<UInt64> {
            let rows = [0, 1, 2, 7, 40, 300][Int(seed - 1)]
            for trailingNewline in [true, false] {
                let bytes = Self.randomGlossary(rows: rows, seed: seed * 31 + UInt64(parts), trailingNewline: trailingNewline)
                let serial = GlossaryParser.parse(bytes, path: "g.tsv", parallelBytes: .max)
                let parallel = GlossaryParser.parse(bytes, path: "g.tsv", parallelBytes: 1, parts: parts)
                #expect(parallel.diagnostics == serial.diagnostics, "seed \(seed), \(rows) rows")
                #expect(try Self.describe(parallel) == Self.describe(serial), "seed \(seed), \(rows) rows")
            }
        }
    }

    @Test("the random glossaries exercise the problems the parts must report in order")
    func generatorCoversProblems() {
        let bytes = Self.randomGlossary(rows: 300, seed: 1, trailingNewline: true)
        let result = GlossaryParser.parse(bytes, path: "g.tsv", parallelBytes: 1, parts: 3)
        let checks = Set(result.diagnostics.map(\.checkID))
        for check in ["field-count", "invalid-id", "unknown-flag", "whitespace", "empty-form", "empty-field", "invalid-utf8", "not-nfc", "mixed-apostrophes"] {
            #expect(checks.contains(check), "\(check) missing")
        }
        #expect(result.document.concepts.count > 150)
    }

    @Test("files with CR line ends are read in one pass, with one line-endings warning")
    func crlfStaysSerial() {
        let text = String(decoding: Self.randomGlossary(rows: 200, seed: 9, trailingNewline: true), as: UTF8.self)
        let bytes = Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let parallel = GlossaryParser.parse(bytes, path: "g.tsv", parallelBytes: 1, parts: 4)
        let serial = GlossaryParser.parse(bytes, path: "g.tsv", parallelBytes: .max)
        #expect(parallel.diagnostics == serial.diagnostics)
        #expect(parallel.diagnostics.count { $0.checkID == "line-endings" } == 1)
    }
}
