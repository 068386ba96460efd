/// How a spelling found in the corpus stands in the glossary.
public enum SpellingStatus: String, Sendable, Codable, CaseIterable {
    /// The preferred French form (the first of `fr`).
    case preferred
    /// Another form listed in `fr`.
    case variant
    /// Matched only by folding (case, hyphen, accents) or inflection: not written as any listed form.
    case unlisted
    /// A form of `fr_avoid`.
    case avoided
    /// Within one edit of a form: a possible misspelling.
    case misspelling

    /// Whether the spelling counts as a way of writing the concept (not an error to fix).
    var isAccepted: Bool { self == .preferred || self == .variant || self == .unlisted }
}
