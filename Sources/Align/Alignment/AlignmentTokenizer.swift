/// Words for the aligner's lexical anchors, folded as matching folds them (`FoldedWords`): lower
/// case, no diacritics, `œ` spelled out, split at everything that is not a letter or a digit
/// (`d'icelui` gives `d` and `icelui`).
enum AlignmentTokenizer {
    static func tokens(_ text: String) -> [String] {
        FoldedWords.split(text).map(\.folded)
    }

    /// The length Gale–Church compares: characters that are not white space, so that tokenized
    /// input (`d' icelui ,`) measures the same as running text.
    static func length(_ text: String) -> Int {
        var count = 0
        for scalar in text.unicodeScalars where !scalar.properties.isWhitespace { count += 1 }
        return count
    }

    static func isNumber(_ token: String) -> Bool {
        token.unicodeScalars.allSatisfy { $0.properties.numericType != nil }
    }
}
