/// How `aligncli normalize` rewrites text.
public struct NormalizeOptions: Sendable, Equatable {
    /// The apostrophe written between letters (`l'OTAN`, `aujourd'hui`).
    public enum Apostrophe: String, Sendable, CaseIterable {
        /// U+0027 `'`.
        case ascii
        /// U+2019 `’`.
        case typographic

        var scalar: Unicode.Scalar { self == .ascii ? "'" : "\u{2019}" }
    }

    /// The space kept before `: ; ! ?` and inside `« »`, where French typography wants one.
    public enum FrenchSpacing: String, Sendable, CaseIterable {
        /// A plain space, like every other space.
        case space
        /// U+00A0 no-break space.
        case nbsp
        /// U+202F narrow no-break space.
        case narrow

        var scalar: Unicode.Scalar {
            switch self {
            case .space: " "
            case .nbsp: "\u{00A0}"
            case .narrow: "\u{202F}"
            }
        }
    }

    /// The dash written for a spaced dash (`x – y`, `x -- y`); a dialogue dash at the start of a
    /// line becomes an em dash (or a hyphen with `hyphen`).
    public enum Dash: String, Sendable, CaseIterable {
        /// U+2013 `–`.
        case en
        /// U+2014 `—`.
        case em
        /// U+002D `-`.
        case hyphen

        var scalar: Unicode.Scalar {
            switch self {
            case .en: "\u{2013}"
            case .em: "\u{2014}"
            case .hyphen: "-"
            }
        }

        var dialogue: Unicode.Scalar { self == .hyphen ? "-" : "\u{2014}" }
    }

    /// What happens to glossary terms in the normalized text.
    public enum Terms: String, Sendable, CaseIterable {
        /// Each term followed by its English canonical form: `Koursk ⟨Kursk⟩`.
        case annotate
        /// The canonical form in place of the French surface.
        case replace
        /// The text as it is.
        case off
    }

    public var apostrophe: Apostrophe = .ascii
    public var frenchSpacing: FrenchSpacing = .space
    public var dash: Dash = .en
    public var terms: Terms = .annotate
    /// Keep every line: no boilerplate rules, no duplicate or foreign-language removal.
    public var keepBoilerplate = false
    /// Remove sentences that look like another language. `align` turns this off: a caption left
    /// in English in a French article is also in its translation, and must pair with it.
    public var removesForeignLanguage = true
    /// The language of the documents (segmentation rules, foreign-language detection).
    public var language = "fr"
    /// Segments with fewer words are never removed as duplicates (short lines such as `— Oui.`
    /// legitimately repeat).
    public var duplicateMinimumWords = 6

    public init() {}
}
