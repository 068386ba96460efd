extension CorpusScanner {
    /// Scans `documents` as `run` does (the same pipeline, bad documents turned into
    /// diagnostics), but instead of formatting occurrences it hands each chunk and its matches to
    /// `analyze`, on the workers, and the results to `consume` one at a time in document order,
    /// on the reading thread while the workers go on. The report builds on this: whatever
    /// `consume` keeps is all that outlives a chunk.
    public func analyze<Partial: Sendable>(
        documents: [String], standardInput: (() -> [UInt8])? = nil, diagnostics: inout [Diagnostic],
        progress: ((Statistics) -> Void)? = nil,
        analyze: @escaping @Sendable (DocumentChunk, [ScanMatch]) -> Partial,
        consume: @escaping @Sendable (DocumentChunk, Partial) -> Void
    ) throws -> Statistics {
        var statistics = Statistics()
        let scanner = scanner
        try pipeline(
            documents, standardInput: standardInput, statistics: &statistics, diagnostics: &diagnostics, progress: progress,
            work: { chunk in Self.scan(chunk, scanner: scanner) { analyze(chunk, $0) } },
            deliver: consume)
        return statistics
    }
}
