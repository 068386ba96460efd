/// A subcommand of `aligncli`.
public protocol AlignCommand: Sendable {
    static var spec: CommandSpec { get }
    /// Runs with parsed arguments; throws `AlignError` for what stops the run.
    static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> ExitCode
}
