/// Finds glossary words within one edit (insertion, deletion, substitution or transposition of
/// adjacent letters) of a text word, without comparing the word to the whole glossary: every
/// glossary word is indexed under itself and each of its one-letter deletions (symmetric deletion),
/// so a query costs one hash probe per letter of the text word.
///
/// Only words of names and acronyms (forms that start with a capital) of at least
/// `minimumLength` letters are indexed: misspellings of ordinary words are a spell checker's job,
/// and short words are too close to each other to tell a typo from another word.
struct NearMissIndex: Sendable {
    static let minimumLength = 5

    /// Folded word → its exact symbol, for the indexed words.
    private(set) var words: [String: Int32] = [:]
    /// Hash of a word or of a one-deletion variant → indexed words.
    private var variants: [UInt64: [String]] = [:]

    init(concepts: [Concept], entries: [CompiledGlossary.Entry]) {
        for entry in entries where !entry.isAvoided {
            guard let first = entry.form.unicodeScalars.first, first.properties.isUppercase else { continue }
            for token in TextTokenizer.tokenize(entry.form) where token.kind == .word {
                let scalars = Array(token.folded.unicodeScalars)
                guard scalars.count >= Self.minimumLength, words[token.folded] == nil else { continue }
                words[token.folded] = -1
                for variant in Self.deletions(scalars) + [token.folded] {
                    variants[WordHash.of(variant.utf8), default: []].append(token.folded)
                }
            }
        }
    }

    /// Resolves each indexed word to its exact symbol once the symbol table exists.
    mutating func resolveSymbols(_ lookup: (String) -> Int32) {
        for word in words.keys { words[word] = lookup(word) }
    }

    var isEmpty: Bool { words.isEmpty }

    static func deletions(_ scalars: [Unicode.Scalar]) -> [String] {
        (0..<scalars.count).map { index in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<index])
            view.append(contentsOf: scalars[(index + 1)...])
            return String(view)
        }
    }

    /// Indexed words within one edit of `word` (folded) that start with the same letter, nearest first.
    func candidates(for word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= Self.minimumLength - 1 else { return [] }
        var found = Set<String>()
        for variant in Self.deletions(scalars) + [word] {
            for candidate in variants[WordHash.of(variant.utf8)] ?? [] where candidate != word {
                found.insert(candidate)
            }
        }
        return found.filter { candidate in
            candidate.unicodeScalars.first == scalars.first
                && EditDistance.distance(Array(candidate.unicodeScalars), scalars, limit: 1) != nil
        }.sorted()
    }

    /// The exact symbol of an indexed word.
    func symbol(of word: String) -> Int32 { words[word] ?? -1 }
}
