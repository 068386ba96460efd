extension Unicode.Scalar {
    /// Tab or a space separator (Unicode category Zs: space, NBSP, narrow NBSP, thin spaces):
    /// the set Foundation calls `CharacterSet.whitespaces`.
    @inline(__always)
    var isHorizontalWhitespace: Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        return properties.generalCategory == .spaceSeparator
    }
}

extension StringProtocol {
    /// The text without leading and trailing horizontal white space (tab and Zs). A plain
    /// scalar loop: Foundation's `trimmingCharacters(in:)` dominated glossary loading.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].isHorizontalWhitespace { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].isHorizontalWhitespace else { break }
            end = before
        }
        if start == scalars.startIndex, end == scalars.endIndex { return String(self) }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}

extension StringProtocol {
    /// The fields between occurrences of an ASCII separator byte (tab, `|`), split on UTF-8 bytes:
    /// a byte format needs no grapheme breaking, and splitting on `Character` was the costliest
    /// step of loading a large glossary. Empty fields are kept.
    func fields(separatedBy separator: UInt8) -> [SubSequence] {
        var result: [SubSequence] = []
        var fieldStart = startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == separator {
                result.append(self[fieldStart..<index])
                fieldStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        result.append(self[fieldStart..<endIndex])
        return result
    }
}
