import Foundation

/// Writes glossaries in the native format, canonically: NFC, trimmed, single spaces, admitted
/// variants and avoided forms in a stable order, known columns first.
public enum GlossaryWriter {
    /// The canonical column order for `header`: known columns in canonical order, then unknown
    /// ones in their original order.
    public static func canonicalColumns(_ header: [String]) -> [String] {
        let known = GlossaryColumn.allCases.map(\.rawValue).filter { header.contains($0) }
        return known + header.filter { GlossaryColumn(rawValue: $0) == nil }
    }

    /// A whole glossary as one native file.
    public static func tsv(_ glossary: Glossary) -> String {
        let columns = glossary.columnNames
        var out = GlossaryDocument.versionMarker + "\n" + columns.joined(separator: "\t") + "\n"
        for concept in glossary.concepts {
            out += row(canonical(concept), columns: columns) + "\n"
        }
        return out
    }

    /// One row for `concept` under `columns`.
    public static func row(_ concept: Concept, columns: [String]) -> String {
        columns.map { concept.cellText(forColumn: $0) }.joined(separator: "\t")
    }

    /// The concept in canonical form: cells in NFC with single inner spaces, empty items removed,
    /// exact duplicates removed, admitted variants and avoided forms sorted (the preferred form stays first).
    public static func canonical(_ concept: Concept) -> Concept {
        var result = concept
        result.id = clean(concept.id)
        result.english = clean(concept.english)
        let french = cleanList(concept.french)
        result.french = french.isEmpty ? [] : [french[0]] + sortedForms(Array(french.dropFirst()).filter { $0 != french[0] })
        result.englishAvoid = sortedForms(cleanList(concept.englishAvoid))
        result.frenchAvoid = sortedForms(cleanList(concept.frenchAvoid))
        result.note = clean(concept.note)
        result.examples = cleanList(concept.examples)
        result.counterexamples = cleanList(concept.counterexamples)
        result.extra = concept.extra.map { Concept.ExtraField(name: $0.name, value: clean($0.value)) }
        return result
    }

    static func clean(_ text: String) -> String {
        // Trim what `validate` calls leading or trailing space (tab, NBSP and other Zs included),
        // then collapse runs of spaces inside.
        let nfc = text.precomposedStringWithCanonicalMapping.trimmingSpaces()
        return nfc.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    static func cleanList(_ items: [String]) -> [String] {
        var seen = Set<[UInt8]>()
        var result: [String] = []
        for item in items {
            let cleaned = clean(item)
            if !cleaned.isEmpty, seen.insert(Array(cleaned.utf8)).inserted { result.append(cleaned) }
        }
        return result
    }

    /// Forms ordered by their folded key, then by their bytes: stable whatever their case or accents.
    static func sortedForms(_ forms: [String]) -> [String] {
        forms.map { (FormKey($0), $0) }.sorted { a, b in
            a.0 != b.0 ? a.0 < b.0 : a.1.utf8.lexicographicallyPrecedes(b.1.utf8)
        }.map(\.1)
    }
}
