import Testing

@testable import Align

/// Foreign-language detection by function words.
@Suite("Normalize: foreign-language detection")
struct LanguageGuesserTests {
    @Test("sentences in another language are foreign", arguments: [
        ("The US Army conducts live fire testing at White Sands Missile Range, 14 December, 2021", "en"),
        ("This story has been updated with additional information.", "en"),
        ("El presidente de los Estados Unidos habló con la prensa y con sus asesores.", "es"),
        ("Der Präsident ist nicht mit den Beratern einverstanden und wird auch nicht kommen.", "de"),
    ])
    func foreign(text: String, language: String) {
        #expect(LanguageGuesser(language: "fr").judge(text).foreignLanguage == language)
    }

    @Test("French sentences, even with English names or titles, are not", arguments: [
        "Selon de précédents rapports de Bloomberg et Associated Press, les alliés estiment.",
        "Le film The Lord of the Rings est sorti en 2001 et il a connu un grand succès.",
        "For Latest", "La Corée du Nord intervient", "Jack Forrest, Katie Bo Lillis, Natasha Bertrand",
        "Cette histoire a été mise à jour avec des informations supplémentaires.",
    ])
    func french(text: String) {
        #expect(LanguageGuesser(language: "fr").judge(text).foreignLanguage == nil)
    }

    @Test("the document language can be English")
    func englishDocuments() {
        let guesser = LanguageGuesser(language: "en")
        #expect(guesser.judge("Le président a déclaré que les troupes sont dans la région.").foreignLanguage == "fr")
        #expect(guesser.judge("The president said that the troops are in the region.").foreignLanguage == nil)
    }
}

extension LanguageGuesserTests {
    @Test("every function word fits the packed lookup (8 bytes) and belongs to one language only")
    func functionWordTable() {
        var seen: [String: String] = [:]
        for (language, words) in LanguageGuesser.functionWords {
            for word in words {
                #expect(word.utf8.count <= 8, "\(word) is too long to be looked up")
                #expect(seen[word] == nil, "\(word) is in \(language) and \(seen[word] ?? "")")
                seen[word] = language
            }
        }
        #expect(seen.count > 200)
    }
}

/// The guesser's byte loop (with its 8-byte fast path) against a plain reference: the same words,
/// lower-cased the same way, looked up in the function-word lists themselves.
@Suite("Normalize: foreign-language detection against a reference")
struct LanguageGuesserReferenceTests {
    static func referenceCounts(_ text: String, language: String) -> (own: Int, other: Int, words: Int) {
        // Keyed by bytes: String equality is canonical equivalence, and the guesser compares
        // bytes (a decomposed `été` is no function word to it).
        var languageOf: [[UInt8]: String] = [:]
        for (code, words) in LanguageGuesser.functionWords { for word in words { languageOf[Array(word.utf8)] = code } }
        var counts: [String: Int] = [:]
        var words = 0
        var current = String.UnicodeScalarView()
        func endWord() {
            guard !current.isEmpty else { return }
            words += 1
            let word = Array(String(current).utf8)
            if word.count <= 8, let code = languageOf[word] { counts[code, default: 0] += 1 }
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            guard LineNormalizer.isLetterOrMark(scalar.value) else {
                endWord()
                continue
            }
            var value = scalar.value
            if value >= 0x41, value <= 0x5A { value |= 0x20 }
            if value >= 0xC0, value <= 0xDE, value != 0xD7 { value += 0x20 }
            current.append(Unicode.Scalar(value)!)
        }
        endWord()
        let other = counts.filter { $0.key != language }.values.max() ?? 0
        return (counts[language] ?? 0, other, words)
    }

    @Test("random mixed-language text: the same word, function-word and language counts")
    func agreesWithReference() {
        var generator = SeededGenerator(seed: 0x5EED_0005)
        let pieces = [
            "the", "The", "THE", "of", "and", "le", "La", "LES", "été", "Été", "ÉTÉ", "à", "À", "où", "très", "déjà", "être", "était",
            "der", "und", "nicht", "für", "más", "está", "della", "più", "è", "selon", "Selon", "aujourd", "hui", "Koursk", "OTAN",
            "anticonstitutionnellement", "abcdefg", "abcdefgh", "abcdefghi", "x", "Œuvre", "cœur", "naïve", "Ærø", "straße", "Ωmega",
            "2024", "3,5", "e\u{301}te\u{301}",
        ]
        let separators = [" ", " ", " ", ", ", ". ", "'", "’", "-", "  ", "\u{00A0}", " × ", "÷", " — ", "\t", "…", "🙂", "«\u{202F}", "\u{202F}»", "(", ")"]
        for round in 0..<400 {
            var text = ""
            for _ in 0..<Int.random(in: 0...30, using: &generator) {
                text += pieces.randomElement(using: &generator)!
                if Bool.random(using: &generator) || round % 3 == 0 { text += separators.randomElement(using: &generator)! }
            }
            for language in ["fr", "en"] {
                let verdict = LanguageGuesser(language: language).judge(text)
                let reference = Self.referenceCounts(text, language: language)
                #expect(verdict.words == reference.words, "\(text)")
                #expect(verdict.ownWords == reference.own, "\(text)")
                #expect(verdict.otherWords == reference.other, "\(text)")
            }
        }
    }
}
