/// `untranslated-term`: a French term whose aligned English sentences keep one of its French forms
/// instead of the canonical form (`Koursk` for `Kursk`). One finding per form and document,
/// located at the form in the English file. French forms that are part of the canonical form
/// (`Zelensky` in `Volodymyr Zelensky`) never count.
public enum UntranslatedTermCheck: ReportCheck {
    public static let descriptor = CheckDescriptor("untranslated-term", .warning, "a French term is left untranslated in the English translation")
    public static let languages: [Finding.Language] = [.english]

    public static var examples: [ReportCheckExample] {
        let kursk = [Concept(id: "kursk", english: "Kursk", french: ["Koursk"])]
        return [
            ReportCheckExample(glossary: kursk, documents: ["L'armée est entrée dans la région de Koursk."], translations: ["The army entered the Koursk region."], triggers: true),
            ReportCheckExample(glossary: kursk, documents: ["L'armée est entrée dans la région de Koursk."], translations: ["The army entered the Kursk region."], triggers: false),
            ReportCheckExample(glossary: kursk, documents: ["L'armée est entrée dans la région."], translations: ["The army entered the Koursk region."], triggers: false),
        ]
    }

    public static func findings(in analysis: CorpusAnalysis) -> [Finding] {
        analysis.translationFindings(
            descriptor, form: { concept, surface in CorpusAnalysis.listedForm(surface, in: concept.french + concept.frenchAvoid) },
            message: { concept, surface, count in FindingMessages.untranslatedTerm(surface: surface, concept: concept, count: count) })
    }
}
