import Foundation
import Testing

@testable import Align

/// The `align --format` outputs over a small hand-built alignment with every link shape (1-2,
/// 2-1, 0-1, 1-0, 1-1), accents, `&`, `<`, control characters, tabs and line breaks inside
/// sentences, terms of every role (and a few broken term ranges), and findings of every check.
/// TMX and XLIFF are checked with the official schemas and read back with translate-toolkit;
/// the HTML page against a golden file and in a headless browser. External tools run when
/// installed, and always in CI (`CI` set), where a missing tool fails the test.
@Suite("AlignmentWriter: align output formats")
struct AlignmentWriterTests {
    static let xmllintEnabled = ExternalTool.isAvailable("xmllint") || ExternalTool.isCI
    static let jingEnabled = ExternalTool.isAvailable("jing") || ExternalTool.isCI
    static let translateToolkitEnabled = ExternalTool.isPythonModuleAvailable("translate") || ExternalTool.isCI
    static let chromiumEnabled = ExternalTool.isAvailable("chromium") || ExternalTool.isCI

    static let tmxDTD = RepositoryPaths.shared + "/schemas/tmx-1.4b/tmx14.dtd"
    static let xliffSchema = RepositoryPaths.shared + "/schemas/xliff-2.1/xliff_2_advanced_validation.nvdl"

    // MARK: - The alignment

    /// A term whose byte range is found by searching `surface` in `text`, so the fixture cannot
    /// get an offset wrong by hand.
    static func term(_ surface: String, in text: String, _ conceptID: String, _ english: String, _ role: SentenceTerm.Role) -> SentenceTerm {
        let found = text.range(of: surface)!
        let start = text.utf8.distance(from: text.startIndex, to: found.lowerBound)
        return SentenceTerm(conceptID: conceptID, english: english, role: role, range: start..<(start + surface.utf8.count))
    }

    static let frenchTexts = [
        "Le cessez-le-feu est entré en vigueur à minuit.",
        "Les frappes « ciblées » visaient Koursk & <Belgorod>.",
        "La trêve\u{1} a tenu.",
        "Cette phrase n’a pas été traduite.",
        "Le chef d’état-major\tétait présent.\nFin.",
    ]
    static let englishTexts = [
        "The ceasefire came into force",
        "at midnight.\u{B}",
        "The “targeted” strikes hit Kursk & <Belgorod>, and the armistice held.",
        "An added sentence.",
        "The état-major chief was present.\r\nEnd.",
    ]

    static let alignment: BilingualAlignment = {
        let fr = frenchTexts
        let en = englishTexts
        let french = [
            AlignedSentence(text: fr[0], line: 1, terms: [term("cessez-le-feu", in: fr[0], "ceasefire", "ceasefire", .french)]),
            AlignedSentence(text: fr[1], line: 2, terms: [term("Koursk", in: fr[1], "kursk", "Kursk", .french)]),
            AlignedSentence(text: fr[2], line: 2, column: 54, terms: [term("trêve", in: fr[2], "truce", "truce", .french)]),
            AlignedSentence(text: fr[3], line: 4),
            AlignedSentence(
                text: fr[4], line: 6,
                terms: [
                    term("état-major", in: fr[4], "general-staff", "General Staff", .french),
                    // Broken ranges that must be skipped: overlapping the term before, past the
                    // end, before the start, and cutting the two bytes of "é" in half.
                    term("major", in: fr[4], "major", "major", .french),
                    SentenceTerm(conceptID: "beyond", english: "beyond", role: .french, range: 200..<210),
                    SentenceTerm(conceptID: "before", english: "before", role: .french, range: -3..<2),
                    SentenceTerm(conceptID: "half", english: "half", role: .french, range: 34..<37),
                ]),
        ]
        let english = [
            AlignedSentence(text: en[0], line: 1, terms: [term("ceasefire", in: en[0], "ceasefire", "ceasefire", .canonical)]),
            AlignedSentence(text: en[1], line: 2),
            AlignedSentence(
                text: en[2], line: 3,
                terms: [term("Kursk", in: en[2], "kursk", "Kursk", .canonical), term("armistice", in: en[2], "truce", "truce", .avoided)]),
            AlignedSentence(text: en[3], line: 4),
            AlignedSentence(text: en[4], line: 5, terms: [term("état-major", in: en[4], "general-staff", "General Staff", .untranslated)]),
        ]
        let links = [
            AlignmentLink(french: 0..<1, english: 0..<2, score: 0.8),
            AlignmentLink(french: 1..<3, english: 2..<3, score: 0.5),
            AlignmentLink(french: 3..<3, english: 3..<4, score: 0),
            AlignmentLink(french: 3..<4, english: 4..<4, score: 0),
            AlignmentLink(french: 4..<5, english: 4..<5, score: 2.0 / 3),
        ]
        let frenchPath = "corpus/fr/communiqué 7.txt"
        let englishPath = "corpus/en/communiqué 7.txt"
        let findings = [
            PairFinding(
                check: "missing-canonical", link: 1, conceptID: "truce", canonical: "truce", french: "trêve", englishSurface: "",
                location: Align.SourceLocation(file: frenchPath, line: 2, column: 57), message: "'trêve' is not translated as 'truce'"),
            PairFinding(
                check: "avoided-term", link: 1, conceptID: "truce", canonical: "truce", french: "trêve", englishSurface: "armistice",
                location: Align.SourceLocation(file: englishPath, line: 3, column: 58), message: "'armistice' is to be avoided: use 'truce' <for 'trêve'>"),
            PairFinding(
                check: "untranslated-term", link: 4, conceptID: "general-staff", canonical: "General Staff", french: "état-major",
                englishSurface: "état-major", location: Align.SourceLocation(file: englishPath, line: 5, column: 5),
                message: "'état-major' is left in French: use 'General Staff'"),
            // A finding pointing at no link: the HTML page must still show it.
            PairFinding(
                check: "avoided-term", link: 99, conceptID: "x", canonical: "x", french: "", englishSurface: "y",
                location: Align.SourceLocation(file: englishPath, line: 9, column: 1), message: "stray & lost"),
        ]
        return BilingualAlignment(frenchPath: frenchPath, englishPath: englishPath, french: french, english: english, links: links, findings: findings)
    }()

    static let glossary = Glossary(concepts: [
        Concept(
            id: "ceasefire", english: "ceasefire", french: ["cessez-le-feu"], englishAvoid: ["cease-fire"], note: "one word in English",
            origin: Concept.Origin(file: "glossaries/military.tsv", line: 2)),
        Concept(id: "truce", english: "truce", french: ["trêve"], englishAvoid: ["armistice"]),
        Concept(id: "kursk", english: "Kursk", french: ["Koursk"]),
    ])

    /// The units TMX and XLIFF must hold: links 0, 1 and 4, text as an XML reader returns it
    /// (characters XML cannot carry replaced by U+FFFD).
    static let expectedUnits: [[String]] = [
        ["Le cessez-le-feu est entré en vigueur à minuit.", "The ceasefire came into force at midnight.\u{FFFD}"],
        [
            "Les frappes « ciblées » visaient Koursk & <Belgorod>. La trêve\u{FFFD} a tenu.",
            "The “targeted” strikes hit Kursk & <Belgorod>, and the armistice held.",
        ],
        ["Le chef d’état-major\tétait présent.\nFin.", "The état-major chief was present.\r\nEnd."],
    ]

    // MARK: - links and tsv

    @Test("links: every link in order, empty sides included")
    func links() {
        #expect(AlignmentWriter.links(Self.alignment) == "[0]:[0, 1]\n[1, 2]:[2]\n[]:[3]\n[3]:[]\n[4]:[4]\n")
        #expect(AlignmentWriter.render(Self.alignment, as: .links) == AlignmentWriter.links(Self.alignment))
    }

    @Test("tsv: sides joined by a space, tabs and line breaks made spaces, three-decimal score")
    func tsv() {
        let expected = """
            Le cessez-le-feu est entré en vigueur à minuit.\tThe ceasefire came into force at midnight. \t0.800
            Les frappes « ciblées » visaient Koursk & <Belgorod>. La trêve\u{1} a tenu.\tThe “targeted” strikes hit Kursk & <Belgorod>, and the armistice held.\t0.500
            \tAn added sentence.\t0.000
            Cette phrase n’a pas été traduite.\t\t0.000
            Le chef d’état-major était présent. Fin.\tThe état-major chief was present. End.\t0.667

            """
        let tsv = AlignmentWriter.tsv(Self.alignment)
        #expect(tsv == expected, "\(Snapshot.firstDifference(expected, tsv))")
        #expect(tsv.split(separator: "\n", omittingEmptySubsequences: false).dropLast().allSatisfy { $0.split(separator: "\t", omittingEmptySubsequences: false).count == 3 })
    }

    @Test("an empty alignment gives empty links and tsv, and XML with no units")
    func empty() {
        let empty = BilingualAlignment(frenchPath: "", englishPath: "", french: [], english: [], links: [])
        #expect(AlignmentWriter.links(empty).isEmpty)
        #expect(AlignmentWriter.tsv(empty).isEmpty)
        #expect(!AlignmentWriter.tmx(empty, toolVersion: "1").contains("<tu"))
        let xliff = AlignmentWriter.xliff(empty)
        #expect(xliff.contains("<file id=\"f1\" original=\"\">") && !xliff.contains("<unit"))
    }

    @Test("indices outside the sentences are clamped, not a crash")
    func outOfRangeLinks() {
        var alignment = Self.alignment
        alignment.links = [AlignmentLink(french: 4..<9, english: 7..<8, score: 1)]
        #expect(AlignmentWriter.links(alignment) == "[4, 5, 6, 7, 8]:[7]\n")
        #expect(AlignmentWriter.tsv(alignment) == "Le chef d’état-major était présent. Fin.\t\t1.000\n")
        #expect(!AlignmentWriter.tmx(alignment, toolVersion: "1").contains("<tu"))
        #expect(AlignmentWriter.html(alignment, toolVersion: "1").contains("<td lang=\"en\" class=\"empty\"></td>"))
    }

    // MARK: - Terms

    @Test("terms are cut on UTF-8 bytes; overlapping, outside and mid-character ranges are skipped")
    func pieces() {
        let pieces = AlignmentWriter.pieces(of: Self.alignment.french[4])
        #expect(pieces.map(\.text) == ["Le chef d’", "état-major", "\tétait présent.\nFin."])
        #expect(pieces.map { $0.term?.conceptID } == [nil, "general-staff", nil])
        #expect(pieces.map(\.text).joined() == Self.frenchTexts[4], "no text lost")
        // Multibyte characters before and inside the span.
        let text = "œ’ — «trêve»"
        let sentence = AlignedSentence(text: text, line: 1, terms: [Self.term("trêve", in: text, "truce", "truce", .french)])
        #expect(AlignmentWriter.pieces(of: sentence).map(\.text) == ["œ’ — «", "trêve", "»"])
        // Unsorted terms are put in text order.
        let two = AlignedSentence(text: "a b", line: 1, terms: [
            SentenceTerm(conceptID: "b", english: "b", role: .french, range: 2..<3), SentenceTerm(conceptID: "a", english: "a", role: .french, range: 0..<1),
        ])
        #expect(AlignmentWriter.pieces(of: two).map { $0.term?.conceptID } == ["a", nil, "b"])
    }

    @Test("the concepts of a pair: French side first, each once")
    func concepts() {
        let alignment = Self.alignment
        let link = alignment.links[1]
        let concepts = AlignmentWriter.concepts(french: AlignmentWriter.french(of: link, in: alignment), english: AlignmentWriter.english(of: link, in: alignment))
        #expect(concepts.map(\.id) == ["kursk", "truce"])
        #expect(concepts[1].frenchSurfaces == ["trêve"])
        #expect(concepts[1].englishSurfaces.map(\.surface) == ["armistice"])
        #expect(concepts[1].englishSurfaces.map(\.role) == [.avoided])
    }

    @Test("file ids are XML name tokens")
    func nameTokens() {
        #expect(AlignmentWriter.nameToken("communiqué 7.txt") == "communiqué_7.txt")
        #expect(AlignmentWriter.nameToken("a/b:c#d œuvre") == "a_b_c_d_œuvre")
        #expect(AlignmentWriter.nameToken("") == "f1")
        #expect(AlignmentWriter.fileName("corpus/fr/x.txt") == "x.txt")
    }

    @Test("every format gives the same bytes twice", arguments: AlignmentWriter.Format.allCases)
    func deterministic(format: AlignmentWriter.Format) {
        let first = AlignmentWriter.render(Self.alignment, as: format, toolVersion: "9.9", glossary: Self.glossary)
        let second = AlignmentWriter.render(Self.alignment, as: format, toolVersion: "9.9", glossary: Self.glossary)
        #expect(Array(first.utf8) == Array(second.utf8))
    }

    // MARK: - TMX

    static func tmxFile(_ scratch: ScratchDirectory) throws -> String {
        try scratch.write(AlignmentWriter.tmx(Self.alignment, toolVersion: "9.9"), to: "align.tmx")
    }

    @Test("TMX: header, props and notes, no date, nothing XML cannot carry")
    func tmxContent() {
        let tmx = AlignmentWriter.tmx(Self.alignment, toolVersion: "9.9")
        #expect(tmx.contains("<header creationtool=\"Align\" creationtoolversion=\"9.9\" segtype=\"sentence\" o-tmf=\"Align\" adminlang=\"en\" srclang=\"fr\" datatype=\"plaintext\">"))
        #expect(!tmx.contains("creationdate"))
        #expect(tmx.components(separatedBy: "<tu ").count == 4, "three units: the 0-1 and 1-0 links have none")
        #expect(tmx.contains("<prop type=\"x-align-link\">[1, 2]:[2]</prop>\n      <prop type=\"x-align-score\">0.500</prop>"))
        #expect(tmx.contains("<prop type=\"x-align-concept\">truce</prop>"))
        #expect(tmx.contains("<note>term truce: trêve → truce</note>"))
        #expect(tmx.contains("<note>avoided-term: 'armistice' is to be avoided: use 'truce' &lt;for 'trêve'&gt;</note>"))
        #expect(tmx.contains("<seg>Les frappes « ciblées » visaient Koursk &amp; &lt;Belgorod&gt;. La trêve\u{FFFD} a tenu.</seg>"))
        #expect(!tmx.unicodeScalars.contains { !XMLEscaping.isAllowed($0) })
        #expect(!tmx.contains("stray"), "a finding outside the links belongs to no unit")
    }

    @Test("TMX validates against the TMX 1.4b DTD, and a damaged one does not", .enabled(if: xmllintEnabled))
    func tmxValidates() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try Self.tmxFile(scratch)
        let outcome = try ExternalTool.run("xmllint", ["--nonet", "--noout", "--dtdvalid", Self.tmxDTD, path])
        #expect(outcome.status == 0, "\(outcome.output)")
        // Negative control: the header's required srclang removed.
        let damaged = try scratch.write(String(decoding: try InputFiles.read(path), as: UTF8.self).replacingOccurrences(of: " srclang=\"fr\"", with: ""), to: "damaged.tmx")
        #expect(try ExternalTool.run("xmllint", ["--nonet", "--noout", "--dtdvalid", Self.tmxDTD, damaged]).status != 0)
    }

    @Test("translate-toolkit reads the TMX units with their French and English text", .enabled(if: translateToolkitEnabled))
    func tmxTranslateToolkit() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let script = """
            import json, sys
            from translate.storage import tmx
            store = tmx.tmxfile.parsefile(open(sys.argv[1], 'rb'))
            print(json.dumps([[u.source, u.target] for u in store.units]))
            """
        let outcome = try ExternalTool.run("python3", ["-c", script, try Self.tmxFile(scratch)])
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(try Self.lastLineJSON(outcome.output) == Self.expectedUnits, "\(outcome.output)")
    }

    // MARK: - XLIFF

    static func xliffFile(_ scratch: ScratchDirectory, text: String? = nil, name: String = "align.xlf") throws -> String {
        try scratch.write(text ?? AlignmentWriter.xliff(Self.alignment, glossary: Self.glossary), to: name)
    }

    @Test("XLIFF: file, units, glossary entries, metadata, finding notes and term marks")
    func xliffContent() {
        let xliff = AlignmentWriter.xliff(Self.alignment, glossary: Self.glossary)
        #expect(xliff.contains("srcLang=\"fr\" trgLang=\"en\""))
        #expect(xliff.contains("<file id=\"communiqué_7.txt\" original=\"corpus/fr/communiqué 7.txt\">"))
        #expect(xliff.components(separatedBy: "<unit ").count == 4)
        #expect(xliff.contains("<unit id=\"u3\" name=\"[4]:[4]\">"))
        let ceasefire = """
                    <gls:glossEntry id="g1" ref="#m1">
                      <gls:term source="glossaries/military.tsv#ceasefire">cessez-le-feu</gls:term>
                      <gls:translation>ceasefire</gls:translation>
                      <gls:definition>one word in English</gls:definition>
                    </gls:glossEntry>
            """
        #expect(xliff.contains(ceasefire))
        #expect(xliff.contains("<source xml:space=\"preserve\">Le <mrk id=\"m1\" type=\"term\" ref=\"#/f=communiqué_7.txt/u=u1/gls=g1\">cessez-le-feu</mrk> est entré"))
        #expect(xliff.contains("<target xml:space=\"preserve\">The <mrk id=\"t1\" type=\"term\" ref=\"#/f=communiqué_7.txt/u=u1/gls=g1\">ceasefire</mrk> came into force at midnight.\u{FFFD}</target>"))
        #expect(xliff.contains("<mda:meta type=\"score\">0.667</mda:meta>"))
        #expect(xliff.contains("<note category=\"align:missing-canonical\" appliesTo=\"target\">'trêve' is not translated as 'truce'</note>"))
        #expect(xliff.contains("and the <mrk id=\"t2\" type=\"term\" ref=\"#/f=communiqué_7.txt/u=u2/gls=g2\">armistice</mrk> held."))
        #expect(xliff.contains("&amp; &lt;Belgorod&gt;"))
        #expect(!xliff.unicodeScalars.contains { !XMLEscaping.isAllowed($0) })
    }

    /// One 1-1 link whose only term is an avoided English form: the concept has no French surface.
    static let englishOnly: BilingualAlignment = {
        let english = "The armistice held."
        return BilingualAlignment(
            frenchPath: "fr.txt", englishPath: "en.txt", french: [AlignedSentence(text: "Tout a tenu.", line: 1)],
            english: [AlignedSentence(text: english, line: 1, terms: [term("armistice", in: english, "truce", "truce", .avoided)])],
            links: [AlignmentLink(french: 0..<1, english: 0..<1, score: 0.25)])
    }()

    @Test("XLIFF: a concept found only in the English text takes its French form from the glossary")
    func xliffEnglishOnlyConcept() {
        let with = AlignmentWriter.xliff(Self.englishOnly, glossary: Self.glossary)
        #expect(with.contains("<gls:glossEntry id=\"g1\" ref=\"#t1\">\n          <gls:term source=\"truce\">trêve</gls:term>"))
        #expect(AlignmentWriter.xliff(Self.englishOnly).contains("<gls:term source=\"truce\">truce</gls:term>"), "the concept id without a glossary")
    }

    @Test("XLIFF validates with jing (core, glossary and metadata modules, Schematron)", .enabled(if: jingEnabled))
    func xliffValidates() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        for (name, text) in [
            ("with-glossary.xlf", AlignmentWriter.xliff(Self.alignment, glossary: Self.glossary)), ("without.xlf", AlignmentWriter.xliff(Self.alignment)),
            ("english-only.xlf", AlignmentWriter.xliff(Self.englishOnly, glossary: Self.glossary)),
        ] {
            let outcome = try ExternalTool.run("jing", [Self.xliffSchema, try Self.xliffFile(scratch, text: text, name: name)])
            #expect(outcome.status == 0, "\(name):\n\(outcome.output)")
        }
    }

    @Test("jing rejects a damaged XLIFF (the check can fail)", .enabled(if: jingEnabled))
    func xliffNegativeControl() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let text = AlignmentWriter.xliff(Self.alignment, glossary: Self.glossary)
        // A glossary entry pointing at no span, and an entry with neither translation nor definition.
        let dangling = text.replacingOccurrences(of: "ref=\"#m1\"", with: "ref=\"#m99\"")
        let incomplete = text.replacingOccurrences(of: "<gls:translation>Kursk</gls:translation>", with: "")
        for (name, damaged) in [("dangling.xlf", dangling), ("incomplete.xlf", incomplete)] {
            #expect(damaged != text, "\(name) was not damaged")
            let outcome = try ExternalTool.run("jing", [Self.xliffSchema, try Self.xliffFile(scratch, text: damaged, name: name)])
            #expect(outcome.status != 0, "jing accepted \(name)")
        }
    }

    @Test("translate-toolkit reads every XLIFF unit with its source and target", .enabled(if: translateToolkitEnabled))
    func xliffTranslateToolkit() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let script = """
            import json, sys
            from translate.storage import xliff2
            store = xliff2.Xliff2File.parsefile(open(sys.argv[1], 'rb'))
            print(json.dumps([[u.source, u.target] for u in store.units]))
            """
        let outcome = try ExternalTool.run("python3", ["-c", script, try Self.xliffFile(scratch)])
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(try Self.lastLineJSON(outcome.output) == Self.expectedUnits, "\(outcome.output)")
    }

    // MARK: - HTML

    static var html: String { AlignmentWriter.html(Self.alignment, toolVersion: "<version>") }

    @Test("HTML equals its golden file")
    func htmlGolden() {
        Snapshot.expect(Self.html, matches: "alignment/alignment.html")
    }

    @Test("HTML: a row per link, summary counts, marks with titles, everything escaped")
    func htmlStructure() {
        let html = Self.html
        for number in 1...Self.alignment.links.count {
            #expect(html.contains("<tr id=\"link-\(number)\""), "row of link \(number)")
        }
        #expect(html.components(separatedBy: "<tr id=\"link-").count == Self.alignment.links.count + 1)
        for type in ["0-1", "1-0", "1-1", "1-2", "2-1"] {
            #expect(html.contains("<tr><td>\(type)</td><td class=\"number\">1</td></tr>"), "\(type) counted")
        }
        #expect(html.contains("<tr><td><code>avoided-term</code></td><td class=\"number\">2</td></tr>"))
        #expect(html.contains("<tr><td><code>missing-canonical</code></td><td class=\"number\">1</td></tr>"))
        #expect(html.contains("<mark class=\"term french\" title=\"truce → truce (French form)\">trêve</mark>\u{FFFD} a tenu."))
        #expect(html.contains("<mark class=\"term avoided\" title=\"truce → truce (form to avoid)\">armistice</mark>"))
        #expect(html.contains("<mark class=\"term untranslated\" title=\"general-staff → General Staff (French form left untranslated)\">état-major</mark>"))
        #expect(html.components(separatedBy: "<mark class=\"term ").count - 1 == 8 + 4, "8 valid terms, 4 in the legend; broken ranges unmarked")
        #expect(html.contains("Koursk</mark> &amp; &lt;Belgorod&gt;."))
        #expect(!html.contains("<Belgorod>") && !html.contains("'armistice'"))
        #expect(html.contains("<li class=\"finding avoided-term\" title=\"corpus/en/communiqué 7.txt:3:58\"><code>avoided-term</code> &#39;armistice&#39; is to be avoided: use &#39;truce&#39; &lt;for &#39;trêve&#39;&gt;</li>"))
        #expect(html.contains("<section id=\"other-findings\">") && html.contains("stray &amp; lost"))
        #expect(html.contains("<td lang=\"fr\" class=\"empty\"></td>") && html.contains("<td lang=\"en\" class=\"empty\"></td>"))
        #expect(!html.unicodeScalars.contains { !XMLEscaping.isAllowed($0) })
        #expect(!html.contains("<script") && !html.contains("http"), "self-contained")
    }

    @Test("HTML parses in a browser into one row per link, text kept as text", .enabled(if: chromiumEnabled))
    func htmlInBrowser() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try scratch.write(Self.html, to: "align.html")
        let (dom, log) = try HTMLReportBrowserTests.dumpDOM(path)
        #expect(!log.contains(":ERROR:CONSOLE"), "\(log)")
        #expect(dom.components(separatedBy: "<tr id=\"link-").count == Self.alignment.links.count + 1)
        #expect(dom.components(separatedBy: "<mark class=\"term ").count - 1 == 12)
        #expect(dom.contains("Koursk</mark> &amp; &lt;Belgorod&gt;."), "the angle brackets stayed text")
        #expect(!dom.contains("<belgorod>"), "no element was made of the text")
    }

    // MARK: - Helpers

    /// The JSON array of arrays of strings on the last line a script printed.
    static func lastLineJSON(_ output: String) throws -> [[String]] {
        let lastLine = output.split(separator: "\n").last.map(String.init) ?? ""
        return try JSONDecoder().decode([[String]].self, from: Data(lastLine.utf8))
    }
}
