/// `aligncli glossary export`: the glossary in an exchange format.
public enum GlossaryExportCommand: AlignCommand {
    public static let spec = CommandSpec(
        ["glossary", "export"], summary: "Export glossaries as TBX, TBX v2, CSV or TSV.",
        arguments: "[PATH...]",
        options: [
            .init("--format", value: "FORMAT", choices: GlossaryExchangeFormat.allCases.map(\.rawValue), help: "Exchange format: tbx is TBX-Basic 2019, tbx2 is TBX v2 (martif); default tbx."),
            .init("--output", short: "-o", value: "FILE", help: "Write to FILE (atomically) instead of standard output."),
        ],
        discussion: "PATH is a glossary file or folder (default: glossaries/). A glossary with errors is not exported. The output is the same bytes for the same glossary; docs/exchange-formats.md says where each column goes.")

    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> ExitCode {
        let format = arguments.value("--format").flatMap(GlossaryExchangeFormat.init(rawValue:)) ?? GlossaryExchangeFormat.allCases[0]
        let paths = arguments.positionals.isEmpty ? ["glossaries"] : arguments.positionals
        let loaded = try GlossaryLoader.load(paths, validate: false)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            io.writeError(DiagnosticRenderer(rules: GlossaryChecks.all, useColor: io.colorErrors).render(errors, as: .text))
            throw AlignError.badInput("the glossary has errors; nothing exported (run 'aligncli validate')")
        }
        let text = GlossaryExchange.export(loaded.glossary, as: format)
        if let output = arguments.value("--output") {
            try OutputFile.write(text, to: output)
        } else {
            io.writeOutput(text)
        }
        return .ok
    }
}
