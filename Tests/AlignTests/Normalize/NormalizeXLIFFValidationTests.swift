import Foundation
import Testing

@testable import Align

/// The `.xlf` outputs of `normalize` validated with the OASIS XLIFF 2.1 schemas (jing, NVDL with
/// the glossary module and Schematron rules) and read by translate-toolkit. In CI (`CI` set) a
/// missing tool fails these tests.
@Suite("Normalize: XLIFF 2.1 validation")
struct NormalizeXLIFFValidationTests {
    static let jingEnabled = ExternalTool.isAvailable("jing") || ExternalTool.isCI
    static let translateToolkitEnabled = ExternalTool.isPythonModuleAvailable("translate") || ExternalTool.isCI
    static let schema = RepositoryPaths.shared + "/schemas/xliff-2.1/xliff_2_advanced_validation.nvdl"

    var xliffFiles: [String] {
        NormalizeFixtures.seedNames.map { NormalizeFixtures.seedOutput.folder + "/fr/\($0).xlf" }
    }

    @Test("every .xlf of the seed corpus validates with jing", .enabled(if: jingEnabled))
    func jing() throws {
        #expect(NormalizeFixtures.seedOutput.run.exitCode == .ok)
        let outcome = try ExternalTool.run("jing", [Self.schema] + xliffFiles)
        #expect(outcome.status == 0, "\(outcome.output)")
    }

    @Test("jing rejects a damaged .xlf (the check can fail)", .enabled(if: jingEnabled))
    func jingNegativeControl() throws {
        let text = String(decoding: NormalizeFixtures.bytes(xliffFiles[0]), as: UTF8.self)
        let folder = NormalizeFixtures.temporaryFolder("damaged")
        // A glossary entry pointing at a term mark that does not exist, and a unit without id.
        let dangling = text.replacingOccurrences(of: "ref=\"#m1\"", with: "ref=\"#m99\"")
        let noID = text.replacingOccurrences(of: "<unit id=\"u2\" ", with: "<unit ")
        for (name, damaged) in [("dangling.xlf", dangling), ("noid.xlf", noID)] {
            #expect(damaged.count != text.count, "\(name) was not damaged")
            try Data(damaged.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            let outcome = try ExternalTool.run("jing", [Self.schema, folder + "/" + name])
            #expect(outcome.status != 0, "jing accepted \(name)")
        }
    }

    @Test("translate-toolkit reads one unit per segment, with the French source", .enabled(if: translateToolkitEnabled))
    func translateToolkit() throws {
        let script = """
            import json, sys
            from translate.storage import xliff2
            result = []
            for path in sys.argv[1:]:
                store = xliff2.Xliff2File.parsefile(open(path, 'rb'))
                result.append([u.source for u in store.units])
            print(json.dumps(result))
            """
        let outcome = try ExternalTool.run("python3", ["-c", script] + xliffFiles)
        #expect(outcome.status == 0, "\(outcome.output)")
        let lastLine = outcome.output.split(separator: "\n").last.map(String.init) ?? ""
        let sources = try JSONDecoder().decode([[String]].self, from: Data(lastLine.utf8))
        let expected = try NormalizeFixtures.seedNames.map { name in
            try NormalizeFixtures.segments(NormalizeFixtures.seedOutput.folder + "/fr", name).map { $0["source"] as! String }
        }
        #expect(sources == expected)
    }
}
