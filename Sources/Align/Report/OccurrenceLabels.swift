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
            // By index: a `for concept in` loop copied every concept (a dozen retains each).
            for index in concepts.indices {
                Self.write(concepts[index].id, to: &out)
                Self.write(concepts[index].english, to: &out)
                starts[index + 1] = out - base
            }
            initialized = out - base
        }
        return ConceptLabels(pool: pool, starts: starts)
    }

    /// Writes `text` escaped for TSV and a tab, and moves `out` past them. A static function
    /// with `out` passed in: as a closure capturing it, every call checked exclusive access.
    /// With the whole-text copy below, labelling 100k concepts went from 101M to 53M
    /// instructions (callgrind), most of it from the closure.
    static func write(_ text: String, to out: inout UnsafeMutablePointer<UInt8>) {
        var text = text
        text.withUTF8 { utf8 in
            // Ids and English forms almost never hold a byte TSV escapes: copied whole then.
            if !needsEscaping(utf8), let source = utf8.baseAddress {
                out.update(from: source, count: utf8.count)
                out += utf8.count
            } else {
                for byte in utf8 { out = OccurrenceWriter.writeTSV(byte, to: out) }
            }
        }
        out.pointee = 0x09
        out += 1
    }

    /// Whether `bytes` holds a byte TSV escapes (tab, line feed, carriage return, backslash),
    /// tested eight bytes at a time.
    static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        var index = 0
        while index &+ 8 <= bytes.count {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let found =
                UTF8Count.zeroBytes(block ^ 0x0909_0909_0909_0909) | UTF8Count.zeroBytes(block ^ 0x0A0A_0A0A_0A0A_0A0A)
                | UTF8Count.zeroBytes(block ^ 0x0D0D_0D0D_0D0D_0D0D) | UTF8Count.zeroBytes(block ^ 0x5C5C_5C5C_5C5C_5C5C)
            if found != 0 { return true }
            index &+= 8
        }
        while index < bytes.count {
            let byte = base[index]
            if byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x5C { return true }
            index &+= 1
        }
        return false
    }
}
