/// The TSV tail of every glossary concept (`id`, tab, `english`, tab), escaped once per run, so
/// writing an occurrence copies bytes instead of reading the concept's strings: at 100k terms,
/// copying `Concept` values (and retaining their strings) for each of 650k occurrences was the
/// largest cost of formatting.
struct OccurrenceLabels: Sendable {
    /// Escaped labels back to back; concept `i` is `pool[starts[i]..<starts[i + 1]]`.
    let pool: [UInt8]
    let starts: [Int]
    /// The concept of each compiled entry.
    let entryConcepts: [Int32]

    init(_ glossary: CompiledGlossary) {
        var label = ByteBuffer()
        var starts = [0]
        starts.reserveCapacity(glossary.concepts.count + 1)
        // By index: a `for concept in` loop copied every concept (a dozen retains each).
        for index in glossary.concepts.indices {
            label.appendTSV(glossary.concepts[index].id.utf8)
            label.appendByte(0x09)
            label.appendTSV(glossary.concepts[index].english.utf8)
            label.appendByte(0x09)
            starts.append(label.bytes.count)
        }
        pool = label.bytes
        self.starts = starts
        entryConcepts = glossary.entries.map(\.conceptIndex)
    }
}
