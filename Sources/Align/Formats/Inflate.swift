/// DEFLATE (RFC 1951) and gzip (RFC 1952) decoding, enough to read dictd's `.dict.dz` files
/// (dictzip files are gzip members whose FEXTRA field holds a chunk table we do not need).
///
/// The input is untrusted: every read is bounds-checked, every loop consumes input or produces
/// bounded output, and decoding stops with `.outputTooLarge` past `maximumOutput` bytes, so a
/// corrupt file or a gzip bomb is a thrown `DecodingError`, never a crash, a hang or an exhausted
/// machine.
public enum Inflate {
    /// The output size past which decoding gives up (1 GiB): far above any dictionary, far below
    /// what a gzip bomb expands to.
    public static let defaultMaximumOutput = 1 << 30

    /// Why decoding failed, and where: `offset` is the byte offset in the input where the problem
    /// was found (for a bit-level problem, the byte holding the offending bit).
    public struct DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
        /// What is wrong with the data.
        public enum Problem: Equatable, Sendable {
            /// The data ends in the middle of a header, block or trailer.
            case truncated
            /// The file does not start with gzip's magic number.
            case notGzip
            /// The gzip member uses a compression method other than deflate (8).
            case unsupportedMethod(UInt8)
            /// Reserved gzip header flag bits are set (RFC 1952 says to refuse the file).
            case reservedFlags(UInt8)
            /// The FHCRC header checksum does not match the header.
            case headerCRCMismatch
            /// A block has type 3, which RFC 1951 reserves.
            case badBlockType
            /// A stored block's LEN is not the complement of its NLEN.
            case storedLengthMismatch
            /// The code lengths of a dynamic block do not describe a usable Huffman code.
            case badCodeLengths(String)
            /// The bits do not decode to a valid symbol (an unused code, or symbols 286–287, 30–31).
            case badCode(String)
            /// A match reaches back before the start of the stream.
            case distanceTooFar(distance: Int, available: Int)
            /// The CRC-32 in a gzip trailer does not match the decoded data.
            case crcMismatch(expected: UInt32, actual: UInt32)
            /// The ISIZE in a gzip trailer does not match the decoded length (modulo 2³²).
            case sizeMismatch(expected: UInt32, actual: UInt32)
            /// The output would exceed the limit given to the decoder.
            case outputTooLarge(limit: Int)
            /// Bytes after the last gzip member are neither padding nor another member.
            case trailingGarbage
        }

        /// What is wrong.
        public var problem: Problem
        /// Byte offset in the input where the problem was found.
        public var offset: Int

        /// Creates an error for `problem` found at byte `offset`.
        public init(_ problem: Problem, offset: Int) {
            self.problem = problem
            self.offset = offset
        }

        /// A lower-case message naming the problem and the byte offset.
        public var description: String {
            let text: String
            switch problem {
            case .truncated: text = "unexpected end of compressed data"
            case .notGzip: text = "not a gzip file (bad magic number)"
            case .unsupportedMethod(let method): text = "unsupported gzip compression method \(method) (only deflate, 8, exists)"
            case .reservedFlags(let flags): text = "reserved gzip header flags are set (0x\(String(flags, radix: 16)))"
            case .headerCRCMismatch: text = "gzip header checksum mismatch"
            case .badBlockType: text = "invalid deflate block type 3"
            case .storedLengthMismatch: text = "stored block length does not match its complement"
            case .badCodeLengths(let detail): text = "bad code lengths: \(detail)"
            case .badCode(let detail): text = "invalid \(detail) code"
            case .distanceTooFar(let distance, let available):
                text = "distance too far back (\(distance) bytes, only \(available) decoded)"
            case .crcMismatch(let expected, let actual):
                text = "CRC-32 mismatch (trailer says \(hex(expected)), data has \(hex(actual)))"
            case .sizeMismatch(let expected, let actual):
                text = "size mismatch (trailer says \(expected) bytes, data has \(actual))"
            case .outputTooLarge(let limit): text = "decompressed data larger than \(limit) bytes"
            case .trailingGarbage: text = "trailing garbage after the last gzip member"
            }
            return "\(text) at byte offset \(offset)"
        }

        private func hex(_ value: UInt32) -> String {
            let digits = String(value, radix: 16)
            return "0x" + String(repeating: "0", count: 8 - digits.count) + digits
        }
    }

    /// Whether `bytes` starts with gzip's magic number.
    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B
    }

    /// Decodes a raw DEFLATE stream (no zlib or gzip wrapper). Bytes after the final block are ignored.
    public static func inflate(_ bytes: [UInt8], maximumOutput: Int = defaultMaximumOutput) throws -> [UInt8] {
        var inflater = Inflater(input: bytes, maximumOutput: maximumOutput)
        try inflater.inflateStream()
        return inflater.output
    }

    /// Decodes a gzip file: one or more members, each header (FEXTRA, FNAME, FCOMMENT, FHCRC)
    /// checked and skipped, each trailer's CRC-32 and ISIZE verified; zero bytes after the last
    /// member are tolerated as padding (as tape and block devices add them).
    public static func gunzip(_ bytes: [UInt8], maximumOutput: Int = defaultMaximumOutput) throws -> [UInt8] {
        var inflater = Inflater(input: bytes, maximumOutput: maximumOutput)
        var start = 0
        while true {
            try gunzipMember(&inflater, at: start)
            start = inflater.position
            var next = start
            while next < bytes.count && bytes[next] == 0 { next += 1 }
            if next == bytes.count { return inflater.output }
            let startsMember = bytes.count - start >= 2 && bytes[start] == 0x1F && bytes[start + 1] == 0x8B
            guard next == start, startsMember else {
                throw DecodingError(.trailingGarbage, offset: next)
            }
        }
    }

    /// Decodes the member starting at `start`, leaving `inflater.position` after its trailer.
    private static func gunzipMember(_ inflater: inout Inflater, at start: Int) throws {
        let bytes = inflater.input
        var index = start
        func need(_ count: Int) throws {
            if bytes.count - index < count { throw DecodingError(.truncated, offset: bytes.count) }
        }
        try need(10)
        guard bytes[index] == 0x1F, bytes[index + 1] == 0x8B else { throw DecodingError(.notGzip, offset: index) }
        guard bytes[index + 2] == 8 else { throw DecodingError(.unsupportedMethod(bytes[index + 2]), offset: index + 2) }
        let flags = bytes[index + 3]
        guard flags & 0xE0 == 0 else { throw DecodingError(.reservedFlags(flags), offset: index + 3) }
        index += 10  // magic, method, flags, MTIME, XFL, OS
        if flags & 0x04 != 0 {  // FEXTRA: dictzip keeps its "RA" chunk table here
            try need(2)
            let length = Int(bytes[index]) | Int(bytes[index + 1]) << 8
            index += 2
            try need(length)
            index += length
        }
        for flag: UInt8 in [0x08, 0x10] where flags & flag != 0 {  // FNAME, FCOMMENT: zero-terminated
            while true {
                try need(1)
                index += 1
                if bytes[index - 1] == 0 { break }
            }
        }
        if flags & 0x02 != 0 {  // FHCRC: low 16 bits of the CRC-32 of the header so far
            try need(2)
            let stored = UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8
            guard stored == crc32(bytes[start..<index]) & 0xFFFF else { throw DecodingError(.headerCRCMismatch, offset: index) }
            index += 2
        }
        let outputStart = inflater.output.count
        inflater.position = index
        try inflater.inflateStream()
        index = inflater.position
        try need(8)
        let expectedCRC = littleEndian32(bytes, at: index)
        let actualCRC = crc32(inflater.output[outputStart...])
        guard expectedCRC == actualCRC else {
            throw DecodingError(.crcMismatch(expected: expectedCRC, actual: actualCRC), offset: index)
        }
        let expectedSize = littleEndian32(bytes, at: index + 4)
        let actualSize = UInt32(truncatingIfNeeded: inflater.output.count - outputStart)
        guard expectedSize == actualSize else {
            throw DecodingError(.sizeMismatch(expected: expectedSize, actual: actualSize), offset: index + 4)
        }
        inflater.position = index + 8
    }

    private static func littleEndian32(_ bytes: [UInt8], at index: Int) -> UInt32 {
        UInt32(bytes[index]) | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2]) << 16 | UInt32(bytes[index + 3]) << 24
    }

    /// The CRC-32 of gzip (ISO 3309, polynomial 0xEDB88320, reflected), one table lookup per byte.
    static func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
        let table = crcTable
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc = table[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8)
        }
        return ~crc
    }

    private static let crcTable: [UInt32] = (0..<256).map { (index: UInt32) in
        var value = index
        for _ in 0..<8 { value = value & 1 != 0 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }
}

extension Inflate {
    /// A Huffman decoding table: a primary table indexed by the next `primaryBits` bits of input (bit
    /// order as read, so codes are stored bit-reversed), and for longer codes, subtables indexed by
    /// the bits after those. Each entry is a `UInt32`:
    /// - a symbol: `symbol << 16 | codeLength` (length 1…15);
    /// - a link: `subtableStart << 16 | subtableBits << 8 | 0x80`;
    /// - 0: no code has these bits (possible only in the one-code and no-code cases RFC 1951 allows).
    struct HuffmanTable: Sendable {
        static let primaryBits = 9
        static let primaryMask = (1 << primaryBits) - 1

        var entries: [UInt32]

        /// Which code is being built: it decides which incomplete codes are accepted (as zlib does:
        /// a single one-bit code for literal/lengths and distances, none for code-length codes).
        enum Kind {
            case codeLengths, literals, distances

            var name: String {
                switch self {
                case .codeLengths: "code-length"
                case .literals: "literal/length"
                case .distances: "distance"
                }
            }
        }

        /// Builds the canonical Huffman code of RFC 1951 §3.2.2 for `lengths` (0 = unused symbol);
        /// `offset` is where the lengths were read, for errors.
        init(lengths: ArraySlice<UInt8>, kind: Kind, offset: Int) throws {
            var counts = [Int](repeating: 0, count: 16)
            for length in lengths { counts[Int(length)] += 1 }
            counts[0] = 0
            var left = 1
            var maxLength = 0
            for length in 1...15 {
                left = left << 1 - counts[length]
                if left < 0 { throw Inflate.DecodingError(.badCodeLengths("over-subscribed \(kind.name) code"), offset: offset) }
                if counts[length] > 0 { maxLength = length }
            }
            if left > 0 && maxLength > 0 && (kind == .codeLengths || maxLength != 1) {
                throw Inflate.DecodingError(.badCodeLengths("incomplete \(kind.name) code"), offset: offset)
            }

            var nextCode = [Int](repeating: 0, count: 16)
            var code = 0
            for length in 1...15 {
                code = (code + counts[length - 1]) << 1
                nextCode[length] = code
            }

            let primaryBits = Self.primaryBits
            let primaryMask = Self.primaryMask
            // Pass 1: each symbol's reversed code, and how many bits each subtable needs.
            var reversed = [Int](repeating: 0, count: lengths.count)
            var subtableBits = [Int](repeating: 0, count: 1 << primaryBits)
            for (symbol, rawLength) in lengths.enumerated() where rawLength > 0 {
                let length = Int(rawLength)
                var value = nextCode[length]
                nextCode[length] += 1
                var bits = 0
                for _ in 0..<length {
                    bits = bits << 1 | value & 1
                    value >>= 1
                }
                reversed[symbol] = bits
                if length > primaryBits {
                    let prefix = bits & primaryMask
                    subtableBits[prefix] = max(subtableBits[prefix], length - primaryBits)
                }
            }
            var entries = [UInt32](repeating: 0, count: 1 << primaryBits)
            var subtableStart = [Int](repeating: 0, count: 1 << primaryBits)
            for prefix in 0..<(1 << primaryBits) where subtableBits[prefix] > 0 {
                subtableStart[prefix] = entries.count
                entries[prefix] = UInt32(entries.count) << 16 | UInt32(subtableBits[prefix]) << 8 | 0x80
                entries.append(contentsOf: repeatElement(0, count: 1 << subtableBits[prefix]))
            }
            // Pass 2: every bit pattern that starts with a code gets its symbol.
            for (symbol, rawLength) in lengths.enumerated() where rawLength > 0 {
                let length = Int(rawLength)
                let entry = UInt32(symbol) << 16 | UInt32(length)
                let bits = reversed[symbol]
                if length <= primaryBits {
                    var index = bits
                    while index <= primaryMask {
                        entries[index] = entry
                        index += 1 << length
                    }
                } else {
                    let prefix = bits & primaryMask
                    let size = 1 << subtableBits[prefix]
                    var index = bits >> primaryBits
                    while index < size {
                        entries[subtableStart[prefix] + index] = entry
                        index += 1 << (length - primaryBits)
                    }
                }
            }
            self.entries = entries
        }

        /// The fixed literal/length code of RFC 1951 §3.2.6.
        static let fixedLiterals: HuffmanTable = {
            var lengths = [UInt8](repeating: 8, count: 288)
            for symbol in 144..<256 { lengths[symbol] = 9 }
            for symbol in 256..<280 { lengths[symbol] = 7 }
            // The fixed codes are complete, so building them cannot fail.
            return try! HuffmanTable(lengths: lengths[...], kind: .literals, offset: 0)
        }()

        /// The fixed distance code: 32 five-bit codes, of which 30 and 31 are invalid when decoded.
        static let fixedDistances: HuffmanTable = {
            try! HuffmanTable(lengths: [UInt8](repeating: 5, count: 32)[...], kind: .distances, offset: 0)
        }()
    }

    /// The decoding state over one input: a bit reader (least significant bit first, as RFC 1951
    /// packs them) and the output so far, which is also the window matches copy from.
    struct Inflater {
        let input: [UInt8]
        /// The next input byte to load into `bitBuffer`.
        var position = 0
        /// Loaded, not yet consumed bits; the next bit is the lowest.
        var bitBuffer: UInt64 = 0
        var bitCount = 0
        var output: [UInt8] = []
        let maximumOutput: Int

        init(input: [UInt8], maximumOutput: Int) {
            self.input = input
            self.maximumOutput = maximumOutput
        }

        /// Offset of the byte holding the next unconsumed bit.
        var offset: Int { position - (bitCount + 7) >> 3 }

        private static let lengthBase: [Int] = [
            3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
        ]
        private static let lengthExtraBits: [Int] = [
            0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
        ]
        private static let distanceBase: [Int] = [
            1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
            6145, 8193, 12289, 16385, 24577,
        ]
        private static let distanceExtraBits: [Int] = [
            0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13,
        ]
        /// The order code-length code lengths are sent in (RFC 1951 §3.2.7).
        private static let codeLengthOrder = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15]

        private func failure(_ problem: Inflate.DecodingError.Problem, at offset: Int? = nil) -> Inflate.DecodingError {
            Inflate.DecodingError(problem, offset: offset ?? self.offset)
        }

        /// Loads whole bytes until at least 57 bits are buffered or the input ends.
        private mutating func refill() {
            while bitCount <= 56 && position < input.count {
                bitBuffer |= UInt64(input[position]) << UInt64(bitCount)
                position += 1
                bitCount += 8
            }
        }

        /// The next `count` bits (0…16) as a number, first bit lowest.
        private mutating func bits(_ count: Int) throws -> Int {
            if bitCount < count {
                refill()
                if bitCount < count { throw failure(.truncated, at: input.count) }
            }
            let value = Int(truncatingIfNeeded: bitBuffer) & ((1 << count) - 1)
            bitBuffer >>= UInt64(count)
            bitCount -= count
            return value
        }

        private mutating func decode(_ table: HuffmanTable, _ kind: HuffmanTable.Kind) throws -> Int {
            if bitCount < 15 { refill() }
            let low = Int(truncatingIfNeeded: bitBuffer)
            var entry = table.entries[low & HuffmanTable.primaryMask]
            if entry & 0x80 != 0 {
                let subtableBits = Int(entry >> 8) & 0xF
                entry = table.entries[Int(entry >> 16) + (low >> HuffmanTable.primaryBits) & ((1 << subtableBits) - 1)]
            }
            let length = Int(entry & 0xF)
            if length == 0 || length > bitCount {
                // Past the end of the input the buffer is padded with zeros, which may look like anything.
                if position == input.count && bitCount < 15 { throw failure(.truncated, at: input.count) }
                throw failure(.badCode(kind.name))
            }
            bitBuffer >>= UInt64(length)
            bitCount -= length
            return Int(entry >> 16)
        }

        /// Decodes blocks up to and including the final one; afterwards `position` is the first byte
        /// after the stream (the rest of its last byte is padding).
        mutating func inflateStream() throws {
            bitBuffer = 0
            bitCount = 0
            let streamStart = output.count
            while true {
                let headerOffset = offset
                let isFinal = try bits(1) == 1
                switch try bits(2) {
                case 0: try storedBlock()
                case 1: try compressedBlock(literals: HuffmanTable.fixedLiterals, distances: HuffmanTable.fixedDistances, streamStart: streamStart)
                case 2:
                    let (literals, distances) = try dynamicTables()
                    try compressedBlock(literals: literals, distances: distances, streamStart: streamStart)
                default: throw failure(.badBlockType, at: headerOffset)
                }
                if isFinal { break }
            }
            position -= bitCount >> 3
            bitBuffer = 0
            bitCount = 0
        }

        private mutating func storedBlock() throws {
            // Skip to the byte boundary, then give back the whole bytes still buffered.
            position -= bitCount >> 3
            bitBuffer = 0
            bitCount = 0
            guard input.count - position >= 4 else { throw failure(.truncated, at: input.count) }
            let length = Int(input[position]) | Int(input[position + 1]) << 8
            let complement = Int(input[position + 2]) | Int(input[position + 3]) << 8
            guard length == ~complement & 0xFFFF else { throw failure(.storedLengthMismatch, at: position) }
            position += 4
            guard input.count - position >= length else { throw failure(.truncated, at: input.count) }
            guard maximumOutput - output.count >= length else { throw failure(.outputTooLarge(limit: maximumOutput), at: position) }
            output.append(contentsOf: input[position..<position + length])
            position += length
        }

        private mutating func dynamicTables() throws -> (HuffmanTable, HuffmanTable) {
            let headerOffset = offset
            let literalCount = try bits(5) + 257
            let distanceCount = try bits(5) + 1
            let codeLengthCount = try bits(4) + 4
            guard literalCount <= 286, distanceCount <= 30 else {
                throw failure(.badCodeLengths("too many length or distance symbols"), at: headerOffset)
            }
            var codeLengthLengths = [UInt8](repeating: 0, count: 19)
            for index in 0..<codeLengthCount {
                codeLengthLengths[Self.codeLengthOrder[index]] = UInt8(try bits(3))
            }
            let codeLengthTable = try HuffmanTable(lengths: codeLengthLengths[...], kind: .codeLengths, offset: headerOffset)

            let total = literalCount + distanceCount
            var lengths = [UInt8](repeating: 0, count: total)
            var index = 0
            while index < total {
                let symbolOffset = offset
                let symbol = try decode(codeLengthTable, .codeLengths)
                if symbol < 16 {
                    lengths[index] = UInt8(symbol)
                    index += 1
                    continue
                }
                var repeated: UInt8 = 0
                let count: Int
                switch symbol {
                case 16:
                    guard index > 0 else { throw failure(.badCodeLengths("repeat with no previous length"), at: symbolOffset) }
                    repeated = lengths[index - 1]
                    count = 3 + (try bits(2))
                case 17: count = 3 + (try bits(3))
                default: count = 11 + (try bits(7))
                }
                guard total - index >= count else { throw failure(.badCodeLengths("repeat past the last length"), at: symbolOffset) }
                for _ in 0..<count {
                    lengths[index] = repeated
                    index += 1
                }
            }
            guard lengths[256] != 0 else { throw failure(.badCodeLengths("missing end-of-block code"), at: headerOffset) }
            let literals = try HuffmanTable(lengths: lengths[..<literalCount], kind: .literals, offset: headerOffset)
            let distances = try HuffmanTable(lengths: lengths[literalCount...], kind: .distances, offset: headerOffset)
            return (literals, distances)
        }

        private mutating func compressedBlock(literals: HuffmanTable, distances: HuffmanTable, streamStart: Int) throws {
            while true {
                let symbolOffset = offset
                let symbol = try decode(literals, .literals)
                if symbol < 256 {
                    guard output.count < maximumOutput else { throw failure(.outputTooLarge(limit: maximumOutput), at: symbolOffset) }
                    output.append(UInt8(truncatingIfNeeded: symbol))
                    continue
                }
                if symbol == 256 { return }
                let lengthIndex = symbol - 257
                guard lengthIndex < 29 else { throw failure(.badCode(HuffmanTable.Kind.literals.name), at: symbolOffset) }
                let length = Self.lengthBase[lengthIndex] + (try bits(Self.lengthExtraBits[lengthIndex]))
                let distanceOffset = offset
                let distanceSymbol = try decode(distances, .distances)
                guard distanceSymbol < 30 else { throw failure(.badCode(HuffmanTable.Kind.distances.name), at: distanceOffset) }
                let distance = Self.distanceBase[distanceSymbol] + (try bits(Self.distanceExtraBits[distanceSymbol]))
                let available = output.count - streamStart
                guard distance <= available else {
                    throw failure(.distanceTooFar(distance: distance, available: available), at: distanceOffset)
                }
                guard maximumOutput - output.count >= length else {
                    throw failure(.outputTooLarge(limit: maximumOutput), at: symbolOffset)
                }
                // Byte by byte: the source may overlap what is being written (distance < length).
                var from = output.count - distance
                for _ in 0..<length {
                    output.append(output[from])
                    from += 1
                }
            }
        }
    }
}
