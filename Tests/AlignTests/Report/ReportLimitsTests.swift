import Foundation
import Testing

@testable import Align

/// What keeps the report bounded and open to the normalizer: the HTML text limits, the evidence
/// limit, and the boilerplate hook.
@Suite("report limits and hooks")
struct ReportLimitsTests {
    static func documents() throws -> [ReportDocument] {
        try ReportDocument.expand([ReportFixtures.corpus])
    }

    static func glossary() throws -> Glossary {
        try GlossaryLoader.load([ReportFixtures.glossary], validate: false).glossary
    }

    @Test("fingerprint keys are paths below the folder given, or the file name")
    func documentKeys() throws {
        #expect(try Self.documents().map(\.key) == ["a.txt", "b.txt"])
        #expect(try ReportDocument.expand([ReportFixtures.corpus + "/b.txt"]).map(\.key) == ["b.txt"])
        #expect(try ReportDocument.expand([ReportFixtures.root]).map(\.key) == ["corpus/a.txt", "corpus/b.txt"])
        #expect(try ReportDocument.expand(["-"]).map(\.key) == ["-"])
    }

    @Test("the HTML view keeps the text of documents within the limits only")
    func textLimits() throws {
        var options = ReportOptions()
        options.keepsDocumentText = true
        options.documentTextLimit = 250
        let report = try ReportBuilder(options: options).build(glossary: try Self.glossary(), glossaryFiles: [], documents: try Self.documents())
        #expect(report.texts[0] == nil, "a.txt has 308 bytes")
        #expect(report.texts[1].map { String(decoding: $0.bytes, as: UTF8.self) } == (try String(contentsOfFile: ReportFixtures.corpus + "/b.txt", encoding: .utf8)))
        let html = HTMLReportWriter().render(report)
        #expect(html.components(separatedBy: "Text not included").count == 2)
        #expect(html.contains("<p id=\"d1-l1\" data-line=\"1\">"))
        options.documentTextLimit = 1 << 20
        options.totalTextLimit = 400
        let total = try ReportBuilder(options: options).build(glossary: try Self.glossary(), glossaryFiles: [], documents: try Self.documents())
        #expect(total.texts.keys.sorted() == [0], "b.txt would pass the total limit")
    }

    @Test("marks in the kept text cover exactly the terms")
    func marks() throws {
        var options = ReportOptions()
        options.keepsDocumentText = true
        let report = try ReportBuilder(options: options).build(glossary: try Self.glossary(), glossaryFiles: [], documents: try Self.documents())
        let text = try #require(report.texts[1])
        let surfaces = text.marks.map { String(decoding: text.bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(surfaces == ["Kim Jong Un", "Kyiv", "Volodimyr Zelensky", "Otan", "nord-coréennes", "Koursk"])
        let candidates = text.candidateMarks.map { String(decoding: text.bytes[$0.start..<$0.end], as: UTF8.self) }
        #expect(candidates == ["Kremlin", "MAISON BLANCHE"])
    }

    @Test("evidence is bounded: at most evidencePerFinding occurrences per finding")
    func evidenceLimit() throws {
        let glossary = [Concept(id: "atacms", english: "ATACMS", french: ["ATACMS"], frenchAvoid: ["ATACM"])]
        let text = (1...12).map { "Ligne \($0) : des missiles ATACM." }.joined(separator: "\n")
        let report = try ReportFixtures.report(glossary, documents: [text])
        let finding = try #require(report.findings.first { $0.check == AvoidedTermCheck.descriptor.id })
        #expect(finding.occurrences == 12)
        #expect(finding.evidence.map(\.location.line) == [1, 2, 3, 4, 5])
        #expect(finding.message.hasSuffix(", 12 occurrences in this document"))
    }

    struct FakeNormalizer: BoilerplateReporting {
        func removedBoilerplate(inDocument path: String) -> BoilerplateSummary? {
            path.hasSuffix("b.txt") ? BoilerplateSummary(lines: 3, bytes: 120, samples: ["Lire aussi"]) : nil
        }
    }

    @Test("LATER hook: what the normalizer removed shows in each format")
    func boilerplateHook() throws {
        var options = ReportOptions()
        options.boilerplate = FakeNormalizer()
        let report = try ReportBuilder(options: options).build(glossary: try Self.glossary(), glossaryFiles: [], documents: try Self.documents())
        #expect(report.documents.map(\.boilerplate) == [nil, BoilerplateSummary(lines: 3, bytes: 120, samples: ["Lire aussi"])])
        #expect(ReportFormat.text.render(report).contains("boilerplate removed: 3 lines (120 B)"))
        #expect(ReportFormat.json.render(report).contains("\"samples\" : [\n"))
        #expect(ReportFormat.markdown.render(report).contains("Boilerplate removed: 3 lines (120 B)."))
        #expect(ReportFormat.html.render(report).contains("boilerplate removed: 3 lines (120 B)"))
    }
}
