/// What the corpus normalizer removed from one document as boilerplate (bylines, share buttons,
/// "read also" blocks), shown in the per-document summary.
///
/// `NormalizerBoilerplateReport` fills it in through `BoilerplateReporting`; documents it did
/// not analyse have `nil` and the renderers print nothing for them.
public struct BoilerplateSummary: Sendable, Equatable, Codable {
    /// Lines removed.
    public var lines: Int
    /// UTF-8 bytes removed.
    public var bytes: Int
    /// A few of the removed lines, for a reviewer to judge.
    public var samples: [String]

    public init(lines: Int, bytes: Int, samples: [String] = []) {
        self.lines = lines
        self.bytes = bytes
        self.samples = samples
    }
}

/// The hook through which the corpus normalizer reports removed boilerplate to the report.
/// Implemented by `NormalizerBoilerplateReport`; `ReportOptions.boilerplate` holds it.
public protocol BoilerplateReporting: Sendable {
    /// What was removed from the document at `path`, or `nil` if nothing was.
    func removedBoilerplate(inDocument path: String) -> BoilerplateSummary?
}
