import Dispatch
import Foundation

/// Scans documents with a `TermScanner`: reads them in bounded blocks, scans and formats the
/// chunks of a batch on all cores, and hands the formatted output over in document order, so
/// output never depends on scheduling and memory never depends on corpus size.
public struct CorpusScanner: Sendable {
    /// Totals of one run.
    public struct Statistics: Sendable, Equatable {
        public var documents = 0
        public var bytes = 0
        public var occurrences = 0
        public var nearMisses = 0
        public var skipped = 0
    }

    public let scanner: TermScanner
    public let writer: OccurrenceWriter
    public var encoding: TextEncoding = .utf8
    /// Bytes read before a batch is scanned.
    public var batchBytes = 8 << 20
    /// Bytes per chunk within a batch.
    public var chunkBytes = 1 << 20

    public init(scanner: TermScanner, writer: OccurrenceWriter, encoding: TextEncoding = .utf8) {
        self.scanner = scanner
        self.writer = writer
        self.encoding = encoding
    }

    /// Scans `documents` (paths, or `-` for `standardInput`). `emit` receives output bytes in order;
    /// problems with a document become diagnostics and the run goes on with the next one.
    ///
    /// A pipeline: this thread reads chunks and hands each to a worker as soon as it is read, and
    /// emits finished chunks in reading order; at most `inFlight` chunks are read and not yet
    /// emitted, so memory stays bounded whatever the corpus. (Reading a batch, then scanning it
    /// on all cores, left cores idle while reading and while the last chunk of each batch ran.)
    public func run(
        documents: [String], standardInput: (() -> [UInt8])? = nil, diagnostics: inout [Diagnostic],
        progress: ((Statistics) -> Void)? = nil, emit: ([UInt8]) -> Void
    ) throws -> Statistics {
        var statistics = Statistics()
        var emittedAny = false
        let writer = writer.prepared(for: scanner.glossary)
        emit(writer.header())
        let inFlight = max(2, ProcessInfo.processInfo.activeProcessorCount * 2)
        let results = OrderedResults<ChunkResult>()
        let group = DispatchGroup()
        var chunkDocuments: [Int] = []
        var emitted = 0
        var failedDocuments = Set<Int>()
        let scanner = scanner
        // Takes finished chunks in order: all of them (`untilCount` = submitted), or waits only
        // while more than `untilCount` chunks are outstanding.
        func drain(keeping outstanding: Int, statistics: inout Statistics, diagnostics: inout [Diagnostic]) {
            while emitted < chunkDocuments.count {
                let mustWait = chunkDocuments.count - emitted > outstanding
                guard let result = mustWait ? results.wait(for: emitted) : results.take(emitted) else { return }
                let document = chunkDocuments[emitted]
                emitted += 1
                if failedDocuments.contains(document) { continue }
                if let bad = result.invalidUTF8 {
                    failedDocuments.insert(document)
                    statistics.skipped += 1
                    diagnostics.append(Self.invalidUTF8(in: documents[document], at: bad))
                    continue
                }
                statistics.occurrences += result.occurrences
                statistics.nearMisses += result.nearMisses
                if !result.output.isEmpty {
                    if emittedAny, let separator = writer.itemSeparator { emit(separator) }
                    emit(result.output)
                    emittedAny = true
                }
                progress?(statistics)
            }
        }
        try readInBatches(documents, standardInput: standardInput, statistics: &statistics, diagnostics: &diagnostics, batchBytes: 1) {
            batch, statistics, diagnostics, failed in
            for chunk in batch {
                let index = chunkDocuments.count
                chunkDocuments.append(chunk.document)
                DispatchQueue.global().async(group: group) {
                    results.put(index, Self.scan(chunk, scanner: scanner, writer: writer, document: documents[chunk.document]))
                }
                drain(keeping: inFlight - 1, statistics: &statistics, diagnostics: &diagnostics)
            }
            failed.formUnion(failedDocuments)
        }
        drain(keeping: 0, statistics: &statistics, diagnostics: &diagnostics)
        group.wait()
        emit(writer.footer(statistics: statistics, diagnostics: diagnostics))
        return statistics
    }

    /// Reads `documents` in chunks of whole lines and hands them to `flush` in batches of about
    /// `batchBytes`, in document order: the one reading loop of `run` and `analyze`. Documents that
    /// cannot be read become diagnostics; `flush` marks in `failed` the documents whose remaining
    /// chunks must not be read (a chunk that was not valid UTF-8).
    func readInBatches(
        _ documents: [String], standardInput: (() -> [UInt8])?, statistics: inout Statistics, diagnostics: inout [Diagnostic],
        batchBytes: Int? = nil, flush: (_ batch: [DocumentChunk], _ statistics: inout Statistics, _ diagnostics: inout [Diagnostic], _ failed: inout Set<Int>) throws -> Void
    ) throws {
        let batchBytes = batchBytes ?? self.batchBytes
        var failed = Set<Int>()
        var batch: [DocumentChunk] = []
        var batchSize = 0
        for (index, path) in documents.enumerated() {
            // Counted before opening: a document that cannot be opened is one of those skipped.
            statistics.documents += 1
            do {
                var reader = try DocumentReader(path: path, document: index, encoding: encoding, blockSize: chunkBytes, standardInput: standardInput)
                while !failed.contains(index), let chunk = try reader.next() {
                    statistics.bytes += chunk.bytes.count
                    batch.append(chunk)
                    batchSize += chunk.bytes.count
                    if batchSize >= batchBytes {
                        try flush(batch, &statistics, &diagnostics, &failed)
                        batch.removeAll(keepingCapacity: true)
                        batchSize = 0
                    }
                }
            } catch let problem as DocumentReader.Problem {
                // Chunks of this document already in the batch are kept: they were valid.
                statistics.skipped += 1
                switch problem {
                case .binary(let offset):
                    diagnostics.append(Diagnostic(.warning, "binary-file", "skipped: binary file (NUL byte at byte offset \(offset))", at: SourceLocation(file: path, line: 1, column: 1, byteOffset: offset)))
                case .unreadable(let message):
                    diagnostics.append(Diagnostic(.error, "unreadable-file", message, at: SourceLocation(file: path, line: 1, column: 1)))
                case .lineTooLong(let line, let offset):
                    diagnostics.append(DocumentText.Problem.lineTooLong(path: path, line: line, offset: offset, consequence: "the rest of the file is skipped"))
                }
            }
        }
        if !batch.isEmpty { try flush(batch, &statistics, &diagnostics, &failed) }
    }

    /// A document that stops being valid UTF-8: what came before the bad byte is kept, the rest is not read.
    static func invalidUTF8(in path: String, at bad: (offset: Int, line: Int, column: Int)) -> Diagnostic {
        Diagnostic(
            .error, "invalid-utf8", "invalid UTF-8 at byte offset \(bad.offset); the rest of the file is skipped (use --encoding latin1 or windows-1252 for such files)",
            at: SourceLocation(file: path, line: bad.line, column: bad.column, byteOffset: bad.offset))
    }

    struct ChunkResult: Sendable {
        var invalidUTF8: (offset: Int, line: Int, column: Int)?
        var output: [UInt8] = []
        var occurrences = 0
        var nearMisses = 0
    }

    /// Scans and formats one chunk.
    static func scan(_ chunk: DocumentChunk, scanner: TermScanner, writer: OccurrenceWriter, document: String) -> ChunkResult {
        if let bad = chunk.firstInvalidUTF8() { return ChunkResult(invalidUTF8: bad) }
        let matches = chunk.bytes.withUnsafeBufferPointer { scanner.scan($0[...], firstLine: chunk.firstLine) }
        var result = ChunkResult()
        result.occurrences = matches.count
        result.nearMisses = matches.count { $0.kind == .misspelled }
        result.output = writer.format(matches, in: chunk, document: document, glossary: scanner.glossary)
        return result
    }
}

/// Results that workers hand in by index and one reader takes out in index order.
final class OrderedResults<Value: Sendable>: @unchecked Sendable {
    private var values: [Int: Value] = [:]
    private let condition = NSCondition()

    func put(_ index: Int, _ value: Value) {
        condition.lock()
        values[index] = value
        condition.broadcast()
        condition.unlock()
    }

    /// The value of `index` if it is in, removed.
    func take(_ index: Int) -> Value? {
        condition.lock()
        defer { condition.unlock() }
        return values.removeValue(forKey: index)
    }

    /// The value of `index`, waiting for it; removed.
    func wait(for index: Int) -> Value? {
        condition.lock()
        defer { condition.unlock() }
        while values[index] == nil { condition.wait() }
        return values.removeValue(forKey: index)
    }
}

/// Slots that concurrent iterations fill, one each; read after `concurrentPerform` returns.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLock()

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        storage[index] = value
        lock.unlock()
    }

    var values: [Value] { storage.map { $0! } }

    /// The values, moved out: the slots no longer hold them, so the caller's copies are unique.
    func takeValues() -> [Value] {
        lock.lock()
        defer { lock.unlock() }
        var taken: [Value?] = []
        swap(&taken, &storage)
        return taken.map { $0! }
    }
}
