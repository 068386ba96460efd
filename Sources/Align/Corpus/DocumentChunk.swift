/// A run of whole lines of one document, in UTF-8, with where it sits in the original file.
public struct DocumentChunk: Sendable {
    /// Index of the document in the scan's list.
    public var document: Int
    /// The lines, in UTF-8 (decoded if the input encoding was not UTF-8).
    public var bytes: [UInt8]
    /// Offset of the chunk in the original file.
    public var originalOffset: Int
    /// Number of the chunk's first line in the document (1-based).
    public var firstLine: Int
    /// Whether the original bytes are one byte per code point (latin1, windows-1252), so original
    /// offsets are code point counts.
    public var isSingleByte: Bool
    /// Whether the bytes still have to be checked as UTF-8 before scanning.
    public var needsValidation: Bool

    /// Where the first ill-formed UTF-8 byte is, if any: byte offset in the original file, line and column.
    public func firstInvalidUTF8() -> (offset: Int, line: Int, column: Int)? {
        guard needsValidation, let bad = UTF8Validation.firstInvalidOffset(in: bytes) else { return nil }
        let position = LineIndex(bytes: Array(bytes[..<bad])).position(ofByte: bad)
        return (originalOffset + bad, firstLine + position.line - 1, position.column)
    }
}
