/// `aligncli completion`: shell completion scripts generated from the command specs.
public enum CompletionCommand: AlignCommand {
    public static let spec = CommandSpec(
        ["completion"], summary: "Print a shell completion script (bash, zsh or fish).",
        arguments: "SHELL",
        discussion: """
            bash:  source <(aligncli completion bash)
            zsh:   aligncli completion zsh > "${fpath[1]}/_aligncli"
            fish:  aligncli completion fish > ~/.config/fish/completions/aligncli.fish
            """)

    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> ExitCode {
        guard arguments.positionals.count == 1, let shell = arguments.positionals.first else {
            throw AlignError.usage("'completion' takes one shell name: bash, zsh or fish")
        }
        switch shell {
        case "bash": io.writeOutput(ShellCompletion.bash())
        case "zsh": io.writeOutput(ShellCompletion.zsh())
        case "fish": io.writeOutput(ShellCompletion.fish())
        default:
            var message = "unknown shell '\(shell)' (bash, zsh or fish)"
            if let near = EditDistance.suggestion(for: shell, among: ["bash", "zsh", "fish"]) { message += "; did you mean '\(near)'?" }
            throw AlignError.usage(message)
        }
        return .ok
    }
}
