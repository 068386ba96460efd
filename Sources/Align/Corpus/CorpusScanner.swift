import Dispatch
import Foundation

/// Scans documents with a `TermScanner`: reads them in chunks of whole lines, scans and formats
/// the chunks on all cores while reading on, and hands the output over in document order, so
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
    /// Bytes per chunk, the unit of parallel work.
    public var chunkBytes = 1 << 20

    public init(scanner: TermScanner, writer: OccurrenceWriter, encoding: TextEncoding = .utf8) {
        self.scanner = scanner
        self.writer = writer
        self.encoding = encoding
    }

    /// Scans `documents` (paths, or `-` for `standardInput`). `emit` receives output bytes in order;
    /// problems with a document become diagnostics and the run goes on with the next one.
    public func run(
        documents: [String], standardInput: (() -> [UInt8])? = nil, diagnostics: inout [Diagnostic],
        progress: ((Statistics) -> Void)? = nil, emit: ([UInt8]) -> Void
    ) throws -> Statistics {
        var statistics = Statistics()
        var emittedAny = false
        let writer = writer.prepared(for: scanner.glossary)
        emit(writer.header())
        let scanner = scanner
        try pipeline(
            documents, standardInput: standardInput, statistics: &statistics, diagnostics: &diagnostics, progress: progress,
            work: { chunk in
                Self.scan(chunk, scanner: scanner) { matches in writer.format(matches, in: chunk, document: documents[chunk.document], glossary: scanner.glossary) }
            },
            deliver: { _, output in
                guard !output.isEmpty else { return }
                if emittedAny, let separator = writer.itemSeparator { emit(separator) }
                emit(output)
                emittedAny = true
            })
        emit(writer.footer(statistics: statistics, diagnostics: diagnostics))
        return statistics
    }

    /// What became of one chunk: not valid UTF-8, or scanned into a value.
    enum ChunkOutcome<Value: Sendable>: Sendable {
        case invalid((offset: Int, line: Int, column: Int))
        case scanned(Value, occurrences: Int, nearMisses: Int)
    }

    /// The reading pipeline of `run` and `analyze`: this thread reads chunks and hands each to a
    /// worker (`work`) as soon as it is read, and hands the workers' values to `deliver` in reading
    /// order. At most four chunks per core are read and not yet delivered, so memory stays bounded
    /// whatever the corpus. (Reading a batch, then scanning it on all cores, left cores idle while
    /// reading and while the last chunk of each batch ran.) A chunk that is not valid UTF-8 ends
    /// its document: a diagnostic, and its later chunks are neither delivered nor read.
    /// Four rather than two: the report's merge runs on this thread, and with more chunks ahead
    /// the workers did not wait for it (report 0.64 s to 0.57 s for its scan phase; scan's peak
    /// memory 59 to 65 MB on the benchmark).
    func pipeline<Value: Sendable>(
        _ documents: [String], standardInput: (() -> [UInt8])?, statistics: inout Statistics, diagnostics: inout [Diagnostic],
        progress: ((Statistics) -> Void)?, work: @escaping @Sendable (DocumentChunk) -> ChunkOutcome<Value>,
        deliver: (DocumentChunk, Value) -> Void
    ) throws {
        let inFlight = max(2, ProcessInfo.processInfo.activeProcessorCount * 4)
        // Chunks end at line ends, so one may be a whole 64 MiB line: past this many bytes ahead,
        // the reader waits for all but the newest chunk before reading on.
        let bytesAhead = inFlight * 2 * chunkBytes
        var outstandingBytes = 0
        let results = OrderedResults<ChunkOutcome<Value>>()
        let group = DispatchGroup()
        defer { group.wait() }
        var chunks: [Int: DocumentChunk] = [:]
        var submitted = 0
        var delivered = 0
        var failedDocuments = Set<Int>()
        // Delivers finished chunks in order, waiting while more than `outstanding` are unfinished.
        func drain(keeping outstanding: Int, statistics: inout Statistics, diagnostics: inout [Diagnostic]) {
            while delivered < submitted {
                let mustWait = submitted - delivered > outstanding || (outstandingBytes > bytesAhead && submitted - delivered > 1)
                guard let outcome = mustWait ? results.wait(for: delivered) : results.take(delivered) else { return }
                let chunk = chunks.removeValue(forKey: delivered)!
                delivered += 1
                outstandingBytes -= chunk.bytes.count
                if failedDocuments.contains(chunk.document) { continue }
                switch outcome {
                case .invalid(let bad):
                    failedDocuments.insert(chunk.document)
                    statistics.skipped += 1
                    diagnostics.append(Self.invalidUTF8(in: documents[chunk.document], at: bad))
                case .scanned(let value, let occurrences, let nearMisses):
                    statistics.occurrences += occurrences
                    statistics.nearMisses += nearMisses
                    deliver(chunk, value)
                    progress?(statistics)
                }
            }
        }
        try readChunks(documents, standardInput: standardInput, statistics: &statistics, diagnostics: &diagnostics) {
            chunk, statistics, diagnostics, failed in
            let index = submitted
            submitted += 1
            chunks[index] = chunk
            outstandingBytes += chunk.bytes.count
            DispatchQueue.global().async(group: group) { results.put(index, work(chunk)) }
            drain(keeping: inFlight - 1, statistics: &statistics, diagnostics: &diagnostics)
            failed.formUnion(failedDocuments)
        }
        drain(keeping: 0, statistics: &statistics, diagnostics: &diagnostics)
    }

    /// Reads `documents` in chunks of whole lines and hands each to `take`, in document order.
    /// Documents that cannot be read become diagnostics; `take` marks in `failed` the documents
    /// whose remaining chunks must not be read (a chunk that was not valid UTF-8).
    func readChunks(
        _ documents: [String], standardInput: (() -> [UInt8])?, statistics: inout Statistics, diagnostics: inout [Diagnostic],
        take: (_ chunk: DocumentChunk, _ statistics: inout Statistics, _ diagnostics: inout [Diagnostic], _ failed: inout Set<Int>) throws -> Void
    ) throws {
        var failed = Set<Int>()
        for (index, path) in documents.enumerated() {
            // Counted before opening: a document that cannot be opened is one of those skipped.
            statistics.documents += 1
            do {
                var reader = try DocumentReader(path: path, document: index, encoding: encoding, blockSize: chunkBytes, standardInput: standardInput)
                while !failed.contains(index), let chunk = try reader.next() {
                    statistics.bytes += chunk.bytes.count
                    try take(chunk, &statistics, &diagnostics, &failed)
                }
            } catch let problem as DocumentReader.Problem {
                // Chunks of this document already handed on are kept: they were valid.
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
    }

    /// A document that stops being valid UTF-8: what came before the bad byte is kept, the rest is not read.
    static func invalidUTF8(in path: String, at bad: (offset: Int, line: Int, column: Int)) -> Diagnostic {
        Diagnostic(
            .error, "invalid-utf8", "invalid UTF-8 at byte offset \(bad.offset); the rest of the file is skipped (use --encoding latin1 or windows-1252 for such files)",
            at: SourceLocation(file: path, line: bad.line, column: bad.column, byteOffset: bad.offset))
    }

    /// Scans one chunk and makes a value of its matches.
    static func scan<Value: Sendable>(_ chunk: DocumentChunk, scanner: TermScanner, value: ([ScanMatch]) -> Value) -> ChunkOutcome<Value> {
        if let bad = chunk.firstInvalidUTF8() { return .invalid(bad) }
        let matches = chunk.bytes.withUnsafeBufferPointer { scanner.scan($0[...], firstLine: chunk.firstLine) }
        return .scanned(value(matches), occurrences: matches.count, nearMisses: matches.count { $0.kind == .misspelled })
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
