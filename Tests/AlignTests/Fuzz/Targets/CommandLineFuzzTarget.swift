@testable import Align

/// The command-line parser: the input is the argument list, NUL-separated. Commands are parsed
/// but never run (a fuzzed `fmt` would rewrite files); what `aligncli` answers without running a
/// command (help, version, unknown commands) is run in-process.
///
/// Invariants: parsing succeeds or throws a usage error with a message; what it keeps is what
/// the command's spec allows (known options, values among the choices, unrepeatable options
/// once); every usage error exits with 64 and says so on standard error, never on standard output.
enum CommandLineFuzzTarget {
    static func run(_ data: [UInt8], context: FuzzContext) -> [String] {
        let arguments = data.isEmpty ? [] : data.split(separator: 0, omittingEmptySubsequences: false).map { FuzzBytes.text($0) }
        let found = AlignCommandLine.command(for: arguments)
        let rest = Array(arguments.dropFirst(found?.words ?? 0))
        if let found, !rest.contains("--help"), !rest.contains("-h"), arguments.first != "help" {
            return parseProblems(rest, spec: found.command.spec)
        }
        return runProblems(arguments)
    }

    static func parseProblems(_ rest: [String], spec: CommandSpec) -> [String] {
        let parsed: ParsedArguments
        do {
            parsed = try ParsedArguments.parse(rest, for: spec)
        } catch let error as AlignError {
            guard case .usage(let message) = error, !message.isEmpty else { return ["parse threw \(error), not a usage error"] }
            return []
        } catch {
            return ["parse threw \(error), not an AlignError"]
        }
        var problems: [String] = []
        for (name, values) in parsed.values {
            guard let option = spec.options.first(where: { $0.name == name }), option.valueName != nil else {
                problems.append("kept a value for '\(name)', which \(spec.name) does not take")
                continue
            }
            if values.count > 1, !option.repeatable { problems.append("kept \(values.count) values for unrepeatable '\(name)'") }
            if let choices = option.choices, let bad = values.first(where: { !choices.contains($0) }) {
                problems.append("kept '\(bad)' for '\(name)', not one of its choices")
            }
        }
        for flag in parsed.flags where !spec.options.contains(where: { $0.name == flag && $0.valueName == nil }) {
            problems.append("kept flag '\(flag)', which \(spec.name) does not have")
        }
        let listed = parsed.positionals.count + parsed.values.values.reduce(0) { $0 + $1.count } + parsed.flags.count
        if listed > rest.count { problems.append("kept \(listed) items from \(rest.count) arguments") }
        return problems
    }

    /// Runs the paths of `aligncli` that run no command and checks where their words go.
    static func runProblems(_ arguments: [String]) -> [String] {
        let run = CapturedIO.run(arguments)
        switch run.exitCode {
        case .ok:
            return run.stdout.isEmpty || !run.stderr.isEmpty ? ["exit 0 with \(run.stdout.count) characters of output and errors \(run.stderr.debugDescription)"] : []
        case .usage:
            return run.stderr.isEmpty || !run.stdout.isEmpty ? ["exit 64 with errors \(run.stderr.debugDescription) and output \(run.stdout.count) characters"] : []
        default:
            return ["\(arguments) exited with \(run.exitCode.rawValue) without running a command"]
        }
    }
}
