import Align
import Foundation

#if canImport(Glibc)
import Glibc
#endif

// Only wiring: streams, terminal detection, environment, exit code. All logic is in Align.
// SIGPIPE keeps its default action, so `aligncli scan | head` ends quietly like other Unix tools.
// Generic so that byte arrays are written from their own storage: `Data($0)` copied every
// output byte once more (49 MB for `scan` with the 100k-term benchmark glossary).
@Sendable func write(_ data: some DataProtocol, to handle: FileHandle) {
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

#if canImport(Glibc)
// The allocator, tuned for a process that builds tables of tens of megabytes and streams
// megabyte chunks through two threads: arrays up to 32 MB come from the heap rather than fresh
// mappings, and freed memory is kept for reuse (64 MB padding, trimmed above 256 MB) instead of
// being unmapped and faulted in again. Measured on `scan` with the 100k-term benchmark
// glossary: 0.65 s -> 0.56 s wall, a fifth less system time. `mallopt` is looked up because
// Swift's Glibc module does not import <malloc.h>; the option numbers are glibc's.
if let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") {
    typealias MallOpt = @convention(c) (Int32, Int32) -> Int32
    let mallopt = unsafeBitCast(symbol, to: MallOpt.self)
    let (trimThreshold, topPad, mmapThreshold): (Int32, Int32, Int32) = (-1, -2, -3)
    _ = mallopt(mmapThreshold, 32 << 20)
    _ = mallopt(topPad, 64 << 20)
    _ = mallopt(trimThreshold, 256 << 20)
}
#endif

var io = CommandIO(
    writeOutput: { write(Data($0.utf8), to: .standardOutput) },
    writeError: { write(Data($0.utf8), to: .standardError) },
    writeOutputBytes: { write($0, to: .standardOutput) },
    readInput: { [UInt8](FileHandle.standardInput.readDataToEndOfFile()) },
    outputIsTerminal: isatty(STDOUT_FILENO) == 1,
    errorIsTerminal: isatty(STDERR_FILENO) == 1,
    environment: ProcessInfo.processInfo.environment)
io.keepUntilExit = { kept.keep($0) }
exit(AlignCommandLine.run(Array(CommandLine.arguments.dropFirst()), io: io).rawValue)
