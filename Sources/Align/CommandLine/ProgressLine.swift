import Dispatch

/// A one-line progress report on standard error, only on a terminal and only once work has taken
/// more than a second, rewritten in place.
public struct ProgressLine: Sendable {
    let io: CommandIO
    let started = DispatchTime.now()
    let box = ProgressState()

    public init(io: CommandIO) { self.io = io }

    public func update(_ text: String) {
        guard io.errorIsTerminal else { return }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        guard elapsed > 1 else { return }
        box.shown = true
        io.writeError("\r\u{1B}[K" + text)
    }

    public func clear() {
        if box.shown { io.writeError("\r\u{1B}[K") }
    }
}

/// Whether the progress line was drawn, so `clear()` only erases what exists.
final class ProgressState: @unchecked Sendable {
    var shown = false
}
