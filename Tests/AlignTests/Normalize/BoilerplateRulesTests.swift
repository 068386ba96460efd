import Testing

@testable import Align

/// The boilerplate rules file: its format, its errors, and the shipped rules on debris and on
/// article text they must leave alone.
@Suite("Normalize: boilerplate rules")
struct BoilerplateRulesTests {
    static let shippedPath = RepositoryPaths.root + "/normalize/boilerplate.tsv"

    static func shipped() throws -> BoilerplateRules {
        let (rules, diagnostics) = try BoilerplateRules.load(path: shippedPath)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return rules
    }

    static func rule(matching line: String, in rules: BoilerplateRules) -> String? {
        let normalized = LineNormalizer(options: NormalizeOptions()).normalize(Array(line.utf8)).text
        return normalized.withUnsafeBufferPointer { rules.match($0)?.id }
    }

    @Test("the shipped rules name each kind of debris", arguments: [
        ("PREV qu’est-ce qu’Emma a pensé de Nikos Aliagas ?", "nav-prev-next"), ("Lire aussi : la guerre en Ukraine", "nav-read-also"),
        ("Vidéo suivante dans 5 secondes", "video-next"), ("Autres vidéos", "video-more"), ("Vidéo associée : Biden donne le feu vert", "video-related"),
        ("Laisser un commentaire", "comments-prompt"), ("Comentarios", "comments-heading"), ("12 commentaires", "comments-heading"),
        ("Vos réactions doivent respecter nos CGU.", "comments-rules"), ("vingt + dix =", "captcha-arithmetic"), ("3 × 4 = ?", "captcha-arithmetic"),
        ("10:50Politique - La ministre dévoile un plan", "ticker-item"), ("-", "separator"), ("Partager sur Facebook", "share-prompt"),
        ("For Latest Updates Follow us on Google News", "follow-prompt"), ("par morandini", "credit-byline"), ("Milos Schmidt", "credit-name"),
        ("CNN", "credit-outlet"), ("AFP/AP", "credit-outlet"), ("Article transmis de : Golden Ten Data", "credit-transmitted"),
        ("Jack Forrest et Gawon Bae de CNN ont contribué à ce rapport.", "credit-contributors"), ("Crédit photo : AFP", "credit-photo"),
        ("Source : AFP", "credit-source"),
    ])
    func debris(line: String, rule: String) throws {
        #expect(Self.rule(matching: line, in: try Self.shipped()) == rule)
    }

    @Test("article text is left alone", arguments: [
        "Sources : Biden donne le feu vert à l’Ukraine pour utiliser des armes fournies par les États-Unis en Russie",
        "Suivant les conseils de son médecin, il partit.", "Par conséquent, il est parti.", "Washington défie Moscou",
        "La Corée du Nord intervient", "Un tournant stratégique pour l'Ukraine", "II", "XIV", "Les Misérables",
        "Cette histoire a été mise à jour avec des informations supplémentaires.", "Partager le pouvoir est difficile.",
        "Le 17 novembre, heure locale, Slutsky a répondu.", String(repeating: "Laisser un commentaire ", count: 20),
    ])
    func articleText(line: String) throws {
        #expect(Self.rule(matching: line, in: try Self.shipped()) == nil)
    }

    @Test("the file needs its version marker; a newer version is refused")
    func versionMarker() {
        #expect(throws: AlignError.self) { try BoilerplateRules.parse(Array("id\tcategory\tpattern\treason\n".utf8), source: "r.tsv") }
        #expect(throws: AlignError.self) { try BoilerplateRules.parse(Array("# align-boilerplate 2\nid\tcategory\tpattern\treason\n".utf8), source: "r.tsv") }
        #expect(throws: AlignError.self) { try BoilerplateRules.parse(Array("# align-boilerplate 1\nid\tpattern\n".utf8), source: "r.tsv") }
    }

    @Test("a bad rule is a diagnostic with its line; the other rules still work")
    func badRule() throws {
        let text = "# align-boilerplate 1\n# comment\nid\tcategory\tpattern\treason\nbad\tx\t(unclosed\tbroken\ndup\tx\tA\tfirst\ndup\tx\tB\tsecond\nshort\tx\n"
        let (rules, diagnostics) = try BoilerplateRules.parse(Array(text.utf8), source: "r.tsv")
        #expect(rules.rules.map(\.id) == ["dup"])
        #expect(diagnostics.map { $0.location?.line } == [4, 6, 7])
        #expect(diagnostics.allSatisfy { $0.checkID == "boilerplate-rule" && $0.severity == .error })
        #expect(Self.rule(matching: "a", in: rules) == "dup")
    }
}
