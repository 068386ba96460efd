/// `possible-misspelling`: a name or acronym within one edit of a glossary form (`Volodimyr
/// Zelensky`), one finding per spelling and document, with the entry it resembles. Forms the
/// glossary already lists in `fr_avoid` are `avoided-term` instead.
public enum PossibleMisspellingCheck: ReportCheck {
    public static let descriptor = CheckDescriptor("possible-misspelling", .warning, "a name or acronym within one edit of a glossary form: a possible misspelling")
    public static let languages: [Finding.Language] = [.french]

    public static var examples: [ReportCheckExample] {
        let glossary = [Concept(id: "volodymyr-zelensky", english: "Volodymyr Zelensky", french: ["Volodymyr Zelensky", "Zelensky"])]
        return [
            ReportCheckExample(glossary: glossary, documents: ["Le président Volodimyr Zelensky a parlé."], triggers: true),
            ReportCheckExample(glossary: glossary, documents: ["Le président Volodymyr Zelensky a parlé."], triggers: false),
        ]
    }

    public static func findings(in analysis: CorpusAnalysis) -> [Finding] {
        AvoidedTermCheck.perDocumentFindings(in: analysis, status: .misspelling, descriptor: descriptor) { spelling, concept, count in
            FindingMessages.possibleMisspelling(surface: spelling.display, form: spelling.form, concept: concept, count: count)
        }
    }
}
