import Dispatch

/// `ScalarFolding` flattened for byte-level scanning: for every scalar below
/// `ScalarFolding.tableLimit`, its class and its folded UTF-8 bytes in one shared pool.
struct ByteFoldTable: Sendable {
    /// For scalar `v`: `(poolOffset << 12) | (length << 6) | (isLower << 5) | (isUpper << 4) | class`.
    let entries: [UInt32]
    let pool: [UInt8]
    /// For ASCII: class in the high nibble is not needed; folded byte and class kept apart for speed.
    let asciiClass: [UInt8]
    let asciiFolded: [UInt8]

    static let shared = ByteFoldTable()

    /// Starts building `shared` on another thread, for a command that will compile a glossary
    /// once it has read it: building the table (with `ScalarFolding`'s) took about 6 ms, on
    /// one core, at the start of compiling.
    static func prepareInBackground() {
        DispatchQueue.global().async { _ = ByteFoldTable.shared }
    }

    init() {
        var entries: [UInt32] = []
        entries.reserveCapacity(Int(ScalarFolding.tableLimit))
        var pool: [UInt8] = []
        var asciiClass = [UInt8](repeating: 0, count: 128)
        var asciiFolded = [UInt8](repeating: 0, count: 128)
        for value in 0..<ScalarFolding.tableLimit {
            let fold = Unicode.Scalar(value).map(ScalarFolding.fold)
                ?? ScalarFold(scalarClass: .punctuation, folded: "", foldedKeepingCase: "")
            let bytes = Array(fold.folded.utf8)
            let properties = Unicode.Scalar(value)?.properties
            let isUpper: UInt32 = fold.scalarClass == .word && (properties?.isUppercase ?? false) ? 1 : 0
            let isLower: UInt32 = fold.scalarClass == .word && (properties?.isLowercase ?? false) ? 1 : 0
            entries.append(UInt32(pool.count) << 12 | UInt32(bytes.count) << 6 | isLower << 5 | isUpper << 4 | UInt32(fold.scalarClass.rawValue))
            pool += bytes
            if value < 128 {
                asciiClass[Int(value)] = fold.scalarClass.rawValue
                asciiFolded[Int(value)] = bytes.first ?? 0
            }
        }
        self.entries = entries
        self.pool = pool
        self.asciiClass = asciiClass
        self.asciiFolded = asciiFolded
    }
}
