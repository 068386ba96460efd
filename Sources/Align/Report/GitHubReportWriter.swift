import Foundation

/// `report --format github`: one GitHub Actions workflow command per finding (`::error`,
/// `::warning`, `::notice`), with the evidence in the message. With a baseline, only new findings.
struct GitHubReportWriter {
    func render(_ report: TerminologyReport) -> String {
        var out = ""
        for finding in report.newFindings {
            let command = finding.severity == .error ? "error" : finding.severity == .warning ? "warning" : "notice"
            var properties: [String] = []
            if let location = finding.location {
                properties += ["file=\(Self.escapeProperty(location.file))", "line=\(location.line)", "col=\(location.column)"]
            }
            properties.append("title=\(Self.escapeProperty(finding.check))")
            var message = finding.message
            for evidence in finding.evidence {
                let location = evidence.location
                message += "\n\(location.file):\(location.line):\(location.column): \(evidence.before)[\(evidence.surface)]\(evidence.after)"
            }
            out += "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
        }
        return out
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25", options: .literal).replacingOccurrences(of: "\r", with: "%0D", options: .literal).replacingOccurrences(of: "\n", with: "%0A", options: .literal)
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A", options: .literal).replacingOccurrences(of: ",", with: "%2C", options: .literal)
    }
}
