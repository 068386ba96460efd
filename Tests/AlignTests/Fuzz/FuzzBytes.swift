/// Reads structure out of fuzz input: the parts between separator bytes, and small choices taken
/// from leading bytes, so that libFuzzer's mutations reach every branch of a target.
struct FuzzBytes {
    private(set) var bytes: ArraySlice<UInt8>

    init(_ bytes: [UInt8]) { self.bytes = bytes[...] }

    /// The next byte (0 once the input is used up).
    mutating func byte() -> UInt8 {
        guard let first = bytes.first else { return 0 }
        bytes = bytes.dropFirst()
        return first
    }

    /// A choice in `0..<count`, from the next byte.
    mutating func choice(_ count: Int) -> Int { Int(byte()) % count }

    /// The rest of the input, split at every `separator` (empty parts kept).
    func parts(separatedBy separator: UInt8, maxParts: Int = .max) -> [ArraySlice<UInt8>] {
        bytes.split(separator: separator, maxSplits: maxParts - 1, omittingEmptySubsequences: false)
    }

    /// `bytes` as text; invalid UTF-8 becomes U+FFFD, as a reader that repairs would do.
    static func text(_ bytes: ArraySlice<UInt8>) -> String { String(decoding: bytes, as: UTF8.self) }
}
