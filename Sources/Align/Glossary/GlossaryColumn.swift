/// The known columns of the native glossary format, in canonical order.
public enum GlossaryColumn: String, CaseIterable, Sendable {
    case id
    case en
    case fr
    case enAvoid = "en_avoid"
    case frAvoid = "fr_avoid"
    case flags
    case note
    case examples
    case counterexamples

    /// Columns that every glossary must have.
    public static let required: [GlossaryColumn] = [.id, .en, .fr]

    /// Columns whose cells hold `|`-separated lists.
    public var isList: Bool {
        switch self {
        case .fr, .enAvoid, .frAvoid, .examples, .counterexamples: true
        default: false
        }
    }

    /// Columns whose list items are terms (compared by folding), not sentences.
    public var holdsForms: Bool {
        switch self {
        case .fr, .enAvoid, .frAvoid: true
        default: false
        }
    }
}
