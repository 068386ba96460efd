/// `aligncli validate`: every problem of every glossary file, for people and for CI.
public enum ValidateCommand: AlignCommand {
    public static let spec = CommandSpec(
        ["validate"], summary: "Check glossary files and report every problem with file:line:col.",
        arguments: "[PATH...]",
        options: [
            .init("--format", value: "FORMAT", choices: DiagnosticFormat.allCases.map(\.rawValue), help: "Output format."),
            .init("--strict", help: "Fail on warnings too."),
            .init("--output", short: "-o", value: "FILE", help: "Write the report to FILE (atomically) instead of standard output."),
        ],
        discussion: """
            PATH is a glossary file or a folder searched for *.tsv files (default: glossaries/).
            Exit status: 0 no errors (and no warnings with --strict), 1 errors found, 64 usage error,
            66 a path does not exist.
            """)

    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> ExitCode {
        let format = DiagnosticFormat(rawValue: arguments.value("--format") ?? "text")!
        let paths = arguments.positionals.isEmpty ? ["glossaries"] : arguments.positionals
        let loaded = try GlossaryLoader.load(paths)
        let colored = format == .text && arguments.value("--output") == nil && io.colorOutput
        let renderer = DiagnosticRenderer(rules: GlossaryChecks.all, useColor: colored)
        let rendered = renderer.render(loaded.diagnostics, as: format)
        if let output = arguments.value("--output") {
            try OutputFile.write(rendered, to: output)
        } else {
            io.writeOutput(rendered)
        }
        let errors = loaded.diagnostics.count { $0.severity == .error }
        let warnings = loaded.diagnostics.count { $0.severity == .warning }
        let concepts = loaded.documents.reduce(0) { $0 + $1.concepts.count }
        io.writeError(
            "\(plural(errors, "error")), \(plural(warnings, "warning")) in \(plural(loaded.documents.count, "file")) (\(plural(concepts, "concept")))\n")
        if errors > 0 || (arguments.has("--strict") && warnings > 0) { return .findings }
        return .ok
    }
}

/// `3 errors`, `1 warning`.
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
