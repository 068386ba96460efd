/// What the report takes from one chunk of a document, computed on a worker thread: the glossary
/// matches grouped by the form and the text they show, the candidate terms, and (for the HTML view)
/// the matches themselves. `CorpusAggregator` merges these in document order.
struct ChunkAnalysis: Sendable {
    /// How a match counts for the report.
    enum Role: UInt8, Sendable {
        /// A preferred form or admitted variant, as written or folded.
        case listed
        /// An inflected form of a common noun.
        case inflected
        case avoided
        case misspelled

        init(_ kind: MatchKind) {
            switch kind {
            case .avoided: self = .avoided
            case .misspelled: self = .misspelled
            case .inflected: self = .inflected
            case .elided, .variant, .folded, .exact: self = .listed
            }
        }
    }

    /// Matches of one glossary entry showing the same text (without elision).
    struct SurfaceKey: Hashable, Sendable {
        var entry: Int32
        var role: Role
        var surface: [UInt8]
        /// FNV-1a of `surface`, so hashing a key does not walk its bytes again.
        var surfaceHash: UInt64

        func hash(into hasher: inout Hasher) {
            hasher.combine(entry)
            hasher.combine(surfaceHash)
        }

        static func == (lhs: SurfaceKey, rhs: SurfaceKey) -> Bool {
            lhs.entry == rhs.entry && lhs.role == rhs.role && lhs.surfaceHash == rhs.surfaceHash && lhs.surface == rhs.surface
        }
    }

    /// The matches of one `SurfaceKey` in the chunk.
    struct SurfaceTally: Sendable {
        var key: SurfaceKey
        var count = 0
        /// The first matches, at most `ReportOptions.evidencePerFinding`.
        var first: [ScanMatch] = []
    }

    /// Groups in order of first occurrence in the chunk.
    var surfaces: [SurfaceTally] = []
    var candidates: CandidateExtractor.Output
    /// Every match, only when the document text is kept for the HTML view.
    var matches: [ScanMatch] = []

    // Grouping probes a hash of entry, role and surface bytes; groups that share it are told
    // apart by comparing them (`next` chains them), so grouping is exact.

    /// Analyzes the matches and the text of `chunk`.
    init(chunk: DocumentChunk, matches: [ScanMatch], examples: Int, keepsSpans: Bool) {
        var index = HashSlots(capacity: max(64, matches.count / 4))
        var next: [Int] = []
        var surfaces: [SurfaceTally] = []
        chunk.bytes.withUnsafeBufferPointer { bytes in
            for match in matches {
                let role = Role(match.kind)
                var hash = CaseTable.seed
                for offset in match.termStart..<match.end { hash = CaseTable.add(hash, UInt32(bytes[offset])) }
                // Entry and role folded into the surface's hash: equal probes are told apart below.
                let probe = hash ^ (UInt64(UInt32(bitPattern: match.entry)) &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(role.rawValue) << 61
                var group = index.value(for: probe)
                var last = -1
                while group >= 0,
                    surfaces[group].key.entry != match.entry || surfaces[group].key.role != role
                        || !surfaces[group].key.surface.elementsEqual(bytes[match.termStart..<match.end])
                {
                    last = group
                    group = next[group]
                }
                if group < 0 {
                    group = surfaces.count
                    surfaces.append(SurfaceTally(key: SurfaceKey(entry: match.entry, role: role, surface: Array(bytes[match.termStart..<match.end]), surfaceHash: hash)))
                    next.append(-1)
                    if last >= 0 { next[last] = group } else { index.set(group, for: probe) }
                }
                surfaces[group].count += 1
                if surfaces[group].first.count < examples { surfaces[group].first.append(match) }
            }
        }
        self.surfaces = surfaces
        var extractor = CandidateExtractor(keepsSpans: keepsSpans)
        candidates = chunk.bytes.withUnsafeBufferPointer { extractor.extract($0, firstLine: chunk.firstLine, matches: matches) }
        if keepsSpans { self.matches = matches }
    }
}
