import Foundation
import Testing

@testable import Align

/// Validates exports with the official schemas and real tools, and proves with known-bad files
/// that the same calls fail when they should. In CI (`CI` set) a missing tool fails these tests.
@Suite("Exchange formats: schema validation")
struct ExchangeValidationTests {
    static let jingEnabled = ExternalTool.isAvailable("jing") || ExternalTool.isCI
    static let xmllintEnabled = ExternalTool.isAvailable("xmllint") || ExternalTool.isCI
    static let translateToolkitEnabled = ExternalTool.isPythonModuleAvailable("translate") || ExternalTool.isCI

    static let invalidTBXExamples = ["bad-basic-dca.tbx", "bad-basic-dct.tbx", "bad2-basic-dct.tbx", "bad3-basic-dca.tbx"]

    /// `jing TBX-Basic.local.nvdl FILE`: core RNG, module RNGs and Schematron rules.
    static func jing(_ path: String) throws -> ExternalTool.Outcome {
        try ExternalTool.run("jing", [ExchangeFixtures.schema("tbx/ltac-v1.2.1/TBX-Basic.local.nvdl"), path])
    }

    /// `xmllint --noout --dtdvalid TBXcoreStructV02.dtd FILE`.
    static func xmllint(_ path: String) throws -> ExternalTool.Outcome {
        try ExternalTool.run("xmllint", ["--noout", "--dtdvalid", ExchangeFixtures.schema("tbx/tbx-v2/TBXcoreStructV02.dtd"), path])
    }

    /// translate-toolkit's TBX reader: the units it finds, as JSON `[[source, target], …]`.
    static func translateToolkitUnits(_ path: String) throws -> (ExternalTool.Outcome, [[String]]) {
        let script = """
            import json, sys
            from translate.storage import tbx
            store = tbx.tbxfile.parsefile(open(sys.argv[1], 'rb'))
            print(json.dumps([[u.source, u.target] for u in store.units]))
            """
        let outcome = try ExternalTool.run("python3", ["-c", script, path])
        let lastLine = outcome.output.split(separator: "\n").last.map(String.init) ?? ""
        let units = (try? JSONDecoder().decode([[String]].self, from: Data(lastLine.utf8))) ?? []
        return (outcome, units)
    }

    // MARK: TBX-Basic (2019) with jing

    @Test("TBX-Basic exports validate with jing", .enabled(if: jingEnabled), arguments: ["shipped", "awkward", "odd ids"])
    func tbxBasicValidates(glossaryName: String) throws {
        let glossary = try glossary(named: glossaryName)
        let path = try ExchangeFixtures.write(GlossaryExchange.export(glossary, as: .tbx), named: "export.tbx")
        let outcome = try Self.jing(path)
        #expect(outcome.status == 0, "jing rejected the \(glossaryName) export:\n\(outcome.output)")
    }

    @Test("jing accepts the valid TBX-Basic DCT example (positive control)", .enabled(if: jingEnabled))
    func jingPositiveControl() throws {
        let outcome = try Self.jing(ExchangeFixtures.schema("examples/minimal-basic-dct.tbx"))
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    @Test("jing rejects the invalid TBX examples (negative controls)", .enabled(if: jingEnabled), arguments: invalidTBXExamples)
    func jingNegativeControls(file: String) throws {
        let outcome = try Self.jing(ExchangeFixtures.schema("examples/invalid/" + file))
        #expect(outcome.status != 0, "jing accepted \(file):\n\(outcome.output)")
        #expect(outcome.output.contains("error"))
    }

    @Test("jing rejects a damaged export (the harness can fail on our own output)", .enabled(if: jingEnabled))
    func jingRejectsDamagedExport() throws {
        let text = GlossaryExchange.export(ExchangeFixtures.awkwardGlossary, as: .tbx)
            .replacingOccurrences(of: "preferredTerm-admn-sts", with: "favouriteTerm")
        let outcome = try Self.jing(try ExchangeFixtures.write(text, named: "damaged.tbx"))
        #expect(outcome.status != 0)
    }

    // MARK: TBX v2 (2008) with xmllint and translate-toolkit

    @Test("TBX v2 exports validate against the TBX v2 DTD", .enabled(if: xmllintEnabled), arguments: ["shipped", "awkward", "odd ids"])
    func tbxV2Validates(glossaryName: String) throws {
        let glossary = try glossary(named: glossaryName)
        let path = try ExchangeFixtures.write(GlossaryExchange.export(glossary, as: .tbx2), named: "export.tbx")
        let outcome = try Self.xmllint(path)
        #expect(outcome.status == 0, "xmllint rejected the \(glossaryName) export:\n\(outcome.output)")
    }

    @Test("xmllint accepts the valid martif example and rejects damaged TBX v2 (controls)", .enabled(if: xmllintEnabled))
    func xmllintControls() throws {
        #expect(try Self.xmllint(ExchangeFixtures.schema("examples/minimal-v2-martif.tbx")).status == 0)
        let text = GlossaryExchange.export(ExchangeFixtures.awkwardGlossary, as: .tbx2)
        // A termNote without its required type, and an element the DTD does not know.
        let untyped = text.replacingOccurrences(of: "<termNote type=\"administrativeStatus\">", with: "<termNote>")
        #expect(try Self.xmllint(try ExchangeFixtures.write(untyped, named: "untyped.tbx")).status != 0)
        let unknown = text.replacingOccurrences(of: "<tig>", with: "<tig><madeUp/>")
        #expect(try Self.xmllint(try ExchangeFixtures.write(unknown, named: "unknown.tbx")).status != 0)
        // The 2019 format is not the 2008 one.
        let basic = GlossaryExchange.export(ExchangeFixtures.awkwardGlossary, as: .tbx)
        #expect(try Self.xmllint(try ExchangeFixtures.write(basic, named: "basic.tbx")).status != 0)
    }

    @Test("translate-toolkit reads every concept of a TBX v2 export", .enabled(if: translateToolkitEnabled), arguments: ["shipped", "awkward"])
    func translateToolkitReads(glossaryName: String) throws {
        let glossary = try glossary(named: glossaryName)
        let path = try ExchangeFixtures.write(GlossaryExchange.export(glossary, as: .tbx2), named: "export.tbx")
        let (outcome, units) = try Self.translateToolkitUnits(path)
        #expect(outcome.status == 0, "\(outcome.output)")
        // translate-toolkit makes one unit per termEntry: its source is the first term of the first
        // language set (our preferred French form), its target the first term of the second (English).
        #expect(units.count == glossary.concepts.count)
        #expect(units.map { $0.first ?? "" } == glossary.concepts.map(\.preferredFrench))
        #expect(units.map { $0.last ?? "" } == glossary.concepts.map(\.english))
    }

    @Test("translate-toolkit refuses a TBX 2019 file (negative control)", .enabled(if: translateToolkitEnabled))
    func translateToolkitNegativeControl() throws {
        let path = try ExchangeFixtures.write(GlossaryExchange.export(ExchangeFixtures.awkwardGlossary, as: .tbx), named: "basic.tbx")
        let (outcome, units) = try Self.translateToolkitUnits(path)
        #expect(outcome.status != 0)
        #expect(units.isEmpty)
        // It failed on the root element, not because translate-toolkit is missing.
        #expect(outcome.output.contains("AssertionError"), "\(outcome.output)")
    }

    private func glossary(named name: String) throws -> Glossary {
        switch name {
        case "shipped": try ExchangeFixtures.shippedGlossary()
        case "awkward": ExchangeFixtures.awkwardGlossary
        default: ExchangeFixtures.oddIDGlossary
        }
    }
}
