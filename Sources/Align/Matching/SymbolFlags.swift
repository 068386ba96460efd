/// A set of symbol indexes (small, dense integers) as flags.
struct SymbolFlags {
    private var flags: [Bool] = []

    /// Adds `index`; whether it was new.
    mutating func insert(_ index: Int) -> Bool {
        if index >= flags.count { flags.append(contentsOf: repeatElement(false, count: max(index + 1 - flags.count, flags.count))) }
        if flags[index] { return false }
        flags[index] = true
        return true
    }
}
