/// Something normalization left out, logged with why: a boilerplate line, a repeated segment, a
/// segment in another language.
public struct Removal: Sendable, Equatable {
    /// What kind of removal.
    public enum Kind: String, Sendable {
        /// A whole line matched a boilerplate rule.
        case boilerplate
        /// The segment repeats an earlier one of the document.
        case duplicate
        /// The segment is in another language (set aside, not lost: it is in the log).
        case foreign
    }

    public var kind: Kind
    /// 1-based line of the original file.
    public var line: Int
    /// Byte range in the original file.
    public var original: Range<Int>
    /// The rule id (`comments-prompt`, `duplicate`, `foreign-language`).
    public var rule: String
    /// The rule's category (`comments`, `duplicate`, `foreign`).
    public var category: String
    public var reason: String
    /// The original text of the range.
    public var text: String
}
