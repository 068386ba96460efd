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

    /// The labels of `concepts`, before the glossary is compiled: `scan` builds them on another
    /// thread while it compiles (they took 9 ms at 100k terms, on one core, before any chunk
    /// could be formatted).
    struct ConceptLabels: Sendable {
        let pool: [UInt8]
        let starts: [Int]
    }

    init(_ glossary: CompiledGlossary, concepts labels: ConceptLabels? = nil) {
        let labels = labels ?? Self.conceptLabels(glossary.concepts)
        pool = labels.pool
        starts = labels.starts
        entryConcepts = glossary.entries.map(\.conceptIndex)
    }

    /// Sized first, then written through a raw buffer (appending each string to a growing array
    /// cost about 1,000 instructions per concept).
    static func conceptLabels(_ concepts: [Concept]) -> ConceptLabels {
        // Escaping at most doubles a byte; a tab follows each field.
        var capacity = 0
        for index in concepts.indices { capacity += 2 * (concepts[index].id.utf8.count + concepts[index].english.utf8.count + 1) }
        var starts = [Int](repeating: 0, count: concepts.count + 1)
        let pool = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            guard let base = buffer.baseAddress else { return }
            var out = base
            func write(_ text: String) {
                var text = text
                text.withUTF8 { utf8 in
                    for byte in utf8 { out = OccurrenceWriter.writeTSV(byte, to: out) }
                }
                out.pointee = 0x09
                out += 1
            }
            // By index: a `for concept in` loop copied every concept (a dozen retains each).
            for index in concepts.indices {
                write(concepts[index].id)
                write(concepts[index].english)
                starts[index + 1] = out - base
            }
            initialized = out - base
        }
        return ConceptLabels(pool: pool, starts: starts)
    }
}
