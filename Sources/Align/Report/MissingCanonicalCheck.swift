/// `missing-canonical`: a French term whose aligned English sentences use neither its English
/// canonical form nor a form that `untranslated-term` or `avoided-term` reports (`OTAN` rendered
/// as `the Atlantic Alliance`). One finding per French spelling and document, located at the
/// start of the first English sentence concerned, with the French term as evidence.
public enum MissingCanonicalCheck: ReportCheck {
    public static let descriptor = CheckDescriptor("missing-canonical", .warning, "the English translation of a French term lacks its canonical form")
    public static let languages: [Finding.Language] = [.english]

    public static var examples: [ReportCheckExample] {
        let nato = [Concept(id: "nato", english: "NATO", french: ["OTAN"])]
        let putin = [Concept(id: "vladimir-putin", english: "Vladimir Putin", french: ["Vladimir Poutine", "Poutine"])]
        return [
            ReportCheckExample(glossary: nato, documents: ["Les alliés de l'OTAN ont répondu."], translations: ["The Atlantic Alliance allies responded."], triggers: true),
            ReportCheckExample(glossary: nato, documents: ["Les alliés de l'OTAN ont répondu."], translations: ["NATO allies responded."], triggers: false),
            ReportCheckExample(glossary: putin, documents: ["Selon Poutine, rien ne change."], translations: ["According to Putin, nothing changes."], triggers: false),
            ReportCheckExample(glossary: nato, documents: ["Les alliés de l'OTAN ont répondu."], triggers: false),
        ]
    }

    public static func findings(in analysis: CorpusAnalysis) -> [Finding] {
        analysis.translationFindings(
            descriptor, form: { concept, _ in concept.english },
            message: { concept, french, count in FindingMessages.missingCanonical(french: french, concept: concept, count: count) })
    }
}
