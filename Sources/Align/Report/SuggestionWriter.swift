/// `aligncli suggest`: the `uncovered-term` candidates as glossary rows ready to paste, the
/// English column left empty for the terminologist, an example sentence from the corpus in
/// `examples` (so `validate` checks the row matches), and near-duplicates of existing entries
/// as comment lines (a glossary ignores comments, so the whole output pastes safely).
struct SuggestionWriter {
    /// The columns of the rows: those of the glossary the rows will join.
    var columns: [String]
    /// Start with the version marker and the header line, making a glossary file of its own.
    var includesHeader = false

    /// The columns of `documents` when every file has the same header, else all known columns.
    static func columns(of documents: [GlossaryDocument]) -> [String] {
        let headers = Set(documents.map(\.header))
        if headers.count == 1, let header = headers.first, GlossaryColumn.required.allSatisfy({ header.contains($0.rawValue) }) { return header }
        return GlossaryColumn.allCases.map(\.rawValue)
    }

    /// An id for `term` unique among `taken`: folded, lower-case kebab-case, starting with a letter.
    static func id(for term: String, taken: inout Set<String>) -> String {
        var slug = ""
        for scalar in FormKey(term).value.unicodeScalars {
            if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty, !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        if slug.isEmpty || !(slug.unicodeScalars.first.map { ("a"..."z").contains($0) } ?? false) { slug = "term-" + slug }
        if slug.hasSuffix("-") { slug.removeLast() }
        var id = slug
        var suffix = 2
        while taken.contains(id) {
            id = "\(slug)-\(suffix)"
            suffix += 1
        }
        taken.insert(id)
        return id
    }

    func render(_ analysis: CorpusAnalysis, limit: Int) -> String {
        let candidates = limit > 0 ? Array(analysis.candidates.prefix(limit)) : analysis.candidates
        let fresh = candidates.filter { $0.resembles == nil }
        let nearDuplicates = candidates.filter { $0.resembles != nil }
        var out = ""
        if includesHeader { out += GlossaryDocument.versionMarker + "\n" }
        out += "# aligncli suggest: \(plural(fresh.count, "candidate term")) not in the glossary, most widespread first.\n"
        out += "# Fill in the English canonical form (en) of each row before pasting it into a glossary file.\n"
        if includesHeader { out += columns.joined(separator: "\t") + "\n" }
        var taken = Set(analysis.concepts.map(\.id))
        for candidate in fresh {
            let note = "suggested: \(FindingMessages.times(candidate.occurrences)) in \(FindingMessages.inDocuments(candidate.documents.count))"
            let concept = Concept(
                id: Self.id(for: candidate.term, taken: &taken), english: "", french: [candidate.term], note: note,
                examples: candidate.sentence.isEmpty ? [] : [candidate.sentence])
            out += GlossaryWriter.row(concept, columns: columns) + "\n"
        }
        if !nearDuplicates.isEmpty {
            out += "# Near-duplicates of glossary entries: add them to fr if admitted, to fr_avoid if wrong.\n"
            for candidate in nearDuplicates.sorted(by: { $0.resembles!.concept < $1.resembles!.concept }) {
                let concept = analysis.concepts[candidate.resembles!.concept]
                out += "# \(concept.id) ('\(candidate.resembles!.form)', English '\(concept.english)'): '\(candidate.term)' "
                out += "\(FindingMessages.times(candidate.occurrences)) in \(FindingMessages.inDocuments(candidate.documents.count)), "
                out += "first at \(candidate.first.location.file):\(candidate.first.location.line):\(candidate.first.location.column)\n"
            }
        }
        return out
    }
}
