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
        label.bytes.reserveCapacity(glossary.concepts.count * 48)
        var starts = [0]
        starts.reserveCapacity(glossary.concepts.count + 1)
        // By index: a `for concept in` loop copied every concept (a dozen retains each).
        func append(_ text: String) {
            var text = text
            text.withUTF8 { utf8 in
                // Most ids and English forms need no escape: copied at once.
                if utf8.contains(where: { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x5C }) {
                    label.appendTSV(utf8)
                } else {
                    label.bytes.append(contentsOf: utf8)
                }
            }
            label.appendByte(0x09)
        }
        for index in glossary.concepts.indices {
            append(glossary.concepts[index].id)
            append(glossary.concepts[index].english)
            starts.append(label.bytes.count)
        }
        pool = label.bytes
        self.starts = starts
        entryConcepts = glossary.entries.map(\.conceptIndex)
    }
}
