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
