/// `avoided-term`: a form from `fr_avoid` used in French text, or from `en_avoid` in an English
/// translation (in any sentence, whatever its French says); one finding per form and document.
/// The French findings come first, then the English ones, each by place.
public enum AvoidedTermCheck: ReportCheck {
    public static let descriptor = CheckDescriptor(
        "avoided-term", .error, "a form the glossary lists in fr_avoid is used in the French text, or one of en_avoid in its English translation")
    public static let languages: [Finding.Language] = [.french, .english]

    public static var examples: [ReportCheckExample] {
        let glossary = [
            Concept(id: "atacms", english: "ATACMS", french: ["ATACMS"], frenchAvoid: ["ATACM"]),
            Concept(id: "kyiv", english: "Kyiv", french: ["Kiev"], englishAvoid: ["Kiev"]),
        ]
        return [
            ReportCheckExample(glossary: glossary, documents: ["Kiev a reçu des missiles ATACM américains."], triggers: true),
            ReportCheckExample(glossary: glossary, documents: ["Kiev a reçu des missiles ATACMS américains."], triggers: false),
            ReportCheckExample(
                glossary: glossary, documents: ["Kiev a reçu des missiles ATACMS américains."], translations: ["Kiev received American ATACMS missiles."], triggers: true),
            ReportCheckExample(
                glossary: glossary, documents: ["Kiev a reçu des missiles ATACMS américains."], translations: ["Kyiv received American ATACMS missiles."], triggers: false),
        ]
    }

    public static func findings(in analysis: CorpusAnalysis) -> [Finding] {
        let french = perDocumentFindings(in: analysis, status: .avoided, descriptor: descriptor) { spelling, concept, count in
            FindingMessages.avoidedTerm(form: spelling.display, concept: concept, count: count)
        }
        let english = analysis.translationFindings(
            descriptor, form: { concept, surface in CorpusAnalysis.listedForm(surface, in: concept.englishAvoid) },
            message: { concept, surface, count in FindingMessages.avoidedEnglishTerm(form: surface, concept: concept, count: count) })
        return french + english
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
