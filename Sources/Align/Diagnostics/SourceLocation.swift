/// A place in an input file: 1-based line and column (columns count Unicode code points), and the
/// byte offset from the start of the file when it is known.
public struct SourceLocation: Codable, Hashable, Sendable, Comparable {
    /// The file path as the user gave it (or as found below a folder they gave).
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode code points from the start of the line.
    public var column: Int
    /// Offset in bytes from the start of the file.
    public var byteOffset: Int?

    public init(file: String, line: Int, column: Int, byteOffset: Int? = nil) {
        self.file = file
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}
