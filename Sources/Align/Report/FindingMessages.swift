/// The wording of every finding, in one place so it stays consistent: lower-case start, no
/// trailing period, forms in single quotes.
enum FindingMessages {
    static func times(_ count: Int) -> String { count == 1 ? "1 occurrence" : "\(count) occurrences" }
    static func inDocuments(_ count: Int) -> String { count == 1 ? "1 document" : "\(count) documents" }

    static func avoidedTerm(form: String, concept: Concept, count: Int) -> String {
        "avoided form '\(form)' of \(concept.id): write '\(concept.preferredFrench)' (English '\(concept.english)')" + (count > 1 ? ", \(times(count)) in this document" : "")
    }

    static func avoidedEnglishTerm(form: String, concept: Concept, count: Int) -> String {
        "avoided English form '\(form)' of \(concept.id): write '\(concept.english)' (French '\(concept.preferredFrench)')" + inThisDocument(count)
    }

    static func missingCanonical(french: String, concept: Concept, count: Int) -> String {
        "'\(french)' (\(concept.id)) is not rendered as '\(concept.english)' in the English translation" + inThisDocument(count)
    }

    static func untranslatedTerm(surface: String, concept: Concept, count: Int) -> String {
        "'\(surface)' of \(concept.id) is left in French in the English translation: write '\(concept.english)'" + inThisDocument(count)
    }

    /// `, 3 occurrences in this document` when there is more than one.
    static func inThisDocument(_ count: Int) -> String { count > 1 ? ", \(times(count)) in this document" : "" }

    static func possibleMisspelling(surface: String, form: String, concept: Concept, count: Int) -> String {
        "possible misspelling '\(surface)' of '\(form)' (\(concept.id), English '\(concept.english)')" + (count > 1 ? ", \(times(count)) in this document" : "")
    }

    static func inconsistentVariant(concept: Concept, variants: [Finding.Variant]) -> String {
        let list = variants.map { "'\($0.surface)' (\($0.status)) ×\($0.count) in \(inDocuments($0.documents.count))" }.joined(separator: ", ")
        return "\(concept.id) is written \(variants.count) ways across the corpus: \(list)"
    }

    static func uncoveredTerm(_ candidate: UncoveredCandidate, resembling concept: Concept?, form: String?) -> String {
        let counts = "\(times(candidate.occurrences)) in \(inDocuments(candidate.documents.count))"
        if let concept, let form {
            return "'\(candidate.term)' is not in the glossary but resembles '\(form)' (\(concept.id)): \(counts); add it as a variant or an avoided form"
        }
        return "'\(candidate.term)' is not in the glossary: \(counts)"
    }

    static func unusedEntry(_ concept: Concept) -> String {
        "concept \(concept.id) ('\(concept.preferredFrench)' → '\(concept.english)') never occurs in the corpus"
    }
}
