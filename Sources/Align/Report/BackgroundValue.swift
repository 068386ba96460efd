import Dispatch

/// A value worked out on another thread while the caller goes on; `value` waits for it.
/// Used where one command has serial work that needs neither the other's input nor its cores
/// (the TSV labels of a glossary while the glossary compiles).
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private var result: Value?
    private let done = DispatchGroup()

    init(_ work: @escaping @Sendable () -> Value) {
        done.enter()
        DispatchQueue.global().async {
            self.result = work()
            self.done.leave()
        }
    }

    /// The value, once the work is done (the group's wait orders the accesses).
    var value: Value {
        done.wait()
        return result!
    }
}
