/// `inconsistent-variant`: a concept written in more than one way across the corpus (`Kim Jong-un`
/// and `Kim Jong Un`, `OTAN` and `Otan`, `Kiev` and `Kyiv`). Spellings are compared as
/// `VariantSpelling` says; a short form of another spelling (`Biden`, `Joe Biden`) is no
/// inconsistency. One finding per concept, located at the first occurrence of a spelling that
/// departs from the main one (the preferred form when it occurs, else the most frequent).
public enum InconsistentVariantCheck: ReportCheck {
    public static let descriptor = CheckDescriptor("inconsistent-variant", .warning, "a concept is written in more than one way across the corpus")
    public static let languages: [Finding.Language] = [.french]

    public static var examples: [ReportCheckExample] {
        let kim = [Concept(id: "kim-jong-un", english: "Kim Jong Un", french: ["Kim Jong-un"])]
        let biden = [Concept(id: "joe-biden", english: "Joe Biden", french: ["Joe Biden", "Biden"])]
        let nato = [Concept(id: "nato", english: "NATO", french: ["OTAN"])]
        return [
            ReportCheckExample(glossary: kim, documents: ["Le dirigeant Kim Jong-un a parlé.", "Le dirigeant Kim Jong Un a parlé."], triggers: true),
            ReportCheckExample(glossary: nato, documents: ["Les alliés de l'OTAN et ceux de l'Otan."], triggers: true),
            ReportCheckExample(glossary: kim, documents: ["Le dirigeant Kim Jong-un a parlé.", "Selon Séoul, Kim Jong‑un a parlé."], triggers: false),
            ReportCheckExample(glossary: biden, documents: ["Joe Biden a parlé.", "Puis Biden est parti."], triggers: false),
            ReportCheckExample(glossary: nato, documents: ["Les alliés de l'OTAN.", "Les alliés de l’OTAN et OTAN."], triggers: false),
        ]
    }

    public static func findings(in analysis: CorpusAnalysis) -> [Finding] {
        var byConcept: [Int: [CorpusAnalysis.SpellingTally]] = [:]
        for spelling in analysis.spellings where spelling.status.isAccepted {
            byConcept[spelling.concept, default: []].append(spelling)
        }
        var findings: [Finding] = []
        for conceptIndex in byConcept.keys.sorted() {
            let spellings = byConcept[conceptIndex]!
            guard spellings.count >= 2, let finding = finding(for: spellings, concept: analysis.concepts[conceptIndex], in: analysis) else { continue }
            findings.append(finding)
        }
        return findings.sorted(by: Finding.byLocation)
    }

    static func finding(for spellings: [CorpusAnalysis.SpellingTally], concept: Concept, in analysis: CorpusAnalysis) -> Finding? {
        let main = spellings.first { $0.status == .preferred }
            ?? spellings.max { a, b in a.count != b.count ? a.count < b.count : a.first > b.first }!
        var odd = spellings.filter { $0.key != main.key && !VariantSpelling.areCompatible($0.key, main.key) }
        if odd.isEmpty {
            odd = spellings.filter { spelling in
                spelling.key != main.key && spellings.contains { $0.key != spelling.key && !VariantSpelling.areCompatible($0.key, spelling.key) }
            }
        }
        guard !odd.isEmpty else { return nil }
        let variants = spellings.map { spelling in
            Finding.Variant(
                surface: spelling.display, status: spelling.status.rawValue, count: spelling.count,
                documents: spelling.documents.map { Finding.DocumentCount(document: analysis.documents[$0.document].path, count: $0.count) })
        }
        let firstOdd = odd.min { $0.first < $1.first }!
        let evidence = ([main] + odd).compactMap(\.examples.first).sorted { $0.position < $1.position }.prefix(analysis.options.evidencePerFinding).map(\.evidence)
        return Finding(
            check: descriptor.id, severity: descriptor.defaultSeverity, message: FindingMessages.inconsistentVariant(concept: concept, variants: variants),
            location: firstOdd.examples.first?.evidence.location, term: concept.preferredFrench,
            entry: Finding.Entry(id: concept.id, english: concept.english, form: concept.preferredFrench, preferred: concept.preferredFrench),
            occurrences: odd.reduce(0) { $0 + $1.count }, documents: Set(odd.flatMap { $0.documents.map(\.document) }).count,
            evidence: Array(evidence), variants: variants, fingerprint: Finding.fingerprint(check: descriptor.id, [concept.id]))
    }
}
