/// Finds the glossary form a candidate term is a near-duplicate of: the same once folded (case,
/// accents, hyphens: `MAISON BLANCHE` for a `case` entry), one word of a listed name on its own
/// (`Zelensky` when only `Volodymyr Zelensky` is listed), or within one edit (two for keys of 8
/// letters or more) of a whole form or of one word of a name, with the same first letter. Indexed by single deletions on both sides
/// (symmetric deletion), so a query costs a few hash probes rather than a pass over the glossary.
struct GlossaryNeighbors: Sendable {
    /// Folded keys shorter than this are compared only for equality (`AP` is not a typo of `AFP`).
    static let minimumFuzzyLength = 5

    private var exact: [String: (concept: Int, form: String)] = [:]
    /// Words of four letters or more of multi-word names, folded.
    private var nameWords: [String: (concept: Int, form: String)] = [:]
    private var deletions: [UInt64: [Int]] = [:]
    private var keys: [(key: [Unicode.Scalar], concept: Int, form: String)] = []

    init(concepts: [Concept]) {
        for (conceptIndex, concept) in concepts.enumerated() {
            for form in concept.french + concept.frenchAvoid {
                let key = FormKey(form).value
                if exact[key] == nil { exact[key] = (conceptIndex, form) }
                var fuzzyKeys = [key]
                if let first = form.unicodeScalars.first, first.properties.isUppercase {
                    let words = FormKey(form).words.map(String.init)
                    fuzzyKeys += words
                    if words.count > 1 {
                        for word in words where word.unicodeScalars.count >= 4 && nameWords[word] == nil { nameWords[word] = (conceptIndex, form) }
                    }
                }
                for fuzzy in Set(fuzzyKeys) {
                    let scalars = Array(fuzzy.unicodeScalars)
                    guard scalars.count >= Self.minimumFuzzyLength else { continue }
                    let index = keys.count
                    keys.append((scalars, conceptIndex, form))
                    for hash in Self.hashes(scalars) { deletions[hash, default: []].append(index) }
                }
            }
        }
    }

    /// The hash of the scalars and of each single deletion of them.
    static func hashes(_ scalars: [Unicode.Scalar]) -> [UInt64] {
        var result = [hash(scalars, skipping: -1)]
        for index in scalars.indices { result.append(hash(scalars, skipping: index)) }
        return result
    }

    static func hash(_ scalars: [Unicode.Scalar], skipping skipped: Int) -> UInt64 {
        var hash = CaseTable.seed
        for (index, scalar) in scalars.enumerated() where index != skipped { hash = CaseTable.add(hash, scalar.value) }
        return CaseTable.add(hash, UInt32(scalars.count - (skipped >= 0 ? 1 : 0)) | 0x8000_0000)
    }

    /// The nearest glossary form to `term`, if it is a near-duplicate; the first in glossary order on ties.
    func nearest(to term: String) -> (concept: Int, form: String)? {
        let key = FormKey(term).value
        if let found = exact[key] ?? nameWords[key] { return found }
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= Self.minimumFuzzyLength else { return nil }
        let limit = scalars.count >= 8 ? 2 : 1
        var best: (distance: Int, index: Int)?
        for hash in Self.hashes(scalars) {
            for index in deletions[hash] ?? [] {
                let candidate = keys[index]
                guard candidate.key.first == scalars.first, let distance = EditDistance.distance(candidate.key, scalars, limit: limit) else { continue }
                if best == nil || (distance, index) < (best!.distance, best!.index) { best = (distance, index) }
            }
        }
        return best.map { (keys[$0.index].concept, keys[$0.index].form) }
    }
}
