import Foundation

/// One input document decoded to UTF-8 and split into lines, with the way back to the bytes of
/// the original file: a byte order mark is skipped, CRLF and CR line ends are accepted, and for
/// single-byte encodings (one byte per character) offsets are counted back in characters.
public struct DocumentText: Sendable {
    /// A line of the document, without its line end.
    public struct Line: Sendable {
        /// 1-based line number.
        public var number: Int
        /// Range of the line in `utf8`.
        public var range: Range<Int>
        /// Offset of the line's first byte in the original file.
        public var originalStart: Int
    }

    /// Why a document cannot be normalized.
    public enum Problem: Error, Equatable, Sendable {
        /// Not valid UTF-8: offset of the first bad byte in the file, its line and column.
        case invalidUTF8(offset: Int, line: Int, column: Int)
        /// A NUL byte: a binary file.
        case binary(offset: Int)
        /// A line longer than `InputLimits.maximumLineLength`: its number and first byte.
        case lineTooLong(line: Int, offset: Int)
    }

    /// The decoded text (UTF-8, no byte order mark).
    public let utf8: [UInt8]
    public let lines: [Line]
    public let encoding: TextEncoding
    /// Length of the byte order mark that was skipped (0 or 3).
    public let byteOrderMarkLength: Int

    /// Decodes `bytes` read from a file in `encoding`.
    public init(bytes: [UInt8], encoding: TextEncoding) throws(Problem) {
        self.encoding = encoding
        var start = 0
        if encoding == .utf8, bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        byteOrderMarkLength = start
        if let nul = ByteSearch.firstIndex(of: 0, in: bytes) { throw .binary(offset: nul) }
        if encoding == .utf8 {
            if let bad = UTF8Validation.firstInvalidOffset(in: bytes[start...]) {
                let offset = start + bad
                let position = LineIndex(bytes: Array(bytes[..<offset])).position(ofByte: offset)
                throw .invalidUTF8(offset: offset, line: position.line, column: position.column)
            }
            utf8 = start == 0 ? bytes : Array(bytes[start...])
        } else {
            utf8 = encoding.decodeToUTF8(bytes)
        }
        lines = Self.split(utf8, originalBase: start, singleByte: encoding != .utf8)
        if let long = lines.first(where: { $0.range.count > InputLimits.maximumLineLength }) {
            throw .lineTooLong(line: long.number, offset: long.originalStart)
        }
    }

    /// Lines end at LF, CRLF or a lone CR.
    private static func split(_ text: [UInt8], originalBase: Int, singleByte: Bool) -> [Line] {
        if !singleByte, ByteSearch.firstIndex(of: 0x0D, in: text) == nil { return splitAtLineFeeds(text, originalBase: originalBase) }
        var lines: [Line] = []
        var lineStart = 0
        var originalStart = originalBase
        var number = 1
        var index = 0
        var characters = 0
        text.withUnsafeBufferPointer { bytes in
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D {
                    lines.append(Line(number: number, range: lineStart..<index, originalStart: originalStart))
                    let endLength = byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A ? 2 : 1
                    index += endLength
                    originalStart += (singleByte ? characters : index - endLength - lineStart) + endLength
                    characters = 0
                    lineStart = index
                    number += 1
                    continue
                }
                if byte & 0xC0 != 0x80 { characters += 1 }
                index += 1
            }
        }
        if lineStart < text.count { lines.append(Line(number: number, range: lineStart..<text.count, originalStart: originalStart)) }
        return lines
    }

    /// `split` for UTF-8 text without a carriage return, the common case: line feeds found with
    /// `memchr`, and original offsets are byte offsets.
    private static func splitAtLineFeeds(_ text: [UInt8], originalBase: Int) -> [Line] {
        var lines: [Line] = []
        var lineStart = 0
        var number = 1
        while let end = ByteSearch.firstIndex(of: 0x0A, in: text, from: lineStart) {
            lines.append(Line(number: number, range: lineStart..<end, originalStart: originalBase + lineStart))
            lineStart = end + 1
            number += 1
        }
        if lineStart < text.count { lines.append(Line(number: number, range: lineStart..<text.count, originalStart: originalBase + lineStart)) }
        return lines
    }

    /// The offset in the original file of byte `offset` of `line` (an offset into the line's UTF-8).
    public func originalOffset(in line: Line, at offset: Int) -> Int {
        guard encoding != .utf8 else { return line.originalStart + offset }
        var characters = 0
        for index in line.range.lowerBound..<(line.range.lowerBound + offset) where utf8[index] & 0xC0 != 0x80 {
            characters += 1
        }
        return line.originalStart + characters
    }
}
