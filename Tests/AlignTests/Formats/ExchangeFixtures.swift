import Foundation
import Testing

@testable import Align

/// Paths and glossaries shared by the exchange-format tests.
enum ExchangeFixtures {
    static var glossariesPath: String { RepositoryPaths.glossaries }

    /// A file of the shared schemas and examples (`../shared/schemas`).
    static func schema(_ relativePath: String) -> String { RepositoryPaths.shared + "/schemas/" + relativePath }

    /// The glossary shipped in `glossaries/`.
    static func shippedGlossary() throws -> Glossary {
        let loaded = try GlossaryLoader.load([glossariesPath], validate: false)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "the shipped glossary has errors: \(errors)")
        return loaded.glossary
    }

    /// A small glossary with everything awkward for XML and CSV: markup characters, quotes,
    /// delimiters, non-ASCII, flags, extra columns (with odd names, empty and padded values), a note
    /// that looks like an annotation.
    static let awkwardGlossary: Glossary = {
        func extra(_ source: String, _ spaced: String, _ odd: String, _ definition: String, _ subject: String) -> [Concept.ExtraField] {
            [
                .init(name: "source", value: source), .init(name: "my column", value: spaced),
                .init(name: "odd]%name", value: odd), .init(name: "definition", value: definition),
                .init(name: "subject_field", value: subject),
            ]
        }
        return Glossary(concepts: [
            Concept(
                id: "att", english: "AT&T <Inc.>", french: ["AT&T", "A&T \"Inc\""], englishAvoid: ["AT and T"],
                frenchAvoid: ["ATT"], flags: [.caseSensitive, .exact],
                note: "ampersand & angle <brackets> and ]]> and \"double\" 'single' quotes, commas, semicolons; pipes | too",
                examples: ["Selon AT&T, le <réseau> « fonctionne »."], counterexamples: ["L'ATT n'est pas concernée, dit-on; \"non\"."],
                extra: extra("AFP, Reuters", "  padded value  ", "", "a telecommunications company", "telecoms")),
            Concept(
                id: "oeuvre", english: "work — œuvre’s “quoted”", french: ["œuvre", "Œuvre d’art", "ouvrage"],
                flags: [.exact], note: "[align:flags] this note only looks like an annotation",
                examples: ["Une œuvre majeure.", "Cet ouvrage 日本語 🎉 est cité."], counterexamples: [],
                extra: extra("", "", "x", "", "")),
            Concept(
                id: "entity-text", english: "entity text", french: ["texte d'entité"], note: "&amp; stays literal, &#38; too",
                extra: extra("s", "m", "o", "", "")),
            Concept(
                id: "kyiv", english: "Kyiv", french: ["Kiev", "Kyiv"], englishAvoid: ["Kiev"], flags: [.caseSensitive],
                extra: extra("", "", "", "", "")),
        ])
    }()

    /// Concepts whose ids cannot be XML ids as they are (not XML names, used twice, empty, or
    /// equal to the name the writers generate): only `glossary export` through the API meets them,
    /// since the CLI refuses glossaries with errors.
    static let oddIDGlossary = Glossary(concepts: [
        Concept(id: "Bad_ID", english: "bad id", french: ["identifiant invalide"]),
        Concept(id: "Bad_ID", english: "second bad id", french: ["deuxième"]),
        Concept(id: "", english: "no id", french: ["sans identifiant"]),
        Concept(id: "1abc", english: "digit first", french: ["chiffre d'abord"]),
        Concept(id: "align-concept-1", english: "generated name", french: ["nom généré"]),
        Concept(id: "kyiv", english: "Kyiv", french: ["Kyiv"]),
        Concept(id: "kyiv", english: "Kyiv again", french: ["Kyiv encore"]),
    ])

    /// A fresh temporary folder for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("align-exchange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Writes `text` to `name` in a fresh temporary folder and returns its path.
    static func write(_ text: String, named name: String) throws -> String {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try Data(text.utf8).write(to: url)
        return url.path
    }

    /// The glossary read back from `text`, with the diagnostics.
    static func read(_ text: String, as format: GlossaryExchangeFormat, path: String = "test") throws -> (Glossary, [Diagnostic]) {
        try GlossaryExchange.read(Array(text.utf8), path: path, format: format)
    }
}
