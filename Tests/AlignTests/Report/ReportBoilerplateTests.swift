import Foundation
import Testing

@testable import Align

/// The per-document summary of the report lists what normalize removes.
@Suite("report: boilerplate per document")
struct ReportBoilerplateTests {
    /// Removals per document in the hand-checked normalize fixture.
    static func expectedRemovals() throws -> [String: Int] {
        let text = String(decoding: try InputFiles.read(RepositoryPaths.fixtures + "/normalize/seed-removals.tsv"), as: UTF8.self)
        var counts: [String: Int] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") && !line.hasPrefix("file\t") {
            counts[String(line.split(separator: "\t")[0]), default: 0] += 1
        }
        return counts
    }

    @Test("each seed document's summary counts the removals a reader checked by hand")
    func seedCorpus() throws {
        let documents = try InputFiles.expand(RepositoryPaths.corpus + "/fr", extensions: ["txt"])
        let report = try #require(
            NormalizerBoilerplateReport.standard(documents: documents, rulesPath: RepositoryPaths.root + "/normalize/boilerplate.tsv", encoding: .utf8))
        let expected = try Self.expectedRemovals()
        #expect(expected.count == 5)
        for document in documents {
            let summary = report.removedBoilerplate(inDocument: document)
            #expect(summary?.lines == expected[URL(fileURLWithPath: document).lastPathComponent], "\(document)")
        }
        let withComments = try #require(report.removedBoilerplate(inDocument: documents[1]))
        #expect(withComments.samples.count == 3)
        #expect(withComments.samples[1] == "Milos Schmidt")
    }

    @Test("documents over the size limit and unknown documents have no summary")
    func sizeLimit() throws {
        let documents = try InputFiles.expand(RepositoryPaths.corpus + "/fr", extensions: ["txt"])
        let (segmenter, _) = SRXSegmenter.compile(BuiltInSegmentationRules.document, language: "fr")
        let rules = try BoilerplateRules.load(path: RepositoryPaths.root + "/normalize/boilerplate.tsv").rules
        var options = NormalizeOptions()
        options.terms = .off
        let normalizer = CorpusNormalizer(options: options, segmenter: segmenter, boilerplate: rules, glossary: nil)
        let small = NormalizerBoilerplateReport(documents: documents, normalizer: normalizer, encoding: .utf8, maximumBytes: 3000)
        #expect(small.removedBoilerplate(inDocument: documents[0]) == nil, "5.9 kB is over a 3,000-byte limit")
        #expect(small.removedBoilerplate(inDocument: documents[4])?.lines == 2, "2.1 kB is under it")
        #expect(small.removedBoilerplate(inDocument: "elsewhere.txt") == nil)
    }

    @Test("the text report quotes what was removed")
    func textReport() {
        let run = CapturedIO.run(["report", "-g", RepositoryPaths.glossaries, RepositoryPaths.corpus + "/fr"])
        #expect(run.stdout.contains("boilerplate removed: 6 lines (388 B): “The US Army conducts live fire testing …”, “Milos Schmidt”"))
    }
}
