extension CorpusAnalysis {
    /// The findings of `descriptor` in the English translations: one per document, concept and
    /// term as written, grouping every aligned pair where it occurs (like `avoided-term` in French),
    /// located at the first, with the evidence of the first pairs. Ordered by place.
    func translationFindings(
        _ descriptor: CheckDescriptor, form: (Concept, String) -> String, message: (Concept, String, Int) -> String
    ) -> [Finding] {
        struct Key: Hashable {
            var concept: Int
            var term: String
        }
        var findings: [Finding] = []
        for translation in translations {
            var groups: [Key: [TranslationAnalysis.Occurrence]] = [:]
            var order: [Key] = []
            for occurrence in translation.occurrences where occurrence.check == descriptor.id {
                let key = Key(concept: occurrence.concept, term: occurrence.term)
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(occurrence)
            }
            let document = documents[translation.document]
            for key in order {
                let occurrences = groups[key]!
                let concept = concepts[key.concept]
                let evidence = occurrences.flatMap(\.evidence).prefix(options.evidencePerFinding)
                findings.append(
                    Finding(
                        check: descriptor.id, severity: descriptor.defaultSeverity, message: message(concept, key.term, occurrences.count),
                        location: occurrences[0].location, language: .english, term: key.term,
                        entry: Finding.Entry(id: concept.id, english: concept.english, form: form(concept, key.term), preferred: concept.preferredFrench),
                        occurrences: occurrences.count, documents: 1, evidence: Array(evidence),
                        fingerprint: Finding.fingerprint(check: descriptor.id, document: document.key, [Finding.Language.english.rawValue, concept.id, key.term])))
            }
        }
        return findings.sorted(by: Finding.byLocation)
    }

    /// The form of `forms` that `surface` is written as (ignoring case), else `surface`.
    static func listedForm(_ surface: String, in forms: [String]) -> String {
        forms.first { $0.lowercased() == surface.lowercased() } ?? surface
    }
}
