import Foundation

/// `aligncli report`: the terminology consistency report over the glossaries and the corpus,
/// for a terminologist, a reviewer and CI.
public enum ReportCommand: AlignCommand {
    public static let spec = CommandSpec(
        ["report"], summary: "Report where terminology is inconsistent, wrong or missing in the corpus, with a verdict for CI.",
        arguments: "[PATH...]",
        options: [
            .init("--glossary", short: "-g", value: "PATH", repeatable: true, help: "Glossary file or folder (default: glossaries/); repeatable."),
            .init("--format", value: "FORMAT", choices: ReportFormat.allCases.map(\.rawValue), help: "Output format (default text)."),
            .init("--output", short: "-o", value: "FILE", help: "Write to FILE (atomically) instead of standard output."),
            .init("--fail-on", value: "SEVERITY", choices: FailThreshold.allCases.map(\.rawValue), help: "Exit 1 when a new finding is at least this severe (default error)."),
            .init("--baseline", value: "FILE", help: "Fail only on findings not accepted in this baseline."),
            .init("--write-baseline", value: "FILE", help: "Record the current findings as the accepted baseline in FILE."),
            .init("--encoding", value: "ENCODING", choices: TextEncoding.allCases.map(\.rawValue), help: "Encoding of the corpus files (default utf-8)."),
            .init("--no-near-misses", help: "Do not look for possible misspellings."),
            .init("--no-translations", help: "Do not align documents with their English translations (en/ beside fr/) nor check terms across them."),
            .init("--timings", help: "Print the time of each phase on standard error."),
            .init("--uncovered-limit", value: "N", help: "Show at most N uncovered-term candidates, best ranked first (default 100; 0: all)."),
        ],
        discussion: """
            PATH is a text file, a folder searched recursively for *.txt, or - for standard input
            (default: corpus/). A folder with fr/ and en/ subfolders is a bilingual corpus: the
            French documents in fr/ are scanned, and each is aligned sentence by sentence with the
            English translation of the same name in en/, whose terms are checked too.
            Checks: avoided-term (error; fr_avoid in French, en_avoid in English),
            possible-misspelling (warning), inconsistent-variant (warning), missing-canonical
            (warning), untranslated-term (warning), uncovered-term (note), unused-entry (note);
            see docs/report.md. Output is deterministic. Fingerprints hash each document's path
            below the folder given, so baselines survive a move of the checkout.
            Exit status: 0 no new finding at or above --fail-on, 1 there is one, 64 usage error,
            65 bad input (glossary errors, a document or translation that is not text, a bad
            baseline), 66 a path does not exist.
            """)

    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> ExitCode {
        let format = ReportFormat(rawValue: arguments.value("--format") ?? "text")!
        let threshold = FailThreshold(rawValue: arguments.value("--fail-on") ?? "error")!
        var options = ReportOptions()
        options.encoding = TextEncoding(rawValue: arguments.value("--encoding") ?? "utf-8")!
        options.detectsNearMisses = !arguments.has("--no-near-misses")
        options.keepsDocumentText = format == .html
        if let limit = arguments.value("--uncovered-limit") {
            guard let value = Int(limit), value >= 0 else { throw AlignError.usage("'--uncovered-limit' takes a number (0 for no limit), not '\(limit)'") }
            options.uncoveredLimit = value
        }
        let baselinePath = arguments.value("--baseline")
        let baseline = try baselinePath.map(ReportBaseline.read)
        let (report, diagnostics) = try build(arguments, options: options, io: io)
        var evaluated = report
        evaluated.evaluate(failOn: threshold, baseline: baseline, baselinePath: baselinePath)
        if let path = arguments.value("--write-baseline") {
            try OutputFile.write(ReportBaseline(findings: evaluated.findings).rendered, to: path)
        }
        let toFile = arguments.value("--output")
        let rendered = format.render(evaluated, useColor: format == .text && toFile == nil && io.colorOutput)
        if let toFile {
            try OutputFile.write(rendered, to: toFile)
        } else {
            io.writeOutput(rendered)
        }
        var line = "\(ReportText.severities(evaluated.summary)) in \(plural(evaluated.inputs.documents, "document"))"
        if baseline != nil { line += " (\(plural(evaluated.newFindings.count, "new finding")))" }
        if let path = arguments.value("--write-baseline") { line += "; baseline of \(plural(evaluated.findings.count, "finding")) written to \(path)" }
        io.writeError(line + "\n")
        if arguments.has("--timings") {
            io.writeError("timings: " + evaluated.timings.map { String(format: "%@ %.3f s", $0.phase, $0.seconds) }.joined(separator: ", ") + "\n")
        }
        if diagnostics.contains(where: { $0.severity == .error }) { return .dataError }
        return evaluated.summary.failed ? .findings : .ok
    }

    /// The boilerplate rules of `normalize` (`NormalizerBoilerplateReport.standard` reads the same
    /// file), applied to translations when the file exists.
    static let boilerplateRulesPath = "normalize/boilerplate.tsv"

    /// Loads the glossary, scans the corpus and runs the checks; shared with `suggest`.
    static func build(_ arguments: ParsedArguments, options: ReportOptions, io: CommandIO) throws -> (TerminologyReport, [Diagnostic]) {
        let glossaryPaths = arguments.values["--glossary"] ?? ["glossaries"]
        let glossaryFiles = try GlossaryLoader.files(in: glossaryPaths)
        let glossary = try ScanCommand.loadGlossary(glossaryPaths, io: io)
        let documents = try ReportDocument.corpus(
            arguments.positionals.isEmpty ? ["corpus"] : arguments.positionals, translations: !arguments.has("--no-translations"))
        var options = options
        if options.boilerplate == nil {
            // What normalize would remove, per document (web articles up to a size limit).
            options.boilerplate = NormalizerBoilerplateReport.standard(documents: documents.map(\.path), encoding: options.encoding)
        }
        // Translations are aligned as `aligncli align` does: after the same boilerplate rules.
        if documents.contains(where: { $0.translation != nil }), let rules = try? BoilerplateRules.load(path: boilerplateRulesPath).rules {
            options.translationBoilerplate = rules
        }
        let progress = ProgressLine(io: io)
        let report = try ReportBuilder(options: options).build(
            glossary: glossary, glossaryFiles: glossaryFiles, documents: documents, standardInput: io.readInput,
            progress: { progress.update("reading: \(plural($0.documents, "document")), \(ReportText.size($0.bytes))") })
        progress.clear()
        if !report.diagnostics.isEmpty {
            io.writeError(DiagnosticRenderer(rules: [], useColor: io.colorErrors).render(report.diagnostics, as: .text))
        }
        return (report, report.diagnostics)
    }
}
