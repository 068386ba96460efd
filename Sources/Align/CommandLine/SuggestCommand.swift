/// `aligncli suggest`: candidate terms the glossary does not cover, as glossary rows to paste.
public enum SuggestCommand: AlignCommand {
    public static let spec = CommandSpec(
        ["suggest"], summary: "Print candidate terms the glossary does not cover, as glossary rows ready to paste.",
        arguments: "[PATH...]",
        options: [
            .init("--glossary", short: "-g", value: "PATH", repeatable: true, help: "Glossary file or folder (default: glossaries/); repeatable."),
            .init("--limit", value: "N", help: "At most N candidates, most widespread first (default: all)."),
            .init("--min-occurrences", value: "N", help: "Occurrences a candidate needs (default 2)."),
            .init("--header", help: "Start with the version marker and header line: a glossary file of its own."),
            .init("--encoding", value: "ENCODING", choices: TextEncoding.allCases.map(\.rawValue), help: "Encoding of the corpus files (default utf-8)."),
            .init("--output", short: "-o", value: "FILE", help: "Write to FILE (atomically) instead of standard output."),
        ],
        discussion: """
            The candidates are those of the report's uncovered-term check: recurring proper names,
            acronyms and multi-word capitalized terms, seen at least twice (docs/report.md). Rows
            use the columns of the glossary files (all known columns if they differ), leave the
            English column empty and carry an example sentence from the corpus; near-duplicates of
            existing entries are listed as comment lines.
            Exit status: 0 done, 64 usage error, 65 bad input, 66 a path does not exist.
            """)

    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> ExitCode {
        var limit = 0
        if let text = arguments.value("--limit") {
            guard let value = Int(text), value >= 0 else { throw AlignError.usage("'--limit' takes a number, not '\(text)'") }
            limit = value
        }
        var options = ReportOptions()
        if let text = arguments.value("--min-occurrences") {
            guard let value = Int(text), value >= 1 else { throw AlignError.usage("'--min-occurrences' takes a number of at least 1, not '\(text)'") }
            options.minimumCandidateOccurrences = value
        }
        options.encoding = TextEncoding(rawValue: arguments.value("--encoding") ?? "utf-8")!
        options.uncoveredLimit = 0
        options.collectsExampleSentences = true
        let glossaryPaths = arguments.values["--glossary"] ?? ["glossaries"]
        let loaded = try GlossaryLoader.load(glossaryPaths, validate: false)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            io.writeError(DiagnosticRenderer(rules: GlossaryChecks.all, useColor: io.colorErrors).render(errors, as: .text))
            throw AlignError.badInput("the glossary has errors (run 'aligncli validate')")
        }
        let glossary = loaded.glossary
        let documents = try ReportDocument.expand((arguments.positionals.isEmpty ? ["corpus"] : arguments.positionals).map(CorpusLayout.frenchRoot))
        let (analysis, diagnostics) = try ReportBuilder(options: options).analyze(glossary: glossary, documents: documents, standardInput: io.readInput)
        if !diagnostics.isEmpty { io.writeError(DiagnosticRenderer(rules: [], useColor: io.colorErrors).render(diagnostics, as: .text)) }
        let writer = SuggestionWriter(columns: SuggestionWriter.columns(of: loaded.documents), includesHeader: arguments.has("--header"))
        let text = writer.render(analysis, limit: limit)
        if let output = arguments.value("--output") {
            try OutputFile.write(text, to: output)
        } else {
            io.writeOutput(text)
        }
        let shown = limit > 0 ? min(limit, analysis.candidates.count) : analysis.candidates.count
        io.writeError("\(plural(shown, "candidate term")) in \(plural(analysis.statistics.documents, "document"))\n")
        return diagnostics.contains { $0.severity == .error } ? .dataError : .ok
    }
}
