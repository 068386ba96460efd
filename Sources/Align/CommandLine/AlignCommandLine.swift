/// The `aligncli` command line: dispatch, help, version, usage errors. It takes the argument list
/// and a `CommandIO`, so tests run every command in-process.
public enum AlignCommandLine {
    /// Every command, in the order `--help` lists them.
    public static let commands: [any AlignCommand.Type] = [
        ValidateCommand.self,
        FormatCommand.self,
        ScanCommand.self,
        NormalizeCommand.self,
        ReportCommand.self,
        SuggestCommand.self,
        GlossaryExportCommand.self,
        GlossaryImportCommand.self,
        AlignPairCommand.self,
        CompletionCommand.self,
    ]

    /// Runs `aligncli` with `arguments` (without the program name).
    public static func run(_ arguments: [String], io: CommandIO) -> ExitCode {
        do {
            return try dispatch(arguments, io: io)
        } catch let error as AlignError {
            if case .usage(let message) = error {
                reportUsageError(message, command: command(for: arguments)?.command.spec, io: io)
            } else {
                io.writeError("error: \(error.message)\n")
            }
            return ExitCode(error)
        } catch {
            io.writeError("internal error: \(error)\n")
            return .internalError
        }
    }

    static func reportUsageError(_ message: String, command spec: CommandSpec?, io: CommandIO) {
        var text = "Error: \(message)\n"
        if let spec {
            text += "Usage: \(spec.usage)\n  See 'aligncli \(spec.name) --help'.\n"
        } else {
            text += "Usage: aligncli <command> [options]\n  See 'aligncli --help'.\n"
        }
        io.writeError(text)
    }

    /// The command named by the leading words of `arguments`, and how many words it took.
    static func command(for arguments: [String]) -> (command: any AlignCommand.Type, words: Int)? {
        var best: (any AlignCommand.Type, Int)?
        for command in commands {
            let path = command.spec.path
            if arguments.count >= path.count, Array(arguments.prefix(path.count)) == path, path.count > (best?.1 ?? 0) {
                best = (command, path.count)
            }
        }
        return best.map { (command: $0.0, words: $0.1) }
    }

    static func dispatch(_ arguments: [String], io: CommandIO) throws -> ExitCode {
        guard let first = arguments.first else {
            io.writeError(overview)
            return .usage
        }
        switch first {
        case "--help", "-h":
            io.writeOutput(overview)
            return .ok
        case "--version", "version":
            io.writeOutput("aligncli \(AlignVersion.current)\n")
            return .ok
        case "help":
            let rest = Array(arguments.dropFirst())
            if rest.isEmpty {
                io.writeOutput(overview)
                return .ok
            }
            guard let (command, words) = command(for: rest), words == rest.count else {
                throw AlignError.usage(unknownCommandMessage(rest.joined(separator: " ")))
            }
            io.writeOutput(command.spec.helpText)
            return .ok
        default:
            break
        }
        guard let (command, words) = command(for: arguments) else {
            if first == "glossary" {
                throw AlignError.usage("'glossary' needs a subcommand: export or import")
            }
            throw AlignError.usage(unknownCommandMessage(first))
        }
        let rest = Array(arguments.dropFirst(words))
        if rest.contains("--help") || rest.contains("-h") {
            io.writeOutput(command.spec.helpText)
            return .ok
        }
        let parsed = try ParsedArguments.parse(rest, for: command.spec)
        return try command.run(parsed, io: io)
    }

    static func unknownCommandMessage(_ name: String) -> String {
        var message = "unknown command '\(name)'"
        let names = commands.map { $0.spec.name } + ["help", "version"]
        if let near = EditDistance.suggestion(for: name, among: names) { message += "; did you mean '\(near)'?" }
        return message
    }

    /// The text of `aligncli --help`.
    public static var overview: String {
        var out = """
            OVERVIEW: Align checks French–English terminology: it validates glossaries, finds their
            terms in French text and reports where terminology is inconsistent, wrong or missing.

            USAGE: aligncli <command> [options]

            COMMANDS:

            """
        for command in commands {
            let name = command.spec.name
            out += "  " + name.padding(toLength: max(name.count, 18), withPad: " ", startingAt: 0) + "  " + command.spec.summary + "\n"
        }
        out += """

              help <command>      Show help for a command.
              --version           Show the version.

            EXIT CODES: 0 ok, 1 findings, 64 usage error, 65 bad input data, 66 missing input, 70 internal error.
            See 'aligncli help <command>' for the options of a command.

            """
        return out
    }
}
