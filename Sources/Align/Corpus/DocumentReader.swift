import Foundation

/// Reads a document in blocks of whole lines, so memory stays bounded whatever the file size:
/// checks that it is text (no NUL byte near its start) and decodes single-byte encodings. UTF-8
/// chunks are validated by whoever scans them, in parallel (`DocumentChunk.needsValidation`).
public struct DocumentReader {
    /// Why a document cannot be scanned.
    public enum Problem: Error, Equatable {
        case binary(offset: Int)
        case unreadable(String)
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
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw AlignError.missingInput("\(path): no such file or directory")
            }
            guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
                throw Problem.unreadable("\(path): cannot be read")
            }
            self.handle = handle
        }
    }

    /// The next chunk of whole lines, or `nil` at the end of the document. A line longer than the
    /// block size is taken whole.
    public mutating func next() throws -> DocumentChunk? {
        while !atEnd, pending.count < blockSize || pending.lastIndex(of: 0x0A) == nil {
            let data: Data
            do {
                data = try handle?.read(upToCount: blockSize) ?? Data()
            } catch {
                throw Problem.unreadable("\(path): read error (\(error.localizedDescription))")
            }
            if data.isEmpty {
                atEnd = true
                try? handle?.close()
            } else {
                pending.append(contentsOf: data)
            }
        }
        guard !pending.isEmpty else { return nil }
        let cut = atEnd ? pending.count : pending.lastIndex(of: 0x0A)! + 1
        let block = Array(pending[..<cut])
        pending.removeFirst(cut)
        if firstBlock, let nul = block.prefix(8192).firstIndex(of: 0) {
            throw Problem.binary(offset: nul)
        }
        firstBlock = false
        let chunk = DocumentChunk(
            document: document, bytes: encoding.decodeToUTF8(block), originalOffset: offset, firstLine: line,
            isSingleByte: encoding != .utf8, needsValidation: encoding == .utf8)
        offset += block.count
        line += block.count { $0 == 0x0A }
        return chunk
    }
}
