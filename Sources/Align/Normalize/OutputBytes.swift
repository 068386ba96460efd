/// Bytes of an output being written, handed on in chunks of about `chunkSize` so a large output
/// never sits whole in memory: numbers without `String`, JSON strings and XML text escaped a run at
/// a time, strings appended through their contiguous UTF-8.
struct OutputBytes {
    /// Bytes gathered before `flush` hands them on.
    static let chunkSize = 1 << 20
    var bytes: [UInt8] = []
    let flush: ([UInt8]) throws -> Void

    init(flush: @escaping ([UInt8]) throws -> Void) {
        self.flush = flush
        bytes.reserveCapacity(Self.chunkSize + (Self.chunkSize >> 2))
    }

    /// Hands the gathered bytes on once there are enough of them.
    mutating func flushIfFull() throws {
        guard bytes.count >= Self.chunkSize else { return }
        try flush(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Hands on what is left.
    mutating func finish() throws {
        if !bytes.isEmpty { try flush(bytes) }
        bytes.removeAll(keepingCapacity: true)
    }

    mutating func appendByte(_ byte: UInt8) {
        bytes.append(byte)
    }

    mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
    }

    /// A string's UTF-8 as it is (no escaping).
    mutating func appendRaw(_ text: String) {
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// XML character data or attribute value (double-quoted), escaped.
    mutating func appendXML(_ text: String, attribute: Bool = false) {
        var text = text
        text.withUTF8 { appendXML($0, attribute: attribute) }
    }

    /// XML 1.0 escaping on bytes (normalized text: no control characters but tab); runs that
    /// need nothing are copied at once.
    mutating func appendXML(_ utf8: UnsafeBufferPointer<UInt8>, attribute: Bool = false) {
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || (attribute && byte == 0x22) else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            switch byte {
            case 0x26: append("&amp;")
            case 0x3C: append("&lt;")
            case 0x3E: append("&gt;")
            case 0x22: append("&quot;")
            case 0x09 where attribute: append("&#9;")
            case 0x0A where attribute: append("&#10;")
            case 0x0D: append("&#13;")
            case 0x09, 0x0A: bytes.append(byte)
            default: append("\u{FFFD}")
            }
            runStart = index + 1
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func appendNumber(_ value: Int) {
        if value < 0 {
            bytes.append(0x2D)
            appendNumber(-value)
            return
        }
        if value < 10 {
            bytes.append(UInt8(48 + value))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = value
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[19 - count] = UInt8(48 + rest % 10)
                rest /= 10
                count += 1
            }
            bytes.append(contentsOf: buffer[(20 - count)...])
        }
    }

    /// A JSON string: quotes, backslashes and control characters escaped.
    mutating func appendJSONString(_ text: String) {
        bytes.append(0x22)
        var text = text
        text.withUTF8 { utf8 in
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == 0x22 || byte == 0x5C else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                switch byte {
                case 0x22: bytes.append(contentsOf: [0x5C, 0x22])
                case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
                case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
                default:
                    let hex: [UInt8] = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                }
                runStart = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        }
        bytes.append(0x22)
    }

    /// A TSV field: tab, line ends and backslash escaped, so every row stays one line.
    mutating func appendTSV(_ text: String) {
        for byte in text.utf8 {
            switch byte {
            case 0x09: bytes.append(contentsOf: [0x5C, 0x74])
            case 0x0A: bytes.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: bytes.append(contentsOf: [0x5C, 0x72])
            case 0x5C: bytes.append(contentsOf: [0x5C, 0x5C])
            default: bytes.append(byte)
            }
        }
    }
}
