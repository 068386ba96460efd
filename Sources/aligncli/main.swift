import Align
import Foundation

#if canImport(Glibc)
import Glibc
#endif

// Only wiring: streams, terminal detection, environment, exit code. All logic is in Align.
let io = CommandIO(
    writeOutput: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
    writeError: { text in FileHandle.standardError.write(Data(text.utf8)) },
    readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
    outputIsTerminal: isatty(STDOUT_FILENO) == 1,
    errorIsTerminal: isatty(STDERR_FILENO) == 1,
    environment: ProcessInfo.processInfo.environment)
signal(SIGPIPE, SIG_IGN)
exit(AlignCommandLine.run(Array(CommandLine.arguments.dropFirst()), io: io).rawValue)
