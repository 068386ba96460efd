/// The comparison key of a glossary form or of a stretch of text: what matching sees of it.
///
/// Words are folded (case and diacritics unless `keepingCase`), every run of spaces, hyphens and
/// dashes between words becomes one space, every apostrophe becomes `'`, invisible characters
/// vanish, and punctuation stays. Leading and trailing separators are dropped.
public struct FormKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The folded text.
    public let value: String

    /// Folds `text` into its key.
    public init(_ text: some StringProtocol, keepingCase: Bool = false) {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let fold = ScalarFolding.fold(scalar)
            switch fold.scalarClass {
            case .space, .hyphen:
                pendingSpace = !out.isEmpty
            case .ignorable:
                continue
            case .word, .apostrophe, .punctuation:
                if pendingSpace { out.append(" ") }
                pendingSpace = false
                out.append(keepingCase ? fold.foldedKeepingCase : fold.folded)
            }
        }
        value = out
    }

    /// The folded words of the key, in order (separators and punctuation removed).
    public var words: [Substring] {
        value.split(whereSeparator: { $0 == " " || $0 == "'" })
    }

    /// Every run of whole words of the key shorter than the key itself, with the separators
    /// between them as written (`d'etat` in `departement d'etat`).
    public var innerWordRuns: [Substring] {
        let ranges = words.map { $0.startIndex..<$0.endIndex }
        guard ranges.count > 1 else { return [] }
        var runs: [Substring] = []
        for first in ranges.indices {
            for last in first..<ranges.count where !(first == 0 && last == ranges.count - 1) {
                runs.append(value[ranges[first].lowerBound..<ranges[last].upperBound])
            }
        }
        return runs
    }

    public var description: String { value }

    public static func < (lhs: FormKey, rhs: FormKey) -> Bool {
        lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
    }
}
