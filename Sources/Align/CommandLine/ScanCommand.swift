import Foundation

/// `aligncli scan`: every occurrence of every glossary term in the corpus.
public enum ScanCommand: AlignCommand {
    public static let spec = CommandSpec(
        ["scan"], summary: "Find every glossary term in French text and map it to its English canonical form.",
        arguments: "[PATH...]",
        options: [
            .init("--glossary", short: "-g", value: "PATH", repeatable: true, help: "Glossary file or folder (default: glossaries/); repeatable."),
            .init("--format", value: "FORMAT", choices: OccurrenceFormat.allCases.map(\.rawValue), help: "Output format (default tsv)."),
            .init("--encoding", value: "ENCODING", choices: TextEncoding.allCases.map(\.rawValue), help: "Encoding of the input files (default utf-8)."),
            .init("--no-near-misses", help: "Do not report possible misspellings."),
            .init("--timings", help: "Print the time of each phase (glossary load, compile, scan) on standard error."),
            .init("--output", short: "-o", value: "FILE", help: "Write to FILE (atomically) instead of standard output."),
        ],
        discussion: """
            PATH is a text file, a folder searched recursively for *.txt, or - for standard input
            (default: corpus/). Binary files are skipped with a warning; a file that is not valid
            UTF-8 is reported with the byte offset of the first bad byte (decode such files with
            --encoding latin1 or windows-1252). A term never spans a line break.
            Exit status: 0 done, 65 a document could not be read as text, 66 a path does not exist.
            """)

    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> ExitCode {
        let format = OccurrenceFormat(rawValue: arguments.value("--format") ?? "tsv")!
        let encoding = TextEncoding(rawValue: arguments.value("--encoding") ?? "utf-8")!
        let clock = ContinuousClock()
        let started = clock.now
        // Needed as soon as compiling starts, and needs nothing from the glossary: worked out while it loads.
        ByteFoldTable.prepareInBackground()
        // Occurrences name the concept, not where its row is.
        let glossary = try loadGlossary(arguments.values["--glossary"] ?? ["glossaries"], io: io, detail: .errorsOnly)
        let loaded = clock.now
        var documents: [String] = []
        for path in arguments.positionals.isEmpty ? ["corpus"] : arguments.positionals {
            documents += path == "-" ? ["-"] : try InputFiles.expand(CorpusLayout.frenchRoot(path), extensions: ["txt"])
        }
        let toFile = arguments.value("--output")
        var writer = OccurrenceWriter(format: format, useColor: format == .text && toFile == nil && io.colorOutput)
        let labels = writer.labelsInBackground(for: glossary.concepts)
        let scanner = TermScanner(glossary: CompiledGlossary(concepts: glossary.concepts), detectsNearMisses: !arguments.has("--no-near-misses"))
        writer = writer.prepared(for: scanner.glossary, concepts: labels?.value)
        let compiled = clock.now
        let corpusScanner = CorpusScanner(scanner: scanner, writer: writer, encoding: encoding)
        let stream = try toFile.map(AtomicOutputStream.init(path:))
        var diagnostics: [Diagnostic] = []
        let progress = ProgressLine(io: io)
        let statistics: CorpusScanner.Statistics
        do {
            statistics = try corpusScanner.run(
                documents: documents, standardInput: io.readInput, diagnostics: &diagnostics,
                progress: { progress.update("scanning: \($0.documents) document\($0.documents == 1 ? "" : "s"), \(String(format: "%.1f", Double($0.bytes) / 1e6)) MB") }
            ) { bytes in
                guard !bytes.isEmpty else { return }
                if let stream { try? stream.write(bytes) } else { io.writeOutputBytes(bytes) }
            }
            try stream?.commit()
        } catch {
            stream?.discard()
            throw error
        }
        progress.clear()
        io.keepUntilExit?(KeptUntilExit((glossary, corpusScanner)))
        if arguments.has("--timings") {
            let finished = clock.now
            func seconds(_ duration: Duration) -> Double { Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18 }
            let scanSeconds = seconds(finished - compiled)
            io.writeError(
                String(
                    format: "timings: load %.3f s, compile %.3f s, scan %.3f s (%.1f MB/s), total %.3f s; %d concepts\n",
                    seconds(loaded - started), seconds(compiled - loaded), scanSeconds, Double(statistics.bytes) / 1e6 / max(scanSeconds, 1e-9),
                    seconds(finished - started), glossary.concepts.count))
        }
        if !diagnostics.isEmpty {
            io.writeError(DiagnosticRenderer(rules: [], useColor: io.colorErrors).render(diagnostics, as: .text))
        }
        io.writeError("\(plural(statistics.occurrences, "occurrence")) (\(plural(statistics.nearMisses, "possible misspelling"))) in \(plural(statistics.documents - statistics.skipped, "document"))\(statistics.skipped > 0 ? ", \(statistics.skipped) skipped" : "")\n")
        return diagnostics.contains { $0.severity == .error } ? .dataError : .ok
    }

    /// Loads glossaries for matching: files that cannot be parsed stop the run; conflicts found by
    /// `validate` do not (matching resolves them by glossary order). Only errors are shown, so
    /// `.errorsOnly` suits commands whose output does not name the concepts' origins.
    static func loadGlossary(_ paths: [String], io: CommandIO, detail: GlossaryParser.Detail = .full) throws -> Glossary {
        let loaded = try GlossaryLoader.load(paths, validate: false, detail: detail)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            io.writeError(DiagnosticRenderer(rules: GlossaryChecks.all, useColor: io.colorErrors).render(errors, as: .text))
            throw AlignError.badInput("the glossary has errors (run 'aligncli validate')")
        }
        return loaded.glossary
    }
}
