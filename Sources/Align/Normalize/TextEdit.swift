/// One change normalization made to a line: the bytes `source` of the line became the bytes
/// `target` of the normalized line. Between edits the text is copied unchanged, so a list of edits
/// maps every normalized offset back to the original.
public struct TextEdit: Sendable, Equatable {
    /// What kind of change, and why.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// Unicode normalization to NFC.
        case unicode
        /// Invisible or control characters removed (soft hyphen, zero-width space, C0 controls).
        case invisible
        /// White space: variants unified, runs collapsed, line ends trimmed, French spacing.
        case space
        /// An apostrophe unified to the chosen form.
        case apostrophe
        /// A dash or hyphen unified.
        case dash
        /// A space inserted between two glued sentences (`année.Selon`).
        case sentenceSplit = "sentence-split"
    }

    /// Byte range in the line before normalization.
    public var source: Range<Int>
    /// Byte range in the normalized line.
    public var target: Range<Int>
    public var kind: Kind

    public init(source: Range<Int>, target: Range<Int>, kind: Kind) {
        self.source = source
        self.target = target
        self.kind = kind
    }
}
