/// A word of running text, folded the way matching folds (`ScalarFolding`): letters and digits in a
/// run, invisible format characters skipped, everything else a break.
struct FoldedWord: Sendable, Equatable {
    /// Case and diacritics removed (`Élysée` → `elysee`, `Œuvre` → `oeuvre`).
    var folded: String
    /// Diacritics removed, case kept (`Elysee`): for `case` concepts.
    var keepingCase: String
    /// UTF-8 byte range in the text.
    var range: Range<Int>
}

enum FoldedWords {
    /// The words of `text`, in order, both foldings in one pass.
    static func split(_ text: String) -> [FoldedWord] {
        var words: [FoldedWord] = []
        var folded = ""
        var keepingCase = ""
        var start = 0
        var end = 0
        var offset = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            let fold = ScalarFolding.fold(scalar)
            switch fold.scalarClass {
            case .word:
                if folded.isEmpty { start = offset }
                folded += fold.folded
                keepingCase += fold.foldedKeepingCase
                end = offset + width
            case .ignorable:
                break
            default:
                if !folded.isEmpty {
                    words.append(FoldedWord(folded: folded, keepingCase: keepingCase, range: start..<end))
                    folded = ""
                    keepingCase = ""
                }
            }
            offset += width
        }
        if !folded.isEmpty { words.append(FoldedWord(folded: folded, keepingCase: keepingCase, range: start..<end)) }
        return words
    }
}
