/// `aligncli fmt`: rewrite glossary files in their canonical form.
public enum FormatCommand: AlignCommand {
    public static let spec = CommandSpec(
        ["fmt"], summary: "Rewrite glossary files in canonical form (NFC, trimmed, stable order).",
        arguments: "[PATH...]",
        options: [.init("--check", help: "Change nothing; list the files that would change and exit 1 if any.")],
        discussion: """
            Comments and blank lines stay where they are; rows are sorted by id within each block
            of consecutive rows; the preferred French form stays first. Files with structural
            errors (bad encoding, no header, wrong field counts, unknown flags, a row that would
            read back as a comment) are left alone and reported.
            """)

    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> ExitCode {
        let paths = arguments.positionals.isEmpty ? ["glossaries"] : arguments.positionals
        let files = try GlossaryLoader.files(in: paths)
        var changed: [String] = []
        var refused = false
        for file in files {
            let bytes: [UInt8]
            do {
                bytes = try InputFiles.read(file)
            } catch let error as AlignError {
                io.writeError("error: \(error.message)\n")
                refused = true
                continue
            }
            let parsed = GlossaryParser.parse(bytes, path: file)
            guard let formatted = GlossaryFormatter.format(parsed.document) else {
                let reasons = parsed.diagnostics.filter { $0.severity == .error }
                let renderer = DiagnosticRenderer(rules: GlossaryChecks.all, useColor: io.colorErrors)
                io.writeError("error: \(file): not reformatted: fix these errors first\n" + renderer.render(reasons, as: .text))
                refused = true
                continue
            }
            guard !formatted.utf8.elementsEqual(bytes) else { continue }
            changed.append(file)
            if arguments.has("--check") {
                io.writeOutput("would reformat \(file)\n")
            } else {
                try OutputFile.write(formatted, to: file)
                io.writeOutput("reformatted \(file)\n")
            }
        }
        if refused { return .dataError }
        if arguments.has("--check") {
            io.writeError(changed.isEmpty ? "\(plural(files.count, "file")) already formatted\n" : "\(plural(changed.count, "file")) would be reformatted\n")
            return changed.isEmpty ? .ok : .findings
        }
        return .ok
    }
}
