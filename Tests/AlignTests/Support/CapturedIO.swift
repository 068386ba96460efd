import Align
import Foundation

/// Collects what a command writes to standard output and standard error, so tests run the real
/// command line in-process (`AlignCommandLine.run`) and look at everything it printed.
final class CapturedIO: @unchecked Sendable {
    private let lock = NSLock()
    private var output = ""
    private var error = ""

    /// Everything written to standard output so far.
    var stdout: String { locked { output } }
    /// Everything written to standard error so far.
    var stderr: String { locked { error } }

    /// The `CommandIO` that writes into this capture; never a terminal, so never coloured.
    var io: CommandIO {
        CommandIO(
            writeOutput: { [self] text in locked { output += text } },
            writeError: { [self] text in locked { error += text } })
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// One finished run of `aligncli`.
    struct Run {
        var exitCode: ExitCode
        var stdout: String
        var stderr: String
    }

    /// Runs `aligncli arguments` in-process and returns its exit code and output.
    static func run(_ arguments: [String]) -> Run {
        let capture = CapturedIO()
        let code = AlignCommandLine.run(arguments, io: capture.io)
        return Run(exitCode: code, stdout: capture.stdout, stderr: capture.stderr)
    }
}
