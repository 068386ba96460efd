/// What stops a run. Everything wrong *in* an input is a `Diagnostic` instead.
public enum AlignError: Error, Equatable, Sendable {
    /// The command line is wrong (exit 64).
    case usage(String)
    /// An input path does not exist or holds nothing to read (exit 66).
    case missingInput(String)
    /// An input cannot be used at all (exit 65).
    case badInput(String)
    /// An output cannot be written (exit 73 would be `EX_CANTCREAT`; we keep to the documented 70).
    case cannotWrite(String)

    /// The message for standard error.
    public var message: String {
        switch self {
        case .usage(let text), .missingInput(let text), .badInput(let text), .cannotWrite(let text): text
        }
    }
}
