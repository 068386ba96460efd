import Foundation
import Testing

@testable import Align

/// One book of `../shared/align-gold`: its French and English sentences (one a line) and its
/// hand-made gold links.
struct GoldBook: Sendable, CustomTestStringConvertible {
    static let directory = RepositoryPaths.shared + "/align-gold"
    static let names = ["Candide", "JaneEyre", "LesTravailleursDeLaMer", "VingtMilleLieuesSousLesMers"]

    var name: String
    var french: [String]
    var english: [String]

    var goldPath: String { Self.directory + "/" + name + "/gold.fren" }
    var testDescription: String { name }

    static func load(_ name: String) throws -> GoldBook {
        let folder = directory + "/" + name
        return GoldBook(name: name, french: try lines(folder + "/fr.txt"), english: try lines(folder + "/en.txt"))
    }

    /// The lines of a UTF-8 file, without the final line break (as `align --sentences` reads them).
    static func lines(_ path: String) throws -> [String] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// The aligner on the four align-gold books, scored by the corpus's own `score.py` (strict and
/// lax F1 over links with both sides non-empty), pooled and per book. Needs `python3`: runs when
/// it is installed, and always in CI.
///
/// Debug build: aligning the four books default and length-only takes about 5 s, with FreeDict
/// (loading included) about 4 s; the two tests run side by side.
@Suite("GoldAlignment: accuracy on the align-gold books")
struct GoldAlignmentTests {
    static let pythonEnabled = ExternalTool.isAvailable("python3") || ExternalTool.isCI
    static let freeDictIndex = "/usr/share/dictd/freedict-fra-eng.index"
    static let freeDictEnabled = pythonEnabled && (FileManager.default.fileExists(atPath: freeDictIndex) || ExternalTool.isCI)

    /// Precision, recall and F1 of one measure.
    struct Measure: Equatable, CustomStringConvertible {
        var precision: Double
        var recall: Double
        var f1: Double

        var description: String { String(format: "P %.3f R %.3f F1 %.3f", precision, recall, f1) }
    }

    /// What `score.py` prints: `strict P 0.918 R 0.924 F1 0.921`, then the same for `lax`.
    struct Score: CustomStringConvertible {
        var strict: Measure
        var lax: Measure

        var description: String { "strict \(strict), lax \(lax)" }

        /// `score.py` printed something else (a usage message, a traceback).
        struct ParseError: Error, CustomStringConvertible {
            var output: String
            var description: String { "no strict and lax lines in score.py's output: \(output)" }
        }

        init(parsing output: String) throws {
            var measures: [String: Measure] = [:]
            for line in output.split(separator: "\n") {
                let fields = line.split(separator: " ").map(String.init)
                guard fields.count == 7, fields[1] == "P", fields[3] == "R", fields[5] == "F1",
                    let p = Double(fields[2]), let r = Double(fields[4]), let f = Double(fields[6])
                else { continue }
                measures[fields[0]] = Measure(precision: p, recall: r, f1: f)
            }
            guard let strict = measures["strict"], let lax = measures["lax"] else { throw ParseError(output: output) }
            self.strict = strict
            self.lax = lax
        }
    }

    /// The scores of one way of aligning: per book, and pooled over all books.
    struct Evaluation {
        var books: [String: Score]
        var pooled: Score
    }

    static func loadBooks() throws -> [GoldBook] { try GoldBook.names.map(GoldBook.load) }

    /// Aligns every book, writes the links in `[0, 1]:[0]` form into a temporary folder, and
    /// scores them with `score.py` book by book and pooled.
    static func evaluate(_ books: [GoldBook], options: AlignerOptions, lexicon: TranslationLexicon = TranslationLexicon()) throws -> Evaluation {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("align-gold-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let aligner = SentenceAligner(options: options, lexicon: lexicon)
        var pairs: [(gold: String, predicted: String)] = []
        var scores: [String: Score] = [:]
        for book in books {
            let links = aligner.align(french: book.french, english: book.english)
            let path = folder + "/" + book.name + ".fren"
            try Data(links.map { $0.bracketed + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: path))
            pairs.append((book.goldPath, path))
            scores[book.name] = try score([(book.goldPath, path)])
        }
        return Evaluation(books: scores, pooled: try score(pairs))
    }

    static func score(_ pairs: [(gold: String, predicted: String)]) throws -> Score {
        let outcome = try ExternalTool.run("python3", [GoldBook.directory + "/score.py"] + pairs.flatMap { [$0.gold, $0.predicted] })
        try #require(outcome.status == 0, "score.py failed: \(outcome.output)")
        return try Score(parsing: outcome.output)
    }

    @Test("score.py's output is parsed")
    func parsing() throws {
        let score = try Score(parsing: "strict P 0.918 R 0.924 F1 0.921\nlax P 0.991 R 0.993 F1 0.992\n")
        #expect(score.strict == Measure(precision: 0.918, recall: 0.924, f1: 0.921))
        #expect(score.lax == Measure(precision: 0.991, recall: 0.993, f1: 0.992))
        #expect(throws: Score.ParseError.self) { try Score(parsing: "usage: score.py GOLD PREDICTED") }
        #expect(throws: Score.ParseError.self) { try Score(parsing: "strict P 0.918 R 0.924 F1 0.921\n") }
    }

    @Test("without a dictionary: pooled strict F1 ≥ 0.90, and no book below length-only", .enabled(if: pythonEnabled))
    func withoutDictionary() throws {
        let books = try Self.loadBooks()
        let clock = ContinuousClock()
        let start = clock.now
        let lexical = try Self.evaluate(books, options: AlignerOptions())
        let lengthOnly = try Self.evaluate(books, options: .lengthOnly)
        print("align-gold, debug build, default and length-only: \(clock.now - start)")
        for name in GoldBook.names {
            let score = try #require(lexical.books[name])
            let baseline = try #require(lengthOnly.books[name])
            print("\(name): default \(score); length-only \(baseline)")
            #expect(score.strict.f1 >= baseline.strict.f1, "\(name): strict F1 \(score.strict.f1) below length-only \(baseline.strict.f1)")
        }
        print("pooled: default \(lexical.pooled); length-only \(lengthOnly.pooled)")
        #expect(lexical.pooled.strict.f1 >= 0.90)
    }

    /// Debian's `dict-freedict-fra-eng`; CI installs it, so there a missing file fails the test.
    @Test("with the FreeDict dictionary: pooled strict F1 ≥ 0.90", .enabled(if: freeDictEnabled))
    func withFreeDict() throws {
        let clock = ContinuousClock()
        let start = clock.now
        var lexicon = TranslationLexicon()
        lexicon.add(try BilingualDictionary.load(path: Self.freeDictIndex))
        let evaluation = try Self.evaluate(try Self.loadBooks(), options: AlignerOptions(), lexicon: lexicon)
        print("align-gold, debug build, FreeDict: \(clock.now - start)")
        for name in GoldBook.names { print("\(name): FreeDict \(evaluation.books[name].map(String.init(describing:)) ?? "-")") }
        print("pooled: FreeDict \(evaluation.pooled)")
        #expect(evaluation.pooled.strict.f1 >= 0.90)
    }
}
