/// `uncovered-term`: candidate terms the glossary does not cover (recurring proper names,
/// acronyms, runs of capitalized words), ranked by documents and occurrences; near-duplicates
/// of glossary entries come after the new terms, grouped under the entry they resemble.
/// `aligncli suggest` prints the same candidates as glossary rows.
public enum UncoveredTermCheck: ReportCheck {
    public static let descriptor = CheckDescriptor("uncovered-term", .note, "a recurring name, acronym or multi-word term that the glossary does not cover")
    public static let languages: [Finding.Language] = [.french]

    public static var examples: [ReportCheckExample] {
        let nato = [Concept(id: "nato", english: "NATO", french: ["OTAN"])]
        return [
            ReportCheckExample(glossary: nato, documents: ["Le porte-parole du Kremlin a répondu.", "Selon le Kremlin, l'OTAN ment."], triggers: true),
            ReportCheckExample(glossary: nato, documents: ["Selon l'agence TASS, l'OTAN ment.", "L'agence TASS le confirme."], triggers: true),
            ReportCheckExample(glossary: nato, documents: ["Hélas, l'OTAN a répondu.", "Hélas, l'OTAN ment."], triggers: false),
            ReportCheckExample(glossary: nato, documents: ["L'État a répondu à l'OTAN.", "Un état de crise. Selon l'État, l'OTAN ment."], triggers: false),
            ReportCheckExample(glossary: nato, documents: ["Le porte-parole du Kremlin a répondu à l'OTAN."], triggers: false),
        ]
    }

    /// The candidates the report shows, in its order: new terms by rank, then near-duplicates by entry.
    static func shown(_ analysis: CorpusAnalysis) -> [UncoveredCandidate] {
        let limit = analysis.options.uncoveredLimit
        let top = limit > 0 ? Array(analysis.candidates.prefix(limit)) : analysis.candidates
        let fresh = top.filter { $0.resembles == nil }
        let nearDuplicates = top.enumerated().filter { $0.element.resembles != nil }.sorted { a, b in
            a.element.resembles!.concept != b.element.resembles!.concept ? a.element.resembles!.concept < b.element.resembles!.concept : a.offset < b.offset
        }.map(\.element)
        return fresh + nearDuplicates
    }

    public static func findings(in analysis: CorpusAnalysis) -> [Finding] {
        shown(analysis).map { candidate in
            let concept = candidate.resembles.map { analysis.concepts[$0.concept] }
            return Finding(
                check: descriptor.id, severity: descriptor.defaultSeverity,
                message: FindingMessages.uncoveredTerm(candidate, resembling: concept, form: candidate.resembles?.form),
                location: candidate.first.location, term: candidate.term,
                entry: concept.map { Finding.Entry(id: $0.id, english: $0.english, form: candidate.resembles!.form, preferred: $0.preferredFrench) },
                occurrences: candidate.occurrences, documents: candidate.documents.count, evidence: [candidate.first],
                spellings: candidate.spellings.count > 1 ? candidate.spellings : nil,
                fingerprint: Finding.fingerprint(check: descriptor.id, [FormKey(candidate.term).value]))
        }
    }
}
