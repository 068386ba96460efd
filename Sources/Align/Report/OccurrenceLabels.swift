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
            var out = 0
            func write(_ text: String) {
                var text = text
                text.withUTF8 { utf8 in
                    for byte in utf8 {
                        switch byte {
                        case 0x09: (buffer[out], buffer[out + 1], out) = (0x5C, 0x74, out + 2)
                        case 0x0A: (buffer[out], buffer[out + 1], out) = (0x5C, 0x6E, out + 2)
                        case 0x0D: (buffer[out], buffer[out + 1], out) = (0x5C, 0x72, out + 2)
                        case 0x5C: (buffer[out], buffer[out + 1], out) = (0x5C, 0x5C, out + 2)
                        default: (buffer[out], out) = (byte, out + 1)
                        }
                    }
                }
                buffer[out] = 0x09
                out += 1
            }
            // By index: a `for concept in` loop copied every concept (a dozen retains each).
            for index in concepts.indices {
                write(concepts[index].id)
                write(concepts[index].english)
                starts[index + 1] = out
            }
            initialized = out
        }
        return ConceptLabels(pool: pool, starts: starts)
    }
}
