/// Line excerpts around an occurrence, for evidence: a bounded number of characters on each side,
/// never past the line, with `…` where the line goes on. Tabs become spaces so every output format
/// keeps an excerpt on one line. Byte-level throughout: excerpts are cut on the report's serial
/// path, once per new spelling and candidate.
enum Excerpt {
    /// The text before `start` and after `end` on their line, at most `context` characters each.
    static func around(_ bytes: [UInt8], start: Int, end: Int, context: Int = Finding.Evidence.context) -> (before: String, after: String) {
        var from = start
        var scalars = 0
        while from > 0, bytes[from - 1] != 0x0A {
            if bytes[from - 1] & 0xC0 != 0x80 {
                if scalars == context { break }
                scalars += 1
            }
            from -= 1
        }
        while from < start, bytes[from] & 0xC0 == 0x80 { from += 1 }
        let cutBefore = from > 0 && bytes[from - 1] != 0x0A
        var to = end
        scalars = 0
        while to < bytes.count, bytes[to] != 0x0A, bytes[to] != 0x0D {
            if bytes[to] & 0xC0 != 0x80 {
                if scalars == context { break }
                scalars += 1
            }
            to += 1
        }
        while to > end, to < bytes.count, bytes[to] & 0xC0 == 0x80 { to -= 1 }
        let cutAfter = to < bytes.count && bytes[to] != 0x0A && bytes[to] != 0x0D
        let before = (cutBefore ? "…" : "") + clean(bytes[from..<start])
        let after = clean(bytes[end..<to]) + (cutAfter ? "…" : "")
        return (before, after)
    }

    /// The sentence holding `start..<end`, at most about `limit` bytes each side, for a glossary
    /// example (`|` becomes `/`: it separates examples in a glossary cell).
    static func sentence(_ bytes: [UInt8], start: Int, end: Int, limit: Int = 300) -> String {
        func endsSentence(_ index: Int) -> Bool {
            let byte = bytes[index]
            guard byte == 0x2E || byte == 0x21 || byte == 0x3F else { return false }
            return index + 1 == bytes.count || bytes[index + 1] == 0x20 || bytes[index + 1] == 0x0A
        }
        var from = start
        while from > 0, start - from < limit, bytes[from - 1] != 0x0A, !endsSentence(from - 1) { from -= 1 }
        var to = end
        while to < bytes.count, to - end < limit, bytes[to] != 0x0A, bytes[to] != 0x0D {
            to += 1
            if endsSentence(to - 1) { break }
        }
        while from < start, bytes[from] & 0xC0 == 0x80 { from += 1 }
        while to > end, to < bytes.count, bytes[to] & 0xC0 == 0x80 { to -= 1 }
        return clean(bytes[from..<to], pipe: true).trimmingSpaces()
    }

    /// The column (1-based, in code points) of `offset`, counting from the line start before it.
    static func column(_ bytes: [UInt8], of offset: Int) -> Int {
        var from = offset
        var column = 1
        while from > 0, bytes[from - 1] != 0x0A {
            from -= 1
            if bytes[from] & 0xC0 != 0x80 { column += 1 }
        }
        return column
    }

    /// Code points in `bytes[from..<to]`.
    static func scalarCount(_ bytes: [UInt8], from: Int, to: Int) -> Int {
        var count = 0
        for index in from..<to where bytes[index] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// The bytes as text on one line: tab → space, CR dropped, and with `pipe` `|` → `/`.
    static func clean(_ bytes: ArraySlice<UInt8>, pipe: Bool = false) -> String {
        guard bytes.contains(where: { $0 == 0x09 || $0 == 0x0D || (pipe && $0 == 0x7C) }) else { return String(decoding: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        for byte in bytes {
            switch byte {
            case 0x09: out.append(0x20)
            case 0x0D: continue
            case 0x7C where pipe: out.append(0x2F)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
