import Testing

@testable import Align

/// `scan` parses with `.errorsOnly`: it must stop on exactly the errors a full parse finds and
/// match with exactly the same concepts.
@Suite("Glossary parsing for errors only")
struct ErrorsOnlyParseTests {
    @Test("the same concepts and errors as a full parse, in one pass or in parts", arguments: [nil, 3] as [Int?])
    func sameConceptsAndErrors(parts: Int?) {
        for seed in 1...8 as ClosedRange<UInt64> {
            let bytes = ParallelParseTests.randomGlossary(rows: 40 * Int(seed), seed: seed * 7, trailingNewline: seed % 2 == 0)
            let parallelBytes = parts == nil ? Int.max : 1
            let full = GlossaryParser.parse(bytes, path: "g.tsv", detail: .full, parallelBytes: parallelBytes, parts: parts)
            let lean = GlossaryParser.parse(bytes, path: "g.tsv", detail: .errorsOnly, parallelBytes: parallelBytes, parts: parts)
            let fullErrors = full.diagnostics.filter { $0.severity == .error }
            #expect(!fullErrors.isEmpty, "seed \(seed): the generator makes errors")
            #expect(lean.diagnostics.filter { $0.severity == .error } == fullErrors, "seed \(seed)")
            #expect(lean.diagnostics.allSatisfy { full.diagnostics.contains($0) }, "seed \(seed): nothing a full parse does not say")
            #expect(lean.document.concepts == full.document.concepts, "seed \(seed)")
            #expect(lean.document.concepts.map(\.id) == full.document.concepts.map(\.id))
            #expect(lean.document.concepts.allSatisfy { $0.origin == nil })
            #expect(full.document.concepts.allSatisfy { $0.origin != nil })
        }
    }

    @Test("the loader parses for errors only when asked, and fully whenever it validates")
    func loaderDetail() throws {
        let shipped = try GlossaryLoader.load([RepositoryPaths.glossaries], validate: false)
        let lean = try GlossaryLoader.load([RepositoryPaths.glossaries], validate: false, detail: .errorsOnly)
        let validated = try GlossaryLoader.load([RepositoryPaths.glossaries], validate: true, detail: .errorsOnly)
        #expect(!shipped.glossary.concepts.isEmpty)
        #expect(lean.glossary.concepts == shipped.glossary.concepts)
        #expect(lean.glossary.concepts.allSatisfy { $0.origin == nil })
        #expect(validated.glossary.concepts.allSatisfy { $0.origin != nil })
        #expect(lean.diagnostics.filter { $0.severity == .error } == shipped.diagnostics.filter { $0.severity == .error })
    }

    @Test("warnings that cost work on every row are left out")
    func warningsLeftOut() {
        let bytes = ParallelParseTests.randomGlossary(rows: 300, seed: 1, trailingNewline: true)
        let full = GlossaryParser.parse(bytes, path: "g.tsv", detail: .full)
        let lean = GlossaryParser.parse(bytes, path: "g.tsv", detail: .errorsOnly)
        for check in ["mixed-apostrophes", "not-nfc"] {
            #expect(full.diagnostics.contains { $0.checkID == check })
            #expect(!lean.diagnostics.contains { $0.checkID == check })
        }
    }
}
