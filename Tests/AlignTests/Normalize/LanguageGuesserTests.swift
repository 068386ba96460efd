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
