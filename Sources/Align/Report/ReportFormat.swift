/// Output formats of `aligncli report`.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// For a terminal: findings as `path:line:col: severity: message [check]`, then the summaries.
    case text
    /// The same for a pull request comment or a wiki page.
    case markdown
    /// The versioned `align-report` document (docs/report.md).
    case json
    /// SARIF 2.1.0 for code scanning, with the findings' fingerprints and baseline states.
    case sarif
    /// GitHub Actions workflow commands, one annotation per new finding.
    case github
    /// One self-contained page for reviewers: summary, filters, drill-down, highlighted documents.
    case html

    /// The whole output of `report` in this format.
    public func render(_ report: TerminologyReport, useColor: Bool = false) -> String {
        switch self {
        case .text: TextReportWriter(useColor: useColor).render(report)
        case .markdown: MarkdownReportWriter().render(report)
        case .json: JSONOutput.encode(report)
        case .sarif: SARIFReportWriter().render(report)
        case .github: GitHubReportWriter().render(report)
        case .html: HTMLReportWriter().render(report)
        }
    }
}
