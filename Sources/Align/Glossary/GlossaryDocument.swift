/// A glossary file as written: comments, blank lines, header and rows in order, so `fmt` can
/// rewrite it without losing anything.
public struct GlossaryDocument: Sendable {
    /// One line after the version marker.
    public enum Line: Sendable, Equatable {
        case comment(String)
        case blank
        case header
        /// A concept row: the index of its concept in `concepts`.
        case row(Int)
        /// A line that could not be read as a concept (its diagnostics say why), kept verbatim.
        case unparsed(String)
    }

    /// The path as given by the user.
    public var path: String
    /// The version found in the marker line, if there was one.
    public var version: Int?
    /// The column names of the header, in file order.
    public var header: [String]
    public var lines: [Line]
    public var concepts: [Concept]
    public var hasByteOrderMark: Bool
    public var hasCRLF: Bool
    /// False when the file had problems that make rewriting it unsafe (bad encoding, no header,
    /// rows with the wrong number of fields, unknown flags): `fmt` leaves such files alone.
    public var isRewritable: Bool

    /// The supported version of the format.
    public static let supportedVersion = 1
    /// The exact first line of a version-1 file.
    public static let versionMarker = "# align-glossary 1"
}
