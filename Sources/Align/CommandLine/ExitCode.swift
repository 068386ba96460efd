/// The documented exit codes (BSD `sysexits` where one fits).
public enum ExitCode: Int32, Sendable, CaseIterable {
    /// Success, nothing to report.
    case ok = 0
    /// The run worked and found problems (errors, or warnings with `--strict`; files to reformat with `fmt --check`).
    case findings = 1
    /// The command line is wrong.
    case usage = 64
    /// An input is malformed beyond use.
    case dataError = 65
    /// An input does not exist.
    case noInput = 66
    /// A bug, or an output that cannot be written.
    case internalError = 70

    /// The exit code for an error that stopped the run.
    public init(_ error: AlignError) {
        switch error {
        case .usage: self = .usage
        case .missingInput: self = .noInput
        case .badInput: self = .dataError
        case .cannotWrite: self = .internalError
        }
    }
}
