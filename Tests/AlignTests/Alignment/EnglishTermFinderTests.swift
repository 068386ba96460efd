import Testing
@testable import Align

@Suite("EnglishTermFinder: canonical, avoided and untranslated forms in English")
struct EnglishTermFinderTests {
    static func concept(_ id: String, en: String, fr: [String], enAvoid: [String] = [], flags: GlossaryFlags = []) -> Concept {
        Concept(id: id, english: en, french: fr, englishAvoid: enAvoid, flags: flags)
    }

    static let concepts = [
        concept("vladimir-putin", en: "Vladimir Putin", fr: ["Vladimir Poutine", "Poutine"], enAvoid: ["Poutine"]),
        concept("kyiv", en: "Kyiv", fr: ["Kiev", "Kyiv"], enAvoid: ["Kiev"]),
        concept("long-range-missile", en: "long-range missile", fr: ["missile à longue portée"]),
        concept("president-elect", en: "president-elect", fr: ["président élu"], enAvoid: ["elected president"]),
        concept("kursk", en: "Kursk", fr: ["Koursk"]),
        concept("ally", en: "ally", fr: ["allié"]),
    ]

    func found(_ text: String) -> [String] {
        let finder = EnglishTermFinder(concepts: Self.concepts)
        return finder.matches(in: text).map { match in
            "\(Self.concepts[match.conceptIndex].id):\(match.role.rawValue)\(match.isShortForm ? ":short" : ""):\(TermPairChecker.slice(text, match.range))"
        }
    }

    @Test("the canonical form, with plural and possessive endings")
    func canonical() {
        #expect(found("Russian President Vladimir Putin said") == ["vladimir-putin:canonical:Vladimir Putin"])
        #expect(found("Kyiv's long-range missiles and allies") == ["kyiv:canonical:Kyiv's", "long-range-missile:canonical:long-range missiles", "ally:canonical:allies"])
        #expect(found("the President-Elect spoke") == ["president-elect:canonical:President-Elect"])
    }

    @Test("avoided and untranslated forms")
    func slips() {
        #expect(found("in Kiev and Koursk, the elected president") == ["kyiv:avoided:Kiev", "kursk:untranslated:Koursk", "president-elect:avoided:elected president"])
    }

    @Test("a capitalised word of a name is a short form; lower-case words and partial words are not")
    func shortForms() {
        #expect(found("Putin said") == ["vladimir-putin:canonical:short:Putin"])
        #expect(found("putin said; Putinism") == [])
        #expect(found("Kursky Kyivan") == [])
    }
}
