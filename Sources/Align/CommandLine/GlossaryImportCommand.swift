/// `aligncli glossary import`: an exchange file in the native format.
public enum GlossaryImportCommand: AlignCommand {
    public static let spec = CommandSpec(
        ["glossary", "import"], summary: "Convert a TBX, TBX v2, CSV or TSV glossary to the native format.",
        arguments: "FILE",
        options: [
            .init("--format", value: "FORMAT", choices: GlossaryExchangeFormat.allCases.map(\.rawValue), help: "Input format (default: detected from the name and content)."),
            .init("--output", short: "-o", value: "FILE", help: "Write to FILE (atomically) instead of standard output."),
        ])

    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> ExitCode {
        guard arguments.positionals.count == 1, let path = arguments.positionals.first else {
            throw AlignError.usage("'glossary import' takes exactly one FILE")
        }
        let bytes = path == "-" ? io.readInput() : try InputFiles.read(path)
        let format: GlossaryExchangeFormat
        if let name = arguments.value("--format") {
            format = GlossaryExchangeFormat(rawValue: name)!
        } else if let detected = GlossaryExchange.detectFormat(path: path, bytes: bytes) {
            format = detected
        } else {
            throw AlignError.usage("cannot tell the format of \(path); give --format")
        }
        let (glossary, diagnostics) = try GlossaryExchange.read(bytes, path: path, format: format)
        let renderer = DiagnosticRenderer(rules: GlossaryExchange.checks, useColor: io.colorErrors)
        if !diagnostics.isEmpty { io.writeError(renderer.render(diagnostics, as: .text)) }
        if diagnostics.contains(where: { $0.severity == .error }) {
            throw AlignError.badInput("\(path): not imported because of the errors above")
        }
        let text = GlossaryWriter.tsv(glossary)
        if let output = arguments.value("--output") {
            try OutputFile.write(text, to: output)
        } else {
            io.writeOutput(text)
        }
        return .ok
    }
}
