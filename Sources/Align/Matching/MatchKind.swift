/// How an occurrence matched its glossary form; when several apply, the first in this list wins.
public enum MatchKind: String, Codable, Sendable, CaseIterable {
    /// A form from `fr_avoid`.
    case avoided
    /// Within one edit of a glossary form: a possible misspelling (`Volodomyr`, `ATAMCS`).
    case misspelled
    /// A gender or number form of the glossary form (`nord-coréennes` for `nord-coréen`).
    case inflected
    /// Preceded by a French elision (`l'OTAN`).
    case elided
    /// An admitted variant rather than the preferred form.
    case variant
    /// Equal to the form except for case, diacritics, apostrophes or spacing.
    case folded
    /// Written exactly as the preferred form.
    case exact
}
