import Foundation
import Testing

@testable import Align

@Suite("Exchange formats: lossless round trips")
struct ExchangeRoundTripTests {
    static let exchangeFormats: [GlossaryExchangeFormat] = [.tbx, .tbx2, .csv]

    @Test("the shipped glossary survives export and import", arguments: exchangeFormats)
    func shippedGlossary(format: GlossaryExchangeFormat) throws {
        let glossary = try ExchangeFixtures.shippedGlossary()
        #expect(glossary.concepts.count > 50)
        let (back, diagnostics) = try ExchangeFixtures.read(GlossaryExchange.export(glossary, as: format), as: format)
        #expect(diagnostics.isEmpty)
        #expect(back.concepts.count == glossary.concepts.count)
        for (original, read) in zip(glossary.concepts, back.concepts) {
            #expect(read == original)
        }
        #expect(back == glossary)
    }

    @Test("awkward content survives export and import", arguments: exchangeFormats)
    func awkwardGlossary(format: GlossaryExchangeFormat) throws {
        let glossary = ExchangeFixtures.awkwardGlossary
        let (back, diagnostics) = try ExchangeFixtures.read(GlossaryExchange.export(glossary, as: format), as: format)
        #expect(diagnostics.isEmpty)
        for (original, read) in zip(glossary.concepts, back.concepts) {
            #expect(read == original)
        }
        #expect(back == glossary)
    }

    @Test("ids that cannot be XML ids survive TBX exactly", arguments: [GlossaryExchangeFormat.tbx, .tbx2])
    func oddIDs(format: GlossaryExchangeFormat) throws {
        let glossary = ExchangeFixtures.oddIDGlossary
        let text = GlossaryExchange.export(glossary, as: format)
        let (back, diagnostics) = try ExchangeFixtures.read(text, as: format)
        #expect(diagnostics.isEmpty)
        #expect(back.concepts.map(\.id) == glossary.concepts.map(\.id))
        #expect(back == glossary)
        // XML ids stay unique and valid, and never take the id of another concept.
        let ids = text.matches(of: /(?:conceptEntry|termEntry) id="([^"]*)"/).map { String($0.1) }
        #expect(ids.count == glossary.concepts.count)
        #expect(Set(ids).count == ids.count)
        #expect(ids.allSatisfy(TBXEntry.isXMLName))
    }

    @Test("the native format as an exchange format round-trips too")
    func nativeFormat() throws {
        let glossary = try ExchangeFixtures.shippedGlossary()
        let (back, diagnostics) = try ExchangeFixtures.read(GlossaryExchange.export(glossary, as: .tsv), as: .tsv)
        #expect(diagnostics.isEmpty)
        #expect(back.concepts.map(GlossaryWriter.canonical) == glossary.concepts.map(GlossaryWriter.canonical))
    }

    @Test("output is deterministic and a second round trip changes no byte", arguments: GlossaryExchangeFormat.allCases)
    func deterministic(format: GlossaryExchangeFormat) throws {
        let glossary = try ExchangeFixtures.shippedGlossary()
        let first = GlossaryExchange.export(glossary, as: format)
        let second = GlossaryExchange.export(try ExchangeFixtures.shippedGlossary(), as: format)
        #expect(first == second)
        let (back, _) = try ExchangeFixtures.read(first, as: format)
        #expect(GlossaryExchange.export(back, as: format) == first)
    }

    @Test("an empty glossary exports and reads back empty", arguments: exchangeFormats)
    func emptyGlossary(format: GlossaryExchangeFormat) throws {
        let text = GlossaryExchange.export(Glossary(concepts: []), as: format)
        let (back, diagnostics) = try ExchangeFixtures.read(text, as: format)
        #expect(back.concepts.isEmpty)
        #expect(diagnostics.allSatisfy { $0.severity != .error })
    }
}
