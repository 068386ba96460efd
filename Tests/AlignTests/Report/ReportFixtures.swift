import Foundation
import Testing

@testable import Align

/// The fixture glossary and corpus of the report tests (`Fixtures/report`), and helpers that run
/// the report in-process on files written to a scratch folder.
enum ReportFixtures {
    static let root = RepositoryPaths.fixtures + "/report"
    static var glossary: String { root + "/glossary" }
    static var corpus: String { root + "/corpus" }

    /// The report over `documents` (each written to its own file, `doc0.txt`, …) with a glossary of
    /// `concepts`; `translations[i]`, when there is one, is the English translation of document `i`
    /// (written to `en/doc<i>.txt`).
    static func report(_ concepts: [Concept], documents: [String], translations: [String] = [], options: ReportOptions = ReportOptions()) throws -> TerminologyReport {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        if !translations.isEmpty { try FileManager.default.createDirectory(atPath: scratch.path + "/en", withIntermediateDirectories: true) }
        var paths: [ReportDocument] = []
        for (index, text) in documents.enumerated() {
            let name = "doc\(index).txt"
            let translation = index < translations.count ? try scratch.write(translations[index], to: "en/" + name) : nil
            paths.append(ReportDocument(path: try scratch.write(text, to: name), key: name, translation: translation))
        }
        var report = try ReportBuilder(options: options).build(glossary: Glossary(concepts: concepts), glossaryFiles: [], documents: paths)
        // Locations name the scratch files; tests compare them by path below the scratch folder
        // (`doc0.txt`, `en/doc0.txt`).
        let prefix = scratch.path + "/"
        func relative(_ file: String) -> String { file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file }
        for index in report.findings.indices {
            if let file = report.findings[index].location?.file { report.findings[index].location?.file = relative(file) }
            for evidence in report.findings[index].evidence.indices {
                report.findings[index].evidence[evidence].location.file = relative(report.findings[index].evidence[evidence].location.file)
            }
        }
        return report
    }

    /// The analysis (candidates included) over `documents`.
    static func analysis(_ concepts: [Concept], documents: [String], options: ReportOptions = ReportOptions()) throws -> CorpusAnalysis {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        var paths: [ReportDocument] = []
        for (index, text) in documents.enumerated() {
            let name = "doc\(index).txt"
            paths.append(ReportDocument(path: try scratch.write(text, to: name), key: name))
        }
        return try ReportBuilder(options: options).analyze(glossary: Glossary(concepts: concepts), documents: paths).0
    }

    /// The candidate terms (`uncovered-term`) of `documents`, most widespread first.
    static func candidates(_ documents: [String], glossary: [Concept] = [], minimum: Int = 2) throws -> [String] {
        var options = ReportOptions()
        options.minimumCandidateOccurrences = minimum
        options.uncoveredLimit = 0
        return try analysis(glossary, documents: documents, options: options).candidates.map(\.term)
    }

    /// `text` with the fixture folder replaced by `<fixtures>` (also as SARIF and GitHub escape it)
    /// and the version by `<version>`.
    static func normalized(_ text: String) -> String {
        var text = text
        let encoded = root.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? root
        let github = root.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
        for variant in [github, encoded, root] { text = text.replacingOccurrences(of: variant, with: "<fixtures>") }
        for quoted in ["\"\(AlignVersion.current)\"", "aligncli \(AlignVersion.current)"] {
            text = text.replacingOccurrences(of: quoted, with: quoted.replacingOccurrences(of: AlignVersion.current, with: "<version>"))
        }
        return text
    }
}
