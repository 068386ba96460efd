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
        value = keepingCase ? Self.foldKeepingCase(text) : Self.fold(text)
    }

    /// Case and diacritics folded, through the byte table the scanner uses: no `String` per scalar.
    static func fold(_ text: some StringProtocol) -> String {
        let table = ByteFoldTable.shared
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            var scalarClass: UInt8
            var range = 0..<0
            var rare: [UInt8] = []
            if value < ScalarFolding.tableLimit {
                let entry = table.entries[Int(value)]
                scalarClass = UInt8(entry & 0xF)
                let start = Int(entry >> 12)
                range = start..<(start + Int((entry >> 6) & 0x3F))
            } else {
                let fold = ScalarFolding.fold(scalar)
                scalarClass = fold.scalarClass.rawValue
                rare = Array(fold.folded.utf8)
            }
            switch scalarClass {
            case ScalarClass.space.rawValue, ScalarClass.hyphen.rawValue:
                pendingSpace = !out.isEmpty
            case ScalarClass.ignorable.rawValue:
                continue
            default:
                if pendingSpace { out.append(0x20) }
                pendingSpace = false
                out.append(contentsOf: table.pool[range])
                out.append(contentsOf: rare)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func foldKeepingCase(_ text: some StringProtocol) -> String {
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
                out.append(fold.foldedKeepingCase)
            }
        }
        return out
    }

    /// The folded words of the key, in order (separators and punctuation removed).
    public var words: [Substring] {
        value.split(whereSeparator: { $0 == " " || $0 == "'" })
    }

    /// The byte ranges (in `value.utf8`) of every run of whole words shorter than the key
    /// itself, separators between them included (`d'etat` in `departement d'etat`).
    var innerWordRunRanges: [Range<Int>] {
        var words: [Range<Int>] = []
        var start: Int?
        for (offset, byte) in value.utf8.enumerated() {
            if byte == 0x20 || byte == 0x27 {
                if let begin = start { words.append(begin..<offset) }
                start = nil
            } else if start == nil {
                start = offset
            }
        }
        if let begin = start { words.append(begin..<value.utf8.count) }
        guard words.count > 1 else { return [] }
        var runs: [Range<Int>] = []
        for first in words.indices {
            for last in first..<words.count where !(first == 0 && last == words.count - 1) {
                runs.append(words[first].lowerBound..<words[last].upperBound)
            }
        }
        return runs
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
