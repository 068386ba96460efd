/// Trie paths of many forms back to back, with the entry each ends in.
struct TriePaths: Sendable {
    var symbols: [Int32] = []
    var starts: [Int32] = [0]
    var entries: [Int32] = []

    /// Ends the path being appended: it leads to `entry`.
    mutating func end(entry: Int32) {
        starts.append(Int32(symbols.count))
        entries.append(entry)
    }
}
