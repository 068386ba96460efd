import Testing

@testable import Align

/// `inconsistent-variant` compares spellings as a terminologist would (docs/report.md): these are
/// the rules, one case each.
@Suite("report: variant spelling")
struct VariantSpellingTests {
    static func key(_ surface: String, inflects: Bool = false, lowersFirst: Bool = false) -> String {
        VariantSpelling.key(surface, inflects: inflects, lowersFirst: lowersFirst)
    }

    @Test("typographic apostrophes, NBSP, kinds of hyphen and NFD text are not spellings")
    func typography() {
        #expect(Self.key("Département d’État") == Self.key("Département d'État"))
        #expect(Self.key("Kim\u{00A0}Jong Un") == Self.key("Kim Jong Un"))
        #expect(Self.key("Kim Jong\u{2011}un") == Self.key("Kim Jong-un"))
        #expect(Self.key("E\u{0301}tats-Unis") == Self.key("États-Unis"))
        #expect(Self.key("Maison\u{00AD}Blanche") == Self.key("MaisonBlanche"), "a soft hyphen is invisible")
    }

    @Test("case, diacritics, hyphen against space and different words are spellings")
    func choices() {
        #expect(Self.key("OTAN") != Self.key("Otan"))
        #expect(Self.key("Etats-Unis") != Self.key("États-Unis"))
        #expect(Self.key("Kim Jong-un") != Self.key("Kim Jong Un"))
        #expect(Self.key("Kiev") != Self.key("Kyiv"))
    }

    @Test("common nouns: gender, number and case are not spellings; hyphens and accents are")
    func inflection() {
        #expect(Self.key("nord-coréens", inflects: true) == Self.key("nord-coréenne", inflects: true))
        #expect(Self.key("Nord-Coréennes", inflects: true) == Self.key("nord-coréen", inflects: true))
        #expect(Self.key("missiles à longue portée", inflects: true) == Self.key("missile à longue portée", inflects: true))
        #expect(Self.key("nord coréens", inflects: true) != Self.key("nord-coréen", inflects: true))
        #expect(Self.key("nord-coreens", inflects: true) != Self.key("nord-coréen", inflects: true))
        #expect(VariantSpelling.stem("premières") == "premier")
        #expect(VariantSpelling.stem("aériennes") == VariantSpelling.stem("aérien"))
        #expect(VariantSpelling.stem("chevaux") == "cheval")
    }

    @Test("a capital opening a lower-case term is a sentence start")
    func sentenceStart() {
        #expect(Self.key("Cessez-le-feu", lowersFirst: true) == Self.key("cessez-le-feu", lowersFirst: true))
        #expect(Self.key("Cessez-Le-feu", lowersFirst: true) != Self.key("cessez-le-feu", lowersFirst: true))
    }

    @Test("short forms and acronyms are compatible with the long form", arguments: [
        ("Biden", "Joe Biden"), ("Zelensky", "Volodymyr Zelensky"), ("Douma", "Douma d'État"), ("AFP", "Agence France-Presse"),
        ("OTAN", "Organisation du traité de l'Atlantique nord"),
    ])
    func compatible(_ short: String, _ long: String) {
        #expect(VariantSpelling.areCompatible(Self.key(short), Self.key(long)))
        #expect(VariantSpelling.areCompatible(Self.key(long), Self.key(short)))
    }

    @Test("different spellings of one name conflict", arguments: [
        ("Kim Jong-un", "Kim Jong Un"), ("Kiev", "Kyiv"), ("OTAN", "Otan"), ("Zelenski", "Volodymyr Zelensky"), ("Bide", "Joe Biden"), ("AP", "Agence France-Presse"),
    ])
    func conflicting(_ a: String, _ b: String) {
        #expect(!VariantSpelling.areCompatible(Self.key(a), Self.key(b)))
    }
}
