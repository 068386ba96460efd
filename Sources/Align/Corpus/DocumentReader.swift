import Foundation

/// Reads a document in blocks of whole lines, so memory stays bounded whatever the file size:
/// checks that it is text (no NUL byte near its start) and decodes single-byte encodings. UTF-8
/// chunks are validated by whoever scans them, in parallel (`DocumentChunk.needsValidation`).
public struct DocumentReader {
    /// Why a document cannot be scanned.
    public enum Problem: Error, Equatable {
        case binary(offset: Int)
        case unreadable(String)
        /// A line longer than `InputLimits.maximumLineLength`: its number and first byte.
        case lineTooLong(line: Int, offset: Int)
    }

    public let path: String
    public let document: Int
    public let encoding: TextEncoding
    let blockSize: Int
    private var handle: FileHandle?
    private var pending: [UInt8] = []
    private var atEnd = false
    private var offset = 0
    private var line = 1
    private var firstBlock = true

    /// Opens `path` (`-` reads `standardInput` instead, all at once).
    public init(path: String, document: Int, encoding: TextEncoding, blockSize: Int = 1 << 21, standardInput: (() -> [UInt8])? = nil) throws {
        self.path = path
        self.document = document
        self.encoding = encoding
        self.blockSize = blockSize
        if path == "-" {
            pending = standardInput?() ?? []
            atEnd = true
        } else {
            // A file listed before the run that is gone, unreadable or a directory now is a
            // problem of this document only: the run goes on with the others.
            let descriptor = open(path, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw Problem.unreadable(InputFiles.problem(path, errno: errno).message) }
            var status = stat()
            if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
                close(descriptor)
                throw Problem.unreadable(InputFiles.problem(path, errno: EISDIR).message)
            }
            handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        }
    }

    /// The next chunk of whole lines, or `nil` at the end of the document. A line longer than the
    /// block size is taken whole.
    public mutating func next() throws -> DocumentChunk? {
        // The last line feed in `pending`, kept up to date from each new read alone: searching all
        // of `pending` after every read was quadratic in the length of a long line.
        var lastBreak = pending.lastIndex(of: 0x0A)
        while !atEnd, pending.count < blockSize || lastBreak == nil {
            let base = pending.count
            if try readAppending(blockSize) == 0 {
                atEnd = true
                try? handle?.close()
            } else if let last = pending[base...].lastIndex(of: 0x0A) {
                lastBreak = last
            }
            // The unfinished last line must not grow past the limit while the loop waits for its end.
            let unfinished = pending.count - (lastBreak.map { $0 + 1 } ?? 0)
            if unfinished > InputLimits.maximumLineLength {
                throw tooLong((pending[..<(pending.count - unfinished)].count { $0 == 0x0A }, pending.count - unfinished))
            }
        }
        guard !pending.isEmpty else { return nil }
        let chunkStartsFile = offset == 0
        let cut = atEnd ? pending.count : lastBreak! + 1
        // A line that ended within the last read may still be too long.
        if let long = Self.firstLongLine(in: pending[..<cut]) { throw tooLong(long) }
        // The chunk takes over `pending`'s storage and only the unfinished line after `cut` is
        // copied out: copying the chunk out of `pending` cost a copy of every input byte.
        let rest = Array(pending[cut...])
        var block = pending
        pending = rest
        block.removeSubrange(cut...)
        if firstBlock, let nul = block.prefix(8192).firstIndex(of: 0) {
            throw Problem.binary(offset: nul)
        }
        firstBlock = false
        // A UTF-8 byte order mark is not text: left out of the chunk (offsets still count it), so
        // columns on the first line count from the first character.
        if chunkStartsFile, encoding == .utf8, block.starts(with: [0xEF, 0xBB, 0xBF]) {
            block.removeFirst(3)
            offset += 3
        }
        offset += block.count
        let lines = block.withUnsafeBufferPointer { UTF8Count.lineFeeds(in: $0) }
        // UTF-8 chunks are the block itself: `decodeToUTF8` would copy it once more.
        let chunk = DocumentChunk(
            document: document, bytes: encoding == .utf8 ? block : encoding.decodeToUTF8(block), originalOffset: offset - block.count,
            firstLine: line, isSingleByte: encoding != .utf8, needsValidation: encoding == .utf8)
        line += lines
        return chunk
    }

    /// Reads up to `count` more bytes straight into `pending`; returns how many, 0 at the end of
    /// the file. Measured reason: reading into `Data` and appending that copied every input byte
    /// once more.
    private mutating func readAppending(_ count: Int) throws -> Int {
        guard let descriptor = handle?.fileDescriptor else { return 0 }
        var failure: Int32?
        /// Fills `buffer` from the file; how many bytes it got.
        func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var filled = 0
            while filled < buffer.count {
                let got = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if got > 0 {
                    filled += got
                } else if got == 0 {
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
            return filled
        }
        let base = pending.count
        if base < count {
            // At a chunk's start `pending` holds the unfinished line only: a new array with room
            // for the read, so the chunk's bytes are written once, by the kernel.
            let kept = pending
            pending = [UInt8](unsafeUninitializedCapacity: base + count) { buffer, initialized in
                kept.withUnsafeBufferPointer { if let start = $0.baseAddress { buffer.baseAddress!.initialize(from: start, count: base) } }
                initialized = base + fill(UnsafeMutableBufferPointer(rebasing: buffer[base..<(base + count)]))
            }
        } else {
            // A line longer than a block: grown in place (amortized), not copied at every read.
            pending.append(contentsOf: repeatElement(0, count: count))
            let got = pending.withUnsafeMutableBufferPointer { fill(UnsafeMutableBufferPointer(rebasing: $0[base...])) }
            pending.removeSubrange((base + got)...)
        }
        if let failure { throw Problem.unreadable("\(path): read error (\(String(cString: strerror(failure))))") }
        return pending.count - base
    }

    /// The first line of `bytes` (which start at a line start) longer than the limit: its index
    /// among the lines and its start.
    static func firstLongLine(in bytes: ArraySlice<UInt8>) -> (index: Int, start: Int)? {
        let limit = InputLimits.maximumLineLength
        guard bytes.count > limit else { return nil }
        var start = bytes.startIndex
        var index = 0
        while start < bytes.endIndex {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.endIndex
            if end - start > limit { return (index, start - bytes.startIndex) }
            start = end + 1
            index += 1
        }
        return nil
    }

    private mutating func tooLong(_ long: (index: Int, start: Int)) -> Problem {
        try? handle?.close()
        return .lineTooLong(line: line + long.index, offset: offset + long.start)
    }
}
