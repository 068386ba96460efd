/// Words for the aligner's lexical anchors: lower case, without diacritics, `œ`/`æ` spelled out,
/// split at everything that is not a letter or a digit (`d'icelui` gives `d` and `icelui`).
enum AlignmentTokenizer {
    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty {
                result.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            let properties = scalar.properties
            if properties.generalCategory == .nonspacingMark { continue }
            if properties.isAlphabetic || properties.numericType != nil {
                switch scalar {
                case "œ": current.append("o"); current.append("e")
                case "æ": current.append("a"); current.append("e")
                default: current.append(scalar)
                }
            } else {
                flush()
            }
        }
        flush()
        return result
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
