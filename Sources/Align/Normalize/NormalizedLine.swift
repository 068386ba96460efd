/// A line after normalization, with the edits that map it back to the line it came from.
public struct NormalizedLine: Sendable, Equatable {
    /// The normalized text, UTF-8.
    public var text: [UInt8]
    /// The changes, in order, not overlapping; text between them is copied unchanged.
    public var edits: [TextEdit]

    public init(text: [UInt8], edits: [TextEdit]) {
        self.text = text
        self.edits = edits
    }

    /// The source offset where text starting at normalized offset `offset` comes from: past any
    /// deletion at that point, at the start of an edit that covers it.
    public func sourceStart(of offset: Int) -> Int {
        // Last edit whose target starts at or before the offset.
        var low = 0
        var high = edits.count
        while low < high {
            let mid = (low + high) / 2
            if edits[mid].target.lowerBound <= offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return offset }
        let edit = edits[low - 1]
        if offset >= edit.target.upperBound { return edit.source.upperBound + (offset - edit.target.upperBound) }
        return edit.source.lowerBound
    }

    /// The source offset where text ending at normalized offset `offset` ends: before any
    /// deletion at that point, at the end of an edit that covers it.
    public func sourceEnd(of offset: Int) -> Int {
        // Last edit whose target starts strictly before the offset.
        var low = 0
        var high = edits.count
        while low < high {
            let mid = (low + high) / 2
            if edits[mid].target.lowerBound < offset { low = mid + 1 } else { high = mid }
        }
        guard low > 0 else { return offset }
        let edit = edits[low - 1]
        if offset >= edit.target.upperBound { return edit.source.upperBound + (offset - edit.target.upperBound) }
        return edit.source.upperBound
    }

    /// Rebuilds the normalized text from the source line and the edits (the provenance check).
    public static func apply(_ edits: [TextEdit], to source: some Collection<UInt8>, replacements: (TextEdit) -> [UInt8]) -> [UInt8] {
        let bytes = Array(source)
        var out: [UInt8] = []
        var cursor = 0
        for edit in edits {
            out += bytes[cursor..<edit.source.lowerBound]
            out += replacements(edit)
            cursor = edit.source.upperBound
        }
        out += bytes[cursor...]
        return out
    }
}
