/// Maps byte offsets of a UTF-8 buffer to 1-based lines and columns.
///
/// Columns count Unicode scalars (code points) from the start of the line, the unit SARIF calls
/// `unicodeCodePoints`, so a column is the same whatever the bytes per character.
public struct LineIndex: Sendable {
    private let bytes: [UInt8]
    /// Byte offsets where each line starts.
    public let lineStarts: [Int]

    /// Indexes `bytes`; lines end at LF (a CR before it belongs to the line end).
    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A {
            starts.append(offset + 1)
        }
        lineStarts = starts
    }

    /// The 1-based line and column of `offset`.
    public func position(ofByte offset: Int) -> (line: Int, column: Int) {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let start = lineStarts[low]
        var column = 1
        var index = start
        while index < clamped {
            // Continuation bytes do not start a scalar.
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return (low + 1, column)
    }
}
