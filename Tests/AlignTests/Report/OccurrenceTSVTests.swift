import Foundation
import Testing

@testable import Align

/// `scan --format tsv` writes through a raw-buffer fast path; it must give the bytes of the
/// general writer, escapes included (tab, CR, LF and backslash in paths, ids, English forms).
@Suite("TSV occurrence writer")
struct OccurrenceTSVTests {
    @Test("the fast path writes the general path's bytes")
    func fastPathAgrees() throws {
        var generator = SeededGenerator(seed: 42)
        let englishForms = ["NATO", "Kursk\\Oblast", "tab\there", "new\nline", "carriage\rreturn", "Kim Jong Un", ""]
        var concepts: [Concept] = []
        for index in 0..<40 {
            var concept = Concept(id: "c-\(index)", english: englishForms[index % englishForms.count], french: ["Mot\(index)", "mot\(index)s"])
            if index % 7 == 3 { concept.frenchAvoid = ["Évité\(index)"] }
            concepts.append(concept)
        }
        let glossary = CompiledGlossary(concepts: concepts)
        var text = ""
        for line in 0..<300 {
            // Long lines too: line and column numbers of several digits.
            let words = (0..<Int.random(in: 0...40, using: &generator)).map { _ -> String in
                let index = Int.random(in: 0..<40, using: &generator)
                return ["Mot\(index)", "mot\(index)s", "Évité\(index)", "l’Mot\(index)", "autre\\mot", "é", "Mott\(index)x"].randomElement(using: &generator)!
            }
            text += words.joined(separator: line % 5 == 0 ? "\t" : " ") + "\n"
        }
        let bytes = Array(text.utf8)
        let matches = bytes.withUnsafeBufferPointer { TermScanner(glossary: glossary).scan($0[...], firstLine: 1) }
        #expect(matches.count > 1000)
        #expect(matches.contains { $0.line > 99 && $0.column > 99 })
        let chunk = DocumentChunk(document: 0, bytes: bytes, originalOffset: 0, firstLine: 1, isSingleByte: false, needsValidation: false)
        for document in ["corpus/a.txt", "odd\tname\\with\nescapes.txt"] {
            let general = OccurrenceWriter(format: .tsv).format(matches, in: chunk, document: document, glossary: glossary)
            let prepared = OccurrenceWriter(format: .tsv).prepared(for: glossary)
            #expect(prepared.labels != nil)
            let fast = prepared.format(matches, in: chunk, document: document, glossary: glossary)
            #expect(fast == general)
            #expect(String(decoding: fast, as: UTF8.self).split(separator: "\n").count == matches.count)
        }
        #expect(OccurrenceWriter(format: .tsv).prepared(for: glossary).format([], in: chunk, document: "a", glossary: glossary).isEmpty)
    }

    @Test("labels are copied whole only when no byte needs escaping, at any position and length")
    func escapingTestAgreesWithBytes() {
        var generator = SeededGenerator(seed: 7)
        let alphabet: [UInt8] = [0x61, 0x20, 0xC3, 0xA9, 0x09, 0x0A, 0x0D, 0x5C, 0x08, 0x0B, 0x5B, 0x7C]
        for length in 0..<40 {
            for _ in 0..<50 {
                // Mostly plain letters, so that one special byte lands anywhere in a block.
                let bytes = (0..<length).map { _ in Int.random(in: 0..<6, using: &generator) == 0 ? alphabet.randomElement(using: &generator)! : 0x61 }
                let expected = bytes.contains { [0x09, 0x0A, 0x0D, 0x5C].contains($0) }
                #expect(bytes.withUnsafeBufferPointer { OccurrenceLabels.needsEscaping($0) } == expected, "\(bytes)")
            }
        }
    }

    @Test("numbers of every width are written in full")
    func numbers() {
        var buffer = [UInt8](repeating: 0, count: 32)
        for value in [0, 9, 10, 99, 100, 12_345, 999_999_999, Int.max] {
            let written = buffer.withUnsafeMutableBufferPointer { OccurrenceWriter.writeNumber(value, to: $0.baseAddress!) - $0.baseAddress! }
            #expect(String(decoding: buffer[..<written], as: UTF8.self) == String(value))
        }
    }
}
