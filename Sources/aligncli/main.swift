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

let io = CommandIO(
    writeOutput: { write(Data($0.utf8), to: .standardOutput) },
    writeError: { write(Data($0.utf8), to: .standardError) },
    writeOutputBytes: { write(Data($0), to: .standardOutput) },
    readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
    outputIsTerminal: isatty(STDOUT_FILENO) == 1,
    errorIsTerminal: isatty(STDERR_FILENO) == 1,
    environment: ProcessInfo.processInfo.environment)
exit(AlignCommandLine.run(Array(CommandLine.arguments.dropFirst()), io: io).rawValue)
