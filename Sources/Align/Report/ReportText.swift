/// Small wording helpers shared by the report writers, so every format says the same thing.
enum ReportText {
    /// `19.9 kB`, `50.2 MB`, `812 B`.
    /// A line quoted in a summary: one line, at most `limit` characters.
    static func shortened(_ text: String, limit: Int = 40) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count > limit ? String(flat.prefix(limit - 1)) + "…" : flat
    }

    static func size(_ bytes: Int) -> String {
        if bytes < 1000 { return "\(bytes) B" }
        if bytes < 1_000_000 { return decimal(Double(bytes) / 1000) + " kB" }
        return decimal(Double(bytes) / 1_000_000) + " MB"
    }

    /// One decimal, without Foundation's locale-dependent formatting.
    static func decimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    static func count(_ count: Int, _ noun: String) -> String { plural(count, noun) }

    /// `2 errors, 1 warning, 19 notes`.
    static func severities(_ summary: TerminologyReport.Summary) -> String {
        "\(plural(summary.errors, "error")), \(plural(summary.warnings, "warning")), \(plural(summary.notes, "note"))"
    }

    /// The verdict line: what fails the run and whether it does.
    static func verdict(_ report: TerminologyReport) -> String {
        let summary = report.summary
        let fresh = report.newFindings.count
        var text = summary.failOn == FailThreshold.never.rawValue ? "never fails on findings" : "fails on \(summary.failOn)"
        if let baseline = summary.baseline { text += " (new findings only, baseline \(baseline): \(plural(fresh, "new finding")))" }
        return text + ": " + (summary.failed ? "FAILED" : "passed")
    }

    /// `Koursk → Kursk`, or `Kim Jong-un, Kim Jong Un → Kim Jong Un`.
    static func mapping(_ term: DocumentSummary.Term) -> String {
        term.forms.map(\.surface).joined(separator: ", ") + " → " + term.english
    }

    /// `corpus/en/a.txt, 28 links for 29 French and 30 English sentences`.
    static func translation(_ summary: TranslationSummary) -> String {
        "\(summary.path), \(plural(summary.links, "link")) for \(summary.frenchSentences) French and \(plural(summary.englishSentences, "English sentence"))"
    }

    /// The document list of a spelling, at most `limit` entries.
    static func documentCounts(_ documents: [Finding.DocumentCount], limit: Int = 10) -> String {
        var parts = documents.prefix(limit).map { "\($0.document) ×\($0.count)" }
        if documents.count > limit { parts.append("… \(documents.count - limit) more") }
        return parts.joined(separator: ", ")
    }
}
