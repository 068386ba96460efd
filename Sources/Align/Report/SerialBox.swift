/// A value that one serial queue (or one background task) mutates and its owner reads once that
/// queue is done (the corpus scanner's consumer, the near-duplicate index): the queue or the
/// group's wait, not a lock, keeps the accesses apart.
final class SerialBox<Value>: @unchecked Sendable {
    var value: Value

    init(_ value: Value) { self.value = value }
}
