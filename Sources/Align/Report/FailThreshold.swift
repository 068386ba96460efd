/// `--fail-on`: the least severe new finding that makes `aligncli report` exit 1.
public enum FailThreshold: String, Sendable, CaseIterable {
    case error
    case warning
    /// Never fail on findings (input problems still exit 65 or 66).
    case never

    /// Whether a finding of `severity` fails the run.
    public func fails(on severity: Severity) -> Bool {
        switch self {
        case .error: severity == .error
        case .warning: severity >= .warning
        case .never: false
        }
    }
}
