/// How serious a diagnostic is.
public enum Severity: String, Codable, Sendable, CaseIterable, Comparable {
    case error
    case warning
    /// Information only; never fails a run.
    case note

    private var rank: Int {
        switch self {
        case .error: 2
        case .warning: 1
        case .note: 0
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}
