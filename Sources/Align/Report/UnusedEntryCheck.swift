/// `unused-entry`: a glossary concept none of whose forms (admitted, avoided or misspelled)
/// occurs in the corpus, located at its glossary row. Information for the terminologist.
public enum UnusedEntryCheck: ReportCheck {
    public static let descriptor = CheckDescriptor("unused-entry", .note, "a glossary concept that never occurs in the corpus")
    public static let languages: [Finding.Language] = [.french]

    public static var examples: [ReportCheckExample] {
        let glossary = [Concept(id: "nato", english: "NATO", french: ["OTAN"]), Concept(id: "kursk", english: "Kursk", french: ["Koursk"])]
        return [
            ReportCheckExample(glossary: glossary, documents: ["L'OTAN a répondu."], triggers: true),
            ReportCheckExample(glossary: glossary, documents: ["L'OTAN a répondu sur Koursk."], triggers: false),
        ]
    }

    public static func findings(in analysis: CorpusAnalysis) -> [Finding] {
        analysis.concepts.enumerated().filter { analysis.conceptOccurrences[$0.offset] == 0 }.map { _, concept in
            Finding(
                check: descriptor.id, severity: descriptor.defaultSeverity, message: FindingMessages.unusedEntry(concept),
                location: concept.location(of: .id), term: concept.preferredFrench,
                entry: Finding.Entry(id: concept.id, english: concept.english, form: concept.preferredFrench, preferred: concept.preferredFrench),
                occurrences: 0, documents: 0, fingerprint: Finding.fingerprint(check: descriptor.id, [concept.id]))
        }
    }
}
