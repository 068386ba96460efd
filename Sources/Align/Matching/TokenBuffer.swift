/// A growable buffer of scanner tokens in manually managed memory: appends and reads without
/// reference counting or uniqueness checks. Owned by one `LineScan`, freed by `deallocate()`.
struct TokenBuffer {
    private(set) var base: UnsafeMutablePointer<TermScanner.Token>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        base = UnsafeMutablePointer<TermScanner.Token>.allocate(capacity: capacity)
    }

    func deallocate() { base.deallocate() }

    var isEmpty: Bool { count == 0 }

    var last: TermScanner.Token? { count > 0 ? base[count - 1] : nil }

    @inline(__always)
    mutating func append(_ token: TermScanner.Token) {
        if count == capacity { grow() }
        (base + count).initialize(to: token)
        count += 1
    }

    mutating func removeAll() { count = 0 }

    @inline(__always)
    subscript(index: Int) -> TermScanner.Token {
        get {
            assert(index >= 0 && index < count)
            return base[index]
        }
        set {
            assert(index >= 0 && index < count)
            base[index] = newValue
        }
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<TermScanner.Token>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: base, count: count)
        base.deallocate()
        base = larger
        capacity *= 2
    }
}
