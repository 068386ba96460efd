import Align
import Foundation

#if canImport(Glibc)
import Glibc
#endif

// Only wiring: streams, terminal detection, environment, exit code. All logic is in Align.
// SIGPIPE keeps its default action, so `aligncli scan | head` ends quietly like other Unix tools.
@Sendable func write(_ data: Data, to handle: FileHandle) {
    do {
        try handle.write(contentsOf: data)
    } catch {
        try? FileHandle.standardError.write(contentsOf: Data("error: cannot write output: \(error.localizedDescription)\n".utf8))
        exit(ExitCode.internalError.rawValue)
    }
}

/// What commands leave to be freed by the process's end (see `CommandIO.keepUntilExit`).
final class KeptObjects: @unchecked Sendable {
    private var objects: [AnyObject] = []
    private let lock = NSLock()
    func keep(_ object: AnyObject) { lock.withLock { objects.append(object) } }
}
let kept = KeptObjects()

var io = CommandIO(
    writeOutput: { write(Data($0.utf8), to: .standardOutput) },
    writeError: { write(Data($0.utf8), to: .standardError) },
    writeOutputBytes: { write(Data($0), to: .standardOutput) },
    readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
    outputIsTerminal: isatty(STDOUT_FILENO) == 1,
    errorIsTerminal: isatty(STDERR_FILENO) == 1,
    environment: ProcessInfo.processInfo.environment)
io.keepUntilExit = { kept.keep($0) }
exit(AlignCommandLine.run(Array(CommandLine.arguments.dropFirst()), io: io).rawValue)
