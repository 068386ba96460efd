import Foundation

/// `report --format markdown`: the report for a pull request comment or a wiki page: a summary
/// table, one table of findings per check, then the concept and document summaries.
struct MarkdownReportWriter {
    /// Notes listed per check; the rest are counted.
    var notesPerCheck = 50

    /// Text for a table cell or a paragraph: Markdown's active characters escaped, one line.
    static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#", "~": out += "\\\(character)"
            case "\n", "\r", "\t": out += " "
            default: out.append(character)
            }
        }
        return out
    }

    /// A path or location as inline code (backticks in it are doubled around).
    static func code(_ text: String) -> String {
        let clean = text.replacingOccurrences(of: "|", with: "\\|", options: .literal)
        return clean.contains("`") ? "`` \(clean) ``" : "`\(clean)`"
    }

    static func place(_ location: SourceLocation?) -> String {
        guard let location else { return "" }
        return code("\(location.file):\(location.line):\(location.column)")
    }

    static func evidence(_ evidence: Finding.Evidence) -> String {
        escape(evidence.before) + "**" + escape(evidence.surface) + "**" + escape(evidence.after)
    }

    func render(_ report: TerminologyReport) -> String {
        let inputs = report.inputs
        var out = "# Terminology report\n\n"
        out += "\(plural(inputs.documents, "document")) (\(ReportText.size(inputs.bytes))), \(plural(inputs.occurrences, "term occurrence")), "
        out += "\(plural(inputs.concepts, "concept")) from \(plural(inputs.glossaries.count, "glossary file")).\n\n"
        out += "**\(Self.escape(ReportText.severities(report.summary)))**; \(Self.escape(ReportText.verdict(report))).\n\n"
        out += "| Check | Severity | Findings | New | What it finds |\n|---|---|---:|---:|---|\n"
        for check in report.summary.checks {
            let summary = ReportChecks.descriptor(check.check)?.summary ?? ""
            out += "| \(Self.code(check.check)) | \(check.severity.rawValue) | \(check.count) | \(check.new) | \(Self.escape(summary)) |\n"
        }
        if !report.diagnostics.isEmpty {
            out += "\n## Input problems\n\n"
            for diagnostic in report.diagnostics {
                out += "- \(Self.place(diagnostic.location)) \(diagnostic.severity.rawValue): \(Self.escape(diagnostic.message)) (\(Self.code(diagnostic.checkID)))\n"
            }
        }
        for descriptor in ReportChecks.descriptors {
            let findings = report.findings.filter { $0.check == descriptor.id }
            guard !findings.isEmpty else { continue }
            out += "\n## \(descriptor.id) (\(plural(findings.count, descriptor.defaultSeverity.rawValue)))\n\n\(Self.escape(descriptor.summary)).\n\n"
            out += "| Location | Finding | Evidence |\n|---|---|---|\n"
            let shown = descriptor.defaultSeverity == .note ? Array(findings.prefix(notesPerCheck)) : findings
            for finding in shown {
                var message = Self.escape(finding.message)
                if finding.baseline == .unchanged { message += " *(in baseline)*" }
                if let variants = finding.variants {
                    message += "<br>" + variants.map { "**\(Self.escape($0.surface))** (\($0.status)) ×\($0.count): \(Self.escape(ReportText.documentCounts($0.documents)))" }.joined(separator: "<br>")
                }
                let evidence = finding.evidence.map { Self.evidence($0) }.joined(separator: "<br>")
                out += "| \(Self.place(finding.location)) | \(message) | \(evidence) |\n"
            }
            if shown.count < findings.count { out += "\n… \(plural(findings.count - shown.count, "more note")) (see the JSON or HTML report).\n" }
            if descriptor.id == UncoveredTermCheck.descriptor.id, report.summary.moreCandidates > 0 {
                out += "\n… \(plural(report.summary.moreCandidates, "more candidate")) below the limit (see `aligncli suggest`).\n"
            }
        }
        if !report.concepts.isEmpty {
            out += "\n## Concepts\n\n| English | Concept | French forms found | Occurrences | Documents |\n|---|---|---|---:|---:|\n"
            for concept in report.concepts {
                let forms = concept.forms.map { "\(Self.escape($0.surface)) (\($0.status.rawValue)) ×\($0.count): \(Self.escape(ReportText.documentCounts($0.documents)))" }
                out += "| \(Self.escape(concept.english)) | \(Self.code(concept.id)) | \(forms.joined(separator: "<br>")) | \(concept.occurrences) | \(concept.documents) |\n"
            }
        }
        if !report.documents.isEmpty {
            out += "\n## Documents\n"
            for document in report.documents {
                out += "\n### \(Self.escape(document.path))\n\n\(ReportText.size(document.bytes)), \(plural(document.occurrences, "term occurrence")) of \(plural(document.terms.count, "concept"))"
                if !document.scanned { out += " (not fully read)" }
                out += ".\n"
                if let boilerplate = document.boilerplate { out += "Boilerplate removed: \(plural(boilerplate.lines, "line")) (\(ReportText.size(boilerplate.bytes))).\n" }
                if let translation = document.translation { out += "Translation: \(Self.escape(ReportText.translation(translation))).\n" }
                guard !document.terms.isEmpty else { continue }
                out += "\n| French | English | Count | First |\n|---|---|---:|---|\n"
                for term in document.terms {
                    out += "| \(Self.escape(term.forms.map(\.surface).joined(separator: ", "))) | \(Self.escape(term.english)) | \(term.count) | \(term.line):\(term.column) |\n"
                }
            }
        }
        return out
    }
}
