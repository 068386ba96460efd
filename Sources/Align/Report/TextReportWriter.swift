/// `report --format text`: findings first, each as `path:line:col: severity: message [check]` with
/// its evidence indented below, grouped by check; then the concept and document summaries.
/// Colour only when asked (a terminal without NO_COLOR). Notes beyond `notesPerCheck` per check
/// are counted, not listed (the JSON and HTML formats list them all).
struct TextReportWriter {
    var useColor = false
    var notesPerCheck = 50
    var width = 100

    func style(_ text: String, _ code: String) -> String { useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text }
    func highlight(_ text: String) -> String { useColor ? "\u{1B}[1;33m\(text)\u{1B}[0m" : "[\(text)]" }

    func render(_ report: TerminologyReport) -> String {
        var out = ""
        let inputs = report.inputs
        out += style("Terminology report", "1") + ": \(plural(inputs.documents, "document")) (\(ReportText.size(inputs.bytes))), "
        out += "\(plural(inputs.occurrences, "term occurrence")), \(plural(inputs.concepts, "concept")) from \(plural(inputs.glossaries.count, "glossary file"))\n"
        out += "Findings: \(ReportText.severities(report.summary)); \(ReportText.verdict(report))\n"
        for diagnostic in report.diagnostics {
            out += DiagnosticRenderer(rules: [], useColor: useColor).render([diagnostic], as: .text)
        }
        for descriptor in ReportChecks.descriptors {
            let findings = report.findings.filter { $0.check == descriptor.id }
            guard !findings.isEmpty else { continue }
            out += "\n" + style("\(descriptor.id): \(plural(findings.count, descriptor.defaultSeverity.rawValue))", "1") + " — \(descriptor.summary)\n"
            let shown = descriptor.defaultSeverity == .note ? Array(findings.prefix(notesPerCheck)) : findings
            for finding in shown { out += render(finding) }
            if shown.count < findings.count {
                out += "  … \(plural(findings.count - shown.count, "more note")) (see --format json or html)\n"
            }
            if descriptor.id == UncoveredTermCheck.descriptor.id, report.summary.moreCandidates > 0 {
                out += "  … \(plural(report.summary.moreCandidates, "more candidate")) below the limit (see aligncli suggest)\n"
            }
        }
        out += concepts(report)
        out += documents(report)
        return out
    }

    func render(_ finding: Finding) -> String {
        var place = ""
        if let location = finding.location { place = "\(location.file):\(location.line):\(location.column): " }
        let code = finding.severity == .error ? "1;31" : finding.severity == .warning ? "1;33" : "1;36"
        var line = style(place, "1") + style("\(finding.severity.rawValue):", code) + " " + DiagnosticRenderer.singleLine(finding.message) + " [\(finding.check)]"
        if finding.baseline == .unchanged { line += " (in baseline)" }
        var out = line + "\n"
        if let variants = finding.variants {
            let width = variants.map(\.surface.count).max() ?? 0
            for variant in variants {
                out += "    " + variant.surface.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + variant.status.padding(toLength: 9, withPad: " ", startingAt: 0)
                out += " ×\(variant.count)  " + ReportText.documentCounts(variant.documents) + "\n"
            }
        }
        if let spellings = finding.spellings { out += "    also written: " + spellings.dropFirst().joined(separator: ", ") + "\n" }
        for evidence in finding.evidence {
            let location = evidence.location
            let prefix = location.file == finding.location?.file ? "\(location.line):\(location.column)" : "\(location.file):\(location.line):\(location.column)"
            out += "    \(prefix)  " + evidence.before + highlight(evidence.surface) + evidence.after + "\n"
        }
        return out
    }

    func concepts(_ report: TerminologyReport) -> String {
        guard !report.concepts.isEmpty else { return "" }
        var out = "\n" + style("Concepts: \(plural(report.concepts.count, "concept")) found", "1") + " — English ← French forms found, occurrences per document\n"
        for concept in report.concepts {
            out += "  \(concept.english) (\(concept.id)): \(plural(concept.occurrences, "occurrence")) in \(plural(concept.documents, "document"))\n"
            for form in concept.forms {
                out += "      \(form.surface) [\(form.status.rawValue)] ×\(form.count): " + ReportText.documentCounts(form.documents) + "\n"
            }
        }
        return out
    }

    func documents(_ report: TerminologyReport) -> String {
        guard !report.documents.isEmpty else { return "" }
        var out = "\n" + style("Documents", "1") + " — French → English for every term found, in order of first occurrence\n"
        for document in report.documents {
            out += "  " + style(document.path, "1") + ": \(ReportText.size(document.bytes)), \(plural(document.occurrences, "term occurrence")) of \(plural(document.terms.count, "concept"))"
            if !document.scanned { out += " (not fully read: see the diagnostics above)" }
            out += "\n"
            if let boilerplate = document.boilerplate {
                out += "      boilerplate removed: \(plural(boilerplate.lines, "line")) (\(ReportText.size(boilerplate.bytes)))"
                let quoted = boilerplate.samples.map { "“" + ReportText.shortened($0) + "”" }
                out += quoted.isEmpty ? "\n" : ": " + quoted.joined(separator: ", ") + (boilerplate.lines > quoted.count ? ", …\n" : "\n")
            }
            if let translation = document.translation { out += "      translation: " + ReportText.translation(translation) + "\n" }
            out += wrapped(document.terms.map { ReportText.mapping($0) + " ×\($0.count)" }, indent: "      ")
        }
        return out
    }

    /// Items joined with `; ` and wrapped at `width` columns.
    func wrapped(_ items: [String], indent: String) -> String {
        guard !items.isEmpty else { return "" }
        var out = ""
        var line = indent
        for (index, item) in items.enumerated() {
            let piece = item + (index < items.count - 1 ? ";" : "")
            if line.count > indent.count, line.count + 1 + piece.count > width {
                out += line + "\n"
                line = indent
            }
            line += (line.count > indent.count ? " " : "") + piece
        }
        return out + line + "\n"
    }
}
