import Foundation

/// What `aligncli normalize` would leave out of each document (boilerplate, repeated lines,
/// foreign lines), for the per-document summary of `aligncli report`.
///
/// Only documents up to `maximumBytes` are analysed: the report must stay close to the cost of
/// a scan, and boilerplate is a property of web articles, not of 50 MB books. Larger documents
/// simply have no summary.
public struct NormalizerBoilerplateReport: BoilerplateReporting {
    /// Documents larger than this are not analysed.
    public static let defaultMaximumBytes = 1 << 20
    /// How many removed lines a summary quotes.
    static let sampleCount = 3

    let summaries: [String: BoilerplateSummary]

    /// Analyses `documents` with `normalizer` (whose term annotation is irrelevant here).
    public init(documents: [String], normalizer: CorpusNormalizer, encoding: TextEncoding, maximumBytes: Int = defaultMaximumBytes) {
        var summaries: [String: BoilerplateSummary] = [:]
        for path in documents where path != "-" {
            guard let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int, size <= maximumBytes,
                let bytes = try? InputFiles.read(path), let text = try? DocumentText(bytes: bytes, encoding: encoding)
            else { continue }
            let removals = normalizer.normalize(text, path: path).removals
            guard !removals.isEmpty else { continue }
            summaries[path] = BoilerplateSummary(
                lines: removals.count, bytes: removals.reduce(0) { $0 + $1.original.count },
                samples: removals.prefix(Self.sampleCount).map(\.text))
        }
        self.summaries = summaries
    }

    /// The report for `documents` with the rules file at `rulesPath` and the built-in French
    /// segmentation, or `nil` when there is no rules file to apply.
    public static func standard(documents: [String], rulesPath: String = "normalize/boilerplate.tsv", encoding: TextEncoding) -> NormalizerBoilerplateReport? {
        guard FileManager.default.fileExists(atPath: rulesPath), let loaded = try? BoilerplateRules.load(path: rulesPath) else { return nil }
        var options = NormalizeOptions()
        options.terms = .off
        let (segmenter, _) = SRXSegmenter.compile(BuiltInSegmentationRules.document, language: options.language)
        let normalizer = CorpusNormalizer(options: options, segmenter: segmenter, boilerplate: loaded.rules, glossary: nil)
        return NormalizerBoilerplateReport(documents: documents, normalizer: normalizer, encoding: encoding)
    }

    public func removedBoilerplate(inDocument path: String) -> BoilerplateSummary? { summaries[path] }
}
