import Foundation
import Testing

@testable import Align

/// `aligncli validate` run in-process: exit codes, usage errors, help, and `--output`.
@Suite("validate command line")
struct ValidateCommandTests {
    static func trigger(_ id: String) -> String { GlossaryFixtures.committedPath(.triggers, id) }
    static func clean(_ id: String) -> String { GlossaryFixtures.committedPath(.clean, id) }

    @Test("a clean glossary: exit 0, nothing on standard output, a summary on standard error")
    func cleanGlossary() {
        let run = CapturedIO.run(["validate", Self.clean("duplicate-id")])
        #expect(run.exitCode == .ok)
        #expect(run.stdout == "")
        #expect(run.stderr == "0 errors, 0 warnings in 1 file (3 concepts)\n")
    }

    @Test("the shipped glossaries validate cleanly")
    func shippedGlossaries() {
        let run = CapturedIO.run(["validate", RepositoryPaths.glossaries])
        #expect(run.exitCode == .ok, "\(run.stdout)")
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("0 errors, 0 warnings in 5 files"))
    }

    @Test("errors: exit 1")
    func errors() {
        let run = CapturedIO.run(["validate", Self.trigger("duplicate-id")])
        #expect(run.exitCode == .findings)
        #expect(run.stderr.hasPrefix("1 error, 0 warnings"))
    }

    @Test("warnings only: exit 0, and 1 with --strict")
    func warningsOnly() {
        let file = Self.trigger("whitespace")
        let lenient = CapturedIO.run(["validate", file])
        #expect(lenient.exitCode == .ok)
        #expect(lenient.stderr.hasPrefix("0 errors, 4 warnings"))
        #expect(lenient.stdout.split(separator: "\n").count == 4)
        let strict = CapturedIO.run(["validate", "--strict", file])
        #expect(strict.exitCode == .findings)
        #expect(strict.stdout == lenient.stdout)
        #expect(CapturedIO.run(["validate", "--strict", Self.clean("whitespace")]).exitCode == .ok)
    }

    @Test("one file with errors among clean ones: exit 1; every file is read")
    func errorsInOneOfSeveralFiles() {
        let run = CapturedIO.run(["validate", Self.clean("duplicate-column"), Self.trigger("invalid-id"), Self.clean("shadowed-form")])
        #expect(run.exitCode == .findings)
        #expect(run.stderr.contains("in 3 files"))
        #expect(run.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix(Self.trigger("invalid-id") + ":") })
    }

    @Test("an unknown option: exit 64, and a suggestion on standard error")
    func unknownOption() {
        let run = CapturedIO.run(["validate", "--fromat", "json", Self.clean("invalid-id")])
        #expect(run.exitCode == .usage)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("Error: unknown option '--fromat'"))
        #expect(run.stderr.contains("did you mean '--format'"))
        #expect(run.stderr.contains("Usage: aligncli validate"))
        #expect(run.stderr.contains("See 'aligncli validate --help'"))
    }

    @Test("a bad value for --format: exit 64, naming the valid ones", arguments: ["xml", "sarfi", ""])
    func badFormat(_ value: String) {
        let run = CapturedIO.run(["validate", "--format", value, Self.clean("invalid-id")])
        #expect(run.exitCode == .usage)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("'\(value)' is not a valid value for '--format' (one of: text, json, sarif, github)"))
    }

    @Test("--format without a value: exit 64")
    func formatWithoutValue() {
        let run = CapturedIO.run(["validate", "--format"])
        #expect(run.exitCode == .usage)
        #expect(run.stderr.contains("needs a value"))
    }

    @Test("a path that does not exist: exit 66, naming it")
    func missingPath() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let missing = scratch.path + "/nowhere.tsv"
        let run = CapturedIO.run(["validate", missing])
        #expect(run.exitCode == .noInput)
        #expect(run.stdout == "")
        #expect(run.stderr == "error: \(missing): no such file or directory\n")
        // Even next to a path that exists.
        #expect(CapturedIO.run(["validate", Self.clean("invalid-id"), missing]).exitCode == .noInput)
        // A folder without glossaries.
        let empty = CapturedIO.run(["validate", scratch.path])
        #expect(empty.exitCode == .noInput)
        #expect(empty.stderr.contains("no glossary files"))
    }

    @Test("--help, help validate and validate --help print help on standard output", arguments: [
        ["--help"], ["help", "validate"], ["validate", "--help"], ["validate", "-h"],
    ])
    func help(_ arguments: [String]) {
        let run = CapturedIO.run(arguments)
        #expect(run.exitCode == .ok)
        #expect(run.stderr == "")
        #expect(run.stdout.contains("USAGE: aligncli"))
        if arguments != ["--help"] {
            #expect(run.stdout.contains("--strict") && run.stdout.contains("--format <FORMAT>") && run.stdout.contains("--output"))
        } else {
            #expect(run.stdout.contains("validate") && run.stdout.contains("fmt"))
        }
    }

    @Test("--version prints the version")
    func version() {
        let run = CapturedIO.run(["--version"])
        #expect(run.exitCode == .ok)
        #expect(run.stdout == "aligncli \(AlignVersion.current)\n")
        #expect(run.stderr == "")
    }

    @Test("--output FILE holds exactly what standard output would have", arguments: ["text", "json", "sarif", "github"])
    func outputFile(_ format: String) throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let input = Self.trigger("conflicting-form")
        let printed = CapturedIO.run(["validate", "--format", format, input])
        let report = scratch.path + "/report.out"
        try scratch.write("an older report that must be replaced\n", to: "report.out")
        let written = CapturedIO.run(["validate", "--format", format, "--output", report, input])
        #expect(written.exitCode == printed.exitCode)
        #expect(written.exitCode == .findings)
        #expect(written.stdout == "")
        #expect(written.stderr == printed.stderr)
        #expect(try scratch.read("report.out") == Array(printed.stdout.utf8))
        #expect(!printed.stdout.isEmpty)
        // Atomic: written beside the target and renamed, so nothing else is left in the folder.
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["report.out"])
        // -o is the same option.
        let short = CapturedIO.run(["validate", "--format", format, "-o", report, input])
        #expect(short.exitCode == .findings)
        #expect(try scratch.read("report.out") == Array(printed.stdout.utf8))
    }

    @Test("--output to a folder fails without touching it")
    func outputToFolder() throws {
        let scratch = try ScratchDirectory()
        defer { scratch.remove() }
        let run = CapturedIO.run(["validate", "--output", scratch.path, Self.trigger("conflicting-form")])
        #expect(run.exitCode == .internalError)
        #expect(run.stderr.contains("is a directory"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }
}
