/// French word → English words the aligner treats as translations of each other: from a bilingual
/// dictionary, from glossary concepts, and learned from a first alignment pass.
public struct TranslationLexicon: Sendable, Equatable {
    /// Folded French word → folded English words.
    var translations: [String: Set<String>] = [:]

    public init() {}

    public var isEmpty: Bool { translations.isEmpty }
    public var count: Int { translations.count }

    /// Adds single-word French entries of `dictionary` (multi-word French entries cannot anchor a
    /// token); every English word longer than two letters counts.
    public mutating func add(_ dictionary: BilingualDictionary) {
        for entry in dictionary.entries {
            let french = AlignmentTokenizer.tokens(entry.french)
            guard french.count == 1 else { continue }
            for word in AlignmentTokenizer.tokens(entry.english) where word.count > 2 {
                translations[french[0], default: []].insert(word)
            }
        }
    }

    /// Adds every word of every French form of every concept as a translation of the words of
    /// its English canonical form (`Corée du Nord` → `north`, `korea`), so glossary terms anchor.
    public mutating func add(_ glossary: Glossary) {
        for concept in glossary.concepts {
            let english = AlignmentTokenizer.tokens(concept.english).filter { $0.count > 1 }
            guard !english.isEmpty else { continue }
            for form in concept.french {
                for word in AlignmentTokenizer.tokens(form) where word.count > 2 {
                    translations[word, default: []].formUnion(english)
                }
            }
        }
    }

    mutating func add(french: String, english: String) {
        translations[french, default: []].insert(english)
    }

    /// The translations of `word`, trying it as it is, then without a final `s` or `e` (the
    /// dictionary lists lemmas: `soldats`, `grande`).
    func lookUp(_ word: String) -> Set<String>? {
        if let found = translations[word] { return found }
        if word.hasSuffix("s") || word.hasSuffix("e"), let found = translations[String(word.dropLast())] { return found }
        return nil
    }

    func exact(_ word: String) -> Set<String>? { translations[word] }
}
