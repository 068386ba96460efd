import Foundation
import Testing

@testable import Align

/// The HTML report in a real headless browser (Chromium): the script runs without errors, the
/// filters work, and the documents show their terms with the English canonical forms. Runs when
/// `chromium` is installed, and always in CI (`CI` set), where a missing browser fails the test.
@Suite("report HTML in a browser")
struct HTMLReportBrowserTests {
    static let enabled = ExternalTool.isAvailable("chromium") || ExternalTool.isCI

    /// The rendered DOM of `file` (with `fragment`), and the browser's log.
    static func dumpDOM(_ file: String, fragment: String = "") throws -> (dom: String, log: String) {
        let profile = try ScratchDirectory()
        defer { profile.remove() }
        let outcome = try ExternalTool.run("chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(profile.path)",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=2000", "--dump-dom", "file://\(file)\(fragment)",
        ])
        #expect(outcome.status == 0, "chromium failed:\n\(outcome.output)")
        return (outcome.output, outcome.output)
    }

    static func writeReport(to scratch: ScratchDirectory) throws -> String {
        let path = scratch.path + "/report.html"
        let run = CapturedIO.run(["report", "-g", ReportFixtures.glossary, "--format", "html", "-o", path, ReportFixtures.corpus])
        #expect(run.exitCode == .findings)
        return path
    }

    @Test("the page renders, its script runs without errors, terms show their English forms", .enabled(if: enabled))
    func renders() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let (dom, log) = try Self.dumpDOM(try Self.writeReport(to: scratch))
        #expect(dom.contains("data-ready=\"1\""), "the script ran to its end")
        for error in ["Uncaught", ":ERROR:CONSOLE", "SyntaxError", "TypeError", "ReferenceError"] {
            #expect(!log.contains(error), "browser log: \(error)")
        }
        #expect(dom.contains("Showing 11 of 11 findings"))
        #expect(dom.contains("<input type=\"checkbox\" name=\"severity\" value=\"error\" checked=\"\">"))
        #expect(dom.contains("<input type=\"checkbox\" name=\"check\" value=\"uncovered-term\" checked=\"\">"))
        #expect(dom.contains("title=\"kursk: Koursk (preferred) → Kursk\">Koursk<span class=\"en\">Kursk</span></mark>"))
        #expect(dom.contains("<mark class=\"term avoided\" data-concept=\"atacms\""))
        #expect(dom.contains("<mark class=\"term inconsistent\" data-concept=\"kim-jong-un\""))
        #expect(dom.contains("<mark class=\"uncovered\" title=\"not in the glossary: Kremlin\">Kremlin</mark>"))
    }

    @Test("filters preset from the address hide the other findings", .enabled(if: enabled))
    func filters() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try Self.writeReport(to: scratch)
        let (errors, _) = try Self.dumpDOM(path, fragment: "#severity=error")
        #expect(errors.contains("Showing 2 of 11 findings"))
        #expect(errors.contains("<li class=\"finding\" id=\"f-"), "findings are still in the page")
        let hidden = errors.components(separatedBy: "<li class=\"finding\"").dropFirst().filter { $0.prefix(600).contains("hidden=\"\"") }
        #expect(hidden.count == 9)
        let (notes, _) = try Self.dumpDOM(path, fragment: "#check=uncovered-term,unused-entry")
        #expect(notes.contains("Showing 5 of 11 findings"))
        #expect(
            notes.contains("class=\"no-avoided-term no-possible-misspelling no-inconsistent-variant no-missing-canonical no-untranslated-term\""),
            "highlights of hidden checks are dimmed")
    }

    @Test("a screenshot renders", .enabled(if: enabled))
    func screenshot() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let path = try Self.writeReport(to: scratch)
        let png = scratch.path + "/report.png"
        let outcome = try ExternalTool.run("chromium", [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--user-data-dir=\(scratch.path)/profile", "--hide-scrollbars",
            "--window-size=1280,2000", "--screenshot=\(png)", "file://\(path)",
        ])
        #expect(outcome.status == 0, "\(outcome.output)")
        let bytes = try InputFiles.read(png)
        #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG file")
        #expect(bytes.count > 20_000, "more than a blank page")
    }
}
