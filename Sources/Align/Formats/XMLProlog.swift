/// What comes before the root element of an XML document, read from the raw bytes without an XML
/// parser: the root element's name (to tell TBX versions apart) and whether the DOCTYPE declares
/// entities (which Align refuses to read: entity expansion is how "billion laughs" files blow up).
struct XMLProlog: Sendable, Equatable {
    /// The qualified name of the root element (`martif`, `tbx`, `x:tbx`), if the prolog ends in one.
    var rootName: String?
    /// The byte offset of the first `<!ENTITY` in the DOCTYPE's internal subset.
    var entityDeclarationOffset: Int?
    /// Whether the document is UTF-16 (by its byte order mark or first bytes), which Align does not read.
    var isUTF16 = false
    /// The `encoding` of the XML declaration, if there is one.
    var declaredEncoding: String?

    /// Whether the bytes must be UTF-8: no declared encoding, or UTF-8 (or its subset ASCII) declared.
    var isUTF8: Bool {
        guard let declared = declaredEncoding?.lowercased() else { return true }
        return ["utf-8", "utf8", "us-ascii", "ascii"].contains(declared)
    }

    /// The single-byte encoding the declaration names, among those Align decodes itself.
    var singleByteEncoding: TextEncoding? {
        switch declaredEncoding?.lowercased() {
        case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1": .latin1
        case "windows-1252", "cp1252": .windows1252
        default: nil
        }
    }

    /// Scans the prolog of `bytes`: XML declaration, comments, processing instructions, DOCTYPE.
    init(_ bytes: [UInt8]) {
        if bytes.starts(with: [0xFE, 0xFF]) || bytes.starts(with: [0xFF, 0xFE])
            || bytes.starts(with: [0x3C, 0x00]) || bytes.starts(with: [0x00, 0x3C])
        {
            isUTF16 = true
            return
        }
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            let byte = bytes[index]
            if Self.isSpace(byte) {
                index += 1
            } else if Self.matches(bytes, at: index, "<?") {
                let end = Self.end(of: "?>", in: bytes, from: index + 2)
                if Self.matches(bytes, at: index, "<?xml ") { declaredEncoding = Self.pseudoAttribute("encoding", in: bytes[index..<end]) }
                index = end
            } else if Self.matches(bytes, at: index, "<!--") {
                index = Self.end(of: "-->", in: bytes, from: index + 4)
            } else if Self.matches(bytes, at: index, "<!DOCTYPE") {
                index = scanDoctype(bytes, from: index + 9)
            } else if byte == UInt8(ascii: "<") {
                var end = index + 1
                while end < bytes.count, !Self.isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/") {
                    end += 1
                }
                rootName = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
                return
            } else {
                // Text before the root: not XML (or not well-formed); the parser will say where.
                return
            }
        }
    }

    /// Skips a DOCTYPE declaration, noting entity declarations in its internal subset; returns the
    /// offset after its closing `>`.
    private mutating func scanDoctype(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start
        var quote: UInt8?
        var inSubset = false
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                quote = byte
            case UInt8(ascii: "["):
                inSubset = true
            case UInt8(ascii: "]"):
                inSubset = false
            case UInt8(ascii: ">") where !inSubset:
                return index + 1
            case UInt8(ascii: "<") where inSubset:
                if Self.matches(bytes, at: index, "<!--") {
                    index = Self.end(of: "-->", in: bytes, from: index + 4)
                    continue
                }
                if Self.matches(bytes, at: index, "<?") {
                    index = Self.end(of: "?>", in: bytes, from: index + 2)
                    continue
                }
                if Self.matches(bytes, at: index, "<!ENTITY"), entityDeclarationOffset == nil {
                    entityDeclarationOffset = index
                }
            default:
                break
            }
            index += 1
        }
        return index
    }

    /// The value of `name="…"` (or `'…'`) in an XML declaration.
    private static func pseudoAttribute(_ name: String, in declaration: ArraySlice<UInt8>) -> String? {
        let text = String(decoding: declaration, as: UTF8.self)
        guard let key = text.range(of: name) else { return nil }
        let rest = text[key.upperBound...].drop { $0 == " " || $0 == "=" || $0 == "\t" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        return literal.withUTF8Buffer { literalBytes in
            (0..<count).allSatisfy { bytes[index + $0] == literalBytes[$0] }
        }
    }

    /// The offset just after the next `terminator` at or after `start`, or the end of `bytes`.
    private static func end(of terminator: StaticString, in bytes: [UInt8], from start: Int) -> Int {
        var index = start
        while index < bytes.count {
            if matches(bytes, at: index, terminator) { return index + terminator.utf8CodeUnitCount }
            index += 1
        }
        return bytes.count
    }
}
