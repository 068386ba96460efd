/// Everything a command touches outside the library: streams, terminal facts, environment.
/// `main.swift` wires the real process; tests pass closures that capture output.
public struct CommandIO: Sendable {
    public var writeOutput: @Sendable (String) -> Void
    /// Raw bytes to standard output (large outputs skip the `String` round trip).
    public var writeOutputBytes: @Sendable ([UInt8]) -> Void
    public var writeError: @Sendable (String) -> Void
    public var readInput: @Sendable () -> [UInt8]
    public var outputIsTerminal: Bool
    public var errorIsTerminal: Bool
    public var environment: [String: String]
    /// Takes what a command built and would free on return (a compiled 100k-term glossary takes
    /// 60 ms to free) when the process ends right after: `main.swift` keeps it until exit, as
    /// compilers skip freeing at exit. `nil` (tests, in-process callers): freed as usual.
    public var keepUntilExit: (@Sendable (AnyObject) -> Void)?

    public init(
        writeOutput: @escaping @Sendable (String) -> Void, writeError: @escaping @Sendable (String) -> Void,
        writeOutputBytes: (@Sendable ([UInt8]) -> Void)? = nil,
        readInput: @escaping @Sendable () -> [UInt8] = { [] }, outputIsTerminal: Bool = false, errorIsTerminal: Bool = false,
        environment: [String: String] = [:]
    ) {
        self.writeOutput = writeOutput
        self.writeOutputBytes = writeOutputBytes ?? { writeOutput(String(decoding: $0, as: UTF8.self)) }
        self.writeError = writeError
        self.readInput = readInput
        self.outputIsTerminal = outputIsTerminal
        self.errorIsTerminal = errorIsTerminal
        self.environment = environment
    }

    /// Colour on standard output: only on a terminal, never with `NO_COLOR` set.
    public var colorOutput: Bool { outputIsTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb" }
    /// Colour on standard error, by the same rule.
    public var colorErrors: Bool { errorIsTerminal && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb" }
}

/// A value handed to `CommandIO.keepUntilExit`.
final class KeptUntilExit<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
