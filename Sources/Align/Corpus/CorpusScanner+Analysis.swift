import Dispatch

extension CorpusScanner {
    /// Scans `documents` as `run` does (bounded batches, chunks scanned on all cores, bad documents
    /// turned into diagnostics), but instead of formatting occurrences it hands each chunk and its
    /// matches to `analyze`, in parallel, and the results to `consume` one at a time in document
    /// order. The report builds on this: whatever `consume` keeps is all that outlives a batch.
    ///
    /// `consume` runs on its own serial queue while the next batch is read and scanned (one batch
    /// in flight at most, so memory stays bounded), so its cost overlaps the scanning instead of
    /// adding to it; it must touch nothing but its own state, which the caller reads after return.
    public func analyze<Partial: Sendable>(
        documents: [String], standardInput: (() -> [UInt8])? = nil, diagnostics: inout [Diagnostic],
        progress: ((Statistics) -> Void)? = nil,
        analyze: @escaping @Sendable (DocumentChunk, [ScanMatch]) -> Partial,
        consume: @escaping @Sendable (DocumentChunk, Partial) -> Void
    ) throws -> Statistics {
        var statistics = Statistics()
        let consumer = DispatchQueue(label: "align.corpus.consume")
        let inFlight = DispatchGroup()
        defer { inFlight.wait() }
        try readInBatches(documents, standardInput: standardInput, statistics: &statistics, diagnostics: &diagnostics) {
            batch, statistics, diagnostics, failed in
            var ready: [(DocumentChunk, Partial)] = []
            for (chunk, result) in zip(batch, analyzeBatch(batch, analyze: analyze)) {
                if failed.contains(chunk.document) { continue }
                switch result {
                case .invalid(let bad):
                    failed.insert(chunk.document)
                    statistics.skipped += 1
                    diagnostics.append(Self.invalidUTF8(in: documents[chunk.document], at: bad))
                case .scanned(let partial, let occurrences, let nearMisses):
                    statistics.occurrences += occurrences
                    statistics.nearMisses += nearMisses
                    ready.append((chunk, partial))
                }
            }
            inFlight.wait()
            consumer.async(group: inFlight) { [ready] in
                for (chunk, partial) in ready { consume(chunk, partial) }
            }
            progress?(statistics)
        }
        inFlight.wait()
        return statistics
    }

    enum AnalyzedChunk<Partial: Sendable>: Sendable {
        case invalid((offset: Int, line: Int, column: Int))
        case scanned(Partial, occurrences: Int, nearMisses: Int)
    }

    func analyzeBatch<Partial: Sendable>(_ chunks: [DocumentChunk], analyze: @escaping @Sendable (DocumentChunk, [ScanMatch]) -> Partial) -> [AnalyzedChunk<Partial>] {
        let results = ResultSlots<AnalyzedChunk<Partial>>(count: chunks.count)
        let scanner = self.scanner
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            let chunk = chunks[index]
            if let bad = chunk.firstInvalidUTF8() {
                results.set(index, .invalid(bad))
                return
            }
            let matches = chunk.bytes.withUnsafeBufferPointer { scanner.scan($0[...], firstLine: chunk.firstLine) }
            let partial = analyze(chunk, matches)
            results.set(index, .scanned(partial, occurrences: matches.count, nearMisses: matches.count { $0.kind == .misspelled }))
        }
        return results.values
    }
}
