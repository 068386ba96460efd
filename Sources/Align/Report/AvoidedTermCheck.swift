/// `avoided-term`: a form from `fr_avoid` used in French text, one finding per form and document.
/// LATER: the same check on English translations reads `en_avoid`.
public enum AvoidedTermCheck: ReportCheck {
    public static let descriptor = CheckDescriptor("avoided-term", .error, "a form the glossary lists in fr_avoid is used in the French text")
    public static let language = Finding.Language.french

    public static var examples: [ReportCheckExample] {
        let glossary = [Concept(id: "atacms", english: "ATACMS", french: ["ATACMS"], frenchAvoid: ["ATACM"])]
        return [
            ReportCheckExample(glossary: glossary, documents: ["Kiev a reçu des missiles ATACM américains."], triggers: true),
            ReportCheckExample(glossary: glossary, documents: ["Kiev a reçu des missiles ATACMS américains."], triggers: false),
        ]
    }

    public static func findings(in analysis: CorpusAnalysis) -> [Finding] {
        perDocumentFindings(in: analysis, status: .avoided, descriptor: descriptor) { spelling, concept, count in
            FindingMessages.avoidedTerm(form: spelling.display, concept: concept, count: count)
        }
    }

    /// One finding per spelling of `status` and document: shared with `possible-misspelling`.
    static func perDocumentFindings(
        in analysis: CorpusAnalysis, status: SpellingStatus, descriptor: CheckDescriptor,
        message: (CorpusAnalysis.SpellingTally, Concept, Int) -> String
    ) -> [Finding] {
        var findings: [Finding] = []
        for spelling in analysis.spellings where spelling.status == status {
            let concept = analysis.concepts[spelling.concept]
            for tally in spelling.documents {
                let document = analysis.documents[tally.document]
                findings.append(
                    Finding(
                        check: descriptor.id, severity: descriptor.defaultSeverity, message: message(spelling, concept, tally.count),
                        location: tally.examples.first?.evidence.location, term: spelling.display,
                        entry: Finding.Entry(id: concept.id, english: concept.english, form: spelling.form, preferred: concept.preferredFrench),
                        occurrences: tally.count, documents: 1, evidence: tally.examples.map(\.evidence),
                        fingerprint: Finding.fingerprint(check: descriptor.id, document: document.key, [concept.id, spelling.key])))
            }
        }
        return findings.sorted(by: Finding.byLocation)
    }
}
