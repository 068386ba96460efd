import Foundation
import Testing

@testable import Align

/// Sentence segmentation with SRX rules: Align's French and English rules, LanguageTool's and
/// Okapi's files (from ../shared/srx), untranslatable rules, and agreement with the
/// `NSRegularExpression` reference.
@Suite("Normalize: SRX segmentation")
struct SRXSegmenterTests {
    static let french = SRXSegmenter.compile(BuiltInSegmentationRules.document, language: "fr").segmenter
    static let english = SRXSegmenter.compile(BuiltInSegmentationRules.document, language: "en").segmenter
    static let languageToolPath = RepositoryPaths.shared + "/srx/languagetool-segment.srx"
    static let okapiPath = RepositoryPaths.shared + "/srx/okapi-default.srx"

    static let frenchCases: [(String, [String])] = [
        ("M. Dupont est arrivé. Il repart.", ["M. Dupont est arrivé.", "Il repart."]),
        ("Mme Durand et MM. Martin et Dr. House sont là. Fin.", ["Mme Durand et MM. Martin et Dr. House sont là.", "Fin."]),
        ("Les U.S. Army et les États-Unis. Le débat continue.", ["Les U.S. Army et les États-Unis.", "Le débat continue."]),
        ("Donald J. Trump a gagné. Il a 78 ans.", ["Donald J. Trump a gagné.", "Il a 78 ans."]),
        ("J.-B. Hobson arriva. Puis il partit.", ["J.-B. Hobson arriva.", "Puis il partit."]),
        ("Il est né en 52 av. J.-C. Puis il est mort.", ["Il est né en 52 av. J.-C.", "Puis il est mort."]),
        ("La croissance est de 3,5 % et 3.5 millions. Ensuite, 10 000 soldats.", ["La croissance est de 3,5 % et 3.5 millions.", "Ensuite, 10 000 soldats."]),
        ("« Qui est là ? » demanda-t-il. « Moi ! » Puis rien.", ["« Qui est là ? » demanda-t-il.", "« Moi ! »", "Puis rien."]),
        ("Il hésita… Puis il dit… oui.", ["Il hésita…", "Puis il dit… oui."]),
        ("Il a dit. « Non. » Ensuite, il est parti.", ["Il a dit.", "« Non. »", "Ensuite, il est parti."]),
        ("Oui. — Non ! -- Peut-être. (Voir plus loin.) Bien.", ["Oui.", "— Non !", "-- Peut-être.", "(Voir plus loin.)", "Bien."]),
        ("Voir p. 12 et art. 3 du code. Le 3 nov. 2024 à Paris.", ["Voir p. 12 et art. 3 du code.", "Le 3 nov. 2024 à Paris."]),
        ("100 000 soldats. militaires. Fin.", ["100 000 soldats. militaires.", "Fin."]),
        ("Voir www.example.com. Puis etc. Les autres.", ["Voir www.example.com.", "Puis etc.", "Les autres."]),
        ("Le chiffre : 12. 13 000 hommes suivirent.", ["Le chiffre : 12.", "13 000 hommes suivirent."]),
    ]

    @Test("Align's French rules", arguments: frenchCases)
    func frenchRules(text: String, expected: [String]) {
        #expect(Self.french.sentences(of: text) == expected)
        // Offsets are bytes: the same text behind multibyte characters breaks at shifted offsets.
        let prefix = "Été œuvre — ’ "
        let shifted = Self.french.breaks(in: prefix + "Fin. " + text)
        let plain = Self.french.breaks(in: "Fin. " + text)
        #expect(shifted == plain.map { $0 + prefix.utf8.count })
    }

    @Test("Align's English rules", arguments: [
        ("Mr. Holmes met Dr. Watson. They left.", ["Mr. Holmes met Dr. Watson.", "They left."]),
        ("See e.g. the report. It is long.", ["See e.g. the report.", "It is long."]),
        ("He said “Stop.” Then he left.", ["He said “Stop.”", "Then he left."]),
        ("It was No. 5 on Jan. 3. Good.", ["It was No. 5 on Jan. 3.", "Good."]),
    ])
    func englishRules(text: String, expected: [String]) {
        #expect(Self.english.sentences(of: text) == expected)
    }

    @Test("LanguageTool's SRX file loads: French and English rules, nothing left out")
    func languageTool() throws {
        let document = try SRXDocument.load(path: Self.languageToolPath)
        #expect(document.cascade)
        #expect(document.languageRules.count == 26)
        let (french, frenchDiagnostics) = SRXSegmenter.compile(document, language: "fr")
        #expect(frenchDiagnostics.isEmpty, "\(frenchDiagnostics)")
        // French (5 rules) then Default (3), cascading.
        #expect(french.ruleCount == 8)
        #expect(french.sentences(of: "M. Dupont est arrivé. Il dit « bonjour ». Les États-Unis.Le débat.") == [
            "M. Dupont est arrivé.", "Il dit « bonjour ».", "Les États-Unis.", "Le débat.",
        ])
        let (english, englishDiagnostics) = SRXSegmenter.compile(document, language: "en-US")
        #expect(englishDiagnostics.isEmpty)
        #expect(english.ruleCount > 40)
        #expect(english.sentences(of: "I met her at 5 p.m. and went home. He is 5 ft. tall. Mr. Smith came.") == [
            "I met her at 5 p.m. and went home.", "He is 5 ft. tall.", "Mr. Smith came.",
        ])
        // Every language of the file compiles (Java syntax: \p{..}, \Q..\E, &&, (?iu)).
        for language in ["pl", "ca", "de", "ru", "nl", "sk", "is", "uk", "es", "pt", "it", "el", "sl", "da", "eo", "gl", "br", "ja", "be"] {
            let (_, diagnostics) = SRXSegmenter.compile(document, language: language)
            #expect(diagnostics.isEmpty, "\(language): \(diagnostics.map(\.message))")
        }
    }

    @Test("Okapi's default SRX file loads and segments")
    func okapi() throws {
        let document = try SRXDocument.load(path: Self.okapiPath)
        let (segmenter, diagnostics) = SRXSegmenter.compile(document, language: "fr")
        #expect(diagnostics.isEmpty)
        #expect(segmenter.ruleCount == 5)
        #expect(segmenter.sentences(of: "Mr. Holmes is here. Is Dr. Watson there too? Yes.") == ["Mr. Holmes is here.", "Is Dr. Watson there too?", "Yes."])
    }

    @Test("a rule that cannot be translated is reported with its line and skipped; the others run")
    func untranslatableRule() throws {
        let srx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body><languagerules>
            <languagerule languagerulename="x">
            <rule break="no"><beforebreak>(M)\\1\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
            <rule break="no"><beforebreak>[a-</beforebreak><afterbreak></afterbreak></rule>
            <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
            </languagerule></languagerules>
            <maprules><languagemap languagepattern=".*" languagerulename="x"/></maprules></body></srx>
            """
        let document = try SRXDocument.parse(Array(srx.utf8), source: "rules.srx")
        let (segmenter, diagnostics) = SRXSegmenter.compile(document, language: "fr")
        #expect(segmenter.ruleCount == 1)
        #expect(diagnostics.map(\.checkID) == ["srx-untranslated-rule", "srx-untranslated-rule"])
        #expect(diagnostics.map { $0.location?.line } == [4, 5])
        #expect(diagnostics[0].message.contains("back-references"))
        #expect(diagnostics[0].severity == .warning)
        #expect(segmenter.sentences(of: "MM. Fin. Oui.") == ["MM.", "Fin.", "Oui."])
    }

    @Test("a file that is not SRX stops the run with a clear error")
    func notSRX() {
        #expect(throws: AlignError.self) { try SRXDocument.parse(Array("<tbx/>".utf8), source: "x.srx") }
        #expect(throws: AlignError.self) { try SRXDocument.parse(Array("<srx><body>".utf8), source: "x.srx") }
    }

    /// Text with what segmentation rules disagree on: abbreviations, initials, quotes, numbers.
    static let agreementText = """
        M. Dupont est arrivé. Il dit « bonjour ». Les États-Unis.Le débat. Donald J. Trump a gagné. Les U.S. Army. \
        En 52 av. J.-C. Puis la fin ! « Qui ? » demanda-t-il. 3.5 millions… Il dit : « Non. » Puis il part. — Oui. \
        Voir p. 12 et art. 3. Le 3 nov. 2024 à Paris. Mr. Holmes is from the U.K. not the U.S. Is Dr. Watson there? \
        Yes: both are. "Right?" Yes, indeed. I'm all for it! But (e.g.: the cat). Test!?. And here... et puis. \
        Le 17 novembre, Slutsky a répondu. Il a déclaré que l'utilisation de missiles pour frapper. en profondeur.
        """

    @Test("the fast engine breaks where the NSRegularExpression reference does", arguments: ["built-in fr", "built-in en", "languagetool fr", "languagetool en", "okapi"])
    func agreesWithReference(rules: String) throws {
        let document: SRXDocument
        switch rules {
        case "languagetool fr", "languagetool en": document = try SRXDocument.load(path: Self.languageToolPath)
        case "okapi": document = try SRXDocument.load(path: Self.okapiPath)
        default: document = BuiltInSegmentationRules.document
        }
        let language = rules.hasSuffix("en") ? "en" : "fr"
        let fast = SRXSegmenter.compile(document, language: language).segmenter
        let reference = try ReferenceSegmenter(document, language: language)
        #expect(reference.rules.count == fast.ruleCount)
        let seed = try String(contentsOfFile: RepositoryPaths.corpus + "/fr/003_9becd614287ec202.txt", encoding: .utf8)
        for paragraph in [Self.agreementText] + seed.split(separator: "\n").prefix(3).map(String.init) {
            #expect(fast.breaks(in: paragraph) == reference.breaks(in: paragraph), "\(paragraph.prefix(60))")
        }
    }
}

extension SRXSegmenterTests {
    @Test("a pathological rule stops at its step budget, and normalize warns about it")
    func stepBudget() throws {
        let srx = """
            <?xml version="1.0" encoding="UTF-8"?>
            <srx xmlns="http://www.lisa.org/srx20" version="2.0"><header cascade="no"/><body><languagerules>
            <languagerule languagerulename="x">
            <rule break="yes"><beforebreak>c(?:a|a)+(?:a|a)+\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
            <rule break="yes"><beforebreak>\\.</beforebreak><afterbreak>\\s</afterbreak></rule>
            </languagerule></languagerules>
            <maprules><languagemap languagepattern=".*" languagerulename="x"/></maprules></body></srx>
            """
        let document = try SRXDocument.parse(Array(srx.utf8), source: "slow.srx")
        let segmenter = SRXSegmenter.compile(document, language: "fr").segmenter
        var bytes = Array((String(repeating: "a", count: 40) + ". Fin.").utf8)
        var scratch = SRXSegmenter.Scratch()
        let breaks = bytes.withUnsafeMutableBufferPointer { segmenter.breaks(in: UnsafeBufferPointer($0), scratch: &scratch) }
        // The slow rule gives up; the next rule still breaks.
        #expect(breaks == [41])
        #expect(scratch.exhausted == 1)

        let folder = NormalizeFixtures.temporaryFolder("budget")
        try Data(srx.utf8).write(to: URL(fileURLWithPath: folder + "/slow.srx"))
        try Data((String(repeating: "a", count: 40) + ". Fin.\n").utf8).write(to: URL(fileURLWithPath: folder + "/in.txt"))
        let run = CapturedIO.run(["normalize", folder + "/in.txt", "--diff", "--srx", folder + "/slow.srx", "--terms", "off", "--keep-boilerplate"])
        #expect(run.exitCode == .ok)
        #expect(run.stderr.contains("[srx-step-budget]"), "\(run.stderr)")
    }
}
