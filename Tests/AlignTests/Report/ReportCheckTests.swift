import Foundation
import Testing

@testable import Align

/// Every registered check runs its own examples (SwiftLint style): the triggering ones must give
/// at least one finding of that check, the others none; and the same examples with multibyte text
/// prepended to every line (of documents and translations) must give the same findings, their
/// columns shifted by the prefix.
@Suite("report checks: examples")
struct ReportCheckTests {
    static let checks = ReportChecks.all.map { $0.descriptor.id }
    /// Ends in a sentence opener, so the state at the original line start is unchanged.
    static let prefix = "Déjà vu… "

    static func check(_ id: String) -> any ReportCheck.Type { ReportChecks.all.first { $0.descriptor.id == id }! }

    @Test("each check triggers on its triggering examples only", arguments: checks)
    func examples(_ id: String) throws {
        let check = Self.check(id)
        #expect(!check.examples.isEmpty, "\(id) has no examples")
        #expect(check.examples.contains { $0.triggers } && check.examples.contains { !$0.triggers }, "\(id) needs examples of both kinds")
        for example in check.examples {
            let report = try ReportFixtures.report(example.glossary, documents: example.documents, translations: example.translations)
            let found = report.findings.filter { $0.check == id }
            if example.triggers {
                #expect(!found.isEmpty, "\(id) missed \(example.documents) \(example.translations)")
            } else {
                #expect(found.isEmpty, "\(id) reported \(found.map(\.message)) on \(example.documents) \(example.translations)")
            }
            for finding in found {
                #expect(finding.severity == check.descriptor.defaultSeverity)
                #expect(check.languages.contains(finding.language), "\(id) reads \(check.languages), not \(finding.language)")
                if finding.language == .english { #expect(finding.location?.file.hasPrefix("en/") == true, "located in the translation") }
                #expect(finding.fingerprint.count == 16)
                #expect(finding.message.first?.isUppercase != true || finding.message.first == "'", "message starts lower-case: \(finding.message)")
                #expect(!finding.message.hasSuffix("."))
            }
        }
    }

    @Test("multibyte text before every line shifts columns and changes nothing else", arguments: checks)
    func multibytePrefix(_ id: String) throws {
        func prefixed(_ texts: [String]) -> [String] {
            texts.map { $0.split(separator: "\n", omittingEmptySubsequences: false).map { Self.prefix + $0 }.joined(separator: "\n") }
        }
        for example in Self.check(id).examples {
            let plain = try ReportFixtures.report(example.glossary, documents: example.documents, translations: example.translations)
            let shifted = try ReportFixtures.report(example.glossary, documents: prefixed(example.documents), translations: prefixed(example.translations))
            let width = Self.prefix.unicodeScalars.count
            let a = plain.findings.filter { $0.check == id }
            let b = shifted.findings.filter { $0.check == id }
            #expect(a.map(\.term) == b.map(\.term))
            #expect(a.map(\.fingerprint) == b.map(\.fingerprint))
            #expect(a.map(\.occurrences) == b.map(\.occurrences))
            for (x, y) in zip(a, b) where x.check != UnusedEntryCheck.descriptor.id {
                #expect(x.location?.line == y.location?.line)
                #expect((x.location?.column ?? 0) + width == y.location?.column, "\(x.message)")
                #expect(x.evidence.map(\.surface) == y.evidence.map(\.surface))
                #expect(x.evidence.map { $0.location.column + width } == y.evidence.map(\.location.column))
            }
        }
    }

    @Test("every check is documented in docs/report.md with its severity")
    func documented() throws {
        let docs = try String(contentsOfFile: RepositoryPaths.root + "/docs/report.md", encoding: .utf8)
        for descriptor in ReportChecks.descriptors {
            #expect(docs.contains("| `\(descriptor.id)` | \(descriptor.defaultSeverity.rawValue) |"), "\(descriptor.id) is not in the checks table of docs/report.md")
        }
        #expect(docs.contains("\"version\": \(TerminologyReport.schemaVersion)"), "the documented schema version is not the current one")
    }

    @Test("the checks that read translations have examples with translations")
    func translationExamples() {
        for check in ReportChecks.all where check.languages.contains(.english) {
            #expect(check.examples.contains { $0.triggers && !$0.translations.isEmpty }, "\(check.descriptor.id) has no triggering example with a translation")
            #expect(check.examples.contains { !$0.triggers && !$0.translations.isEmpty }, "\(check.descriptor.id) has no quiet example with a translation")
        }
    }

    @Test("check ids are kebab-case and unique")
    func identifiers() {
        let ids = ReportChecks.descriptors.map(\.id)
        #expect(Set(ids).count == ids.count)
        for id in ids { #expect(id.allSatisfy { $0.isLowercase || $0 == "-" }, "\(id)") }
    }
}
