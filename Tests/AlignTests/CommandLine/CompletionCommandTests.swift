import Foundation
import Testing

@testable import Align

/// `aligncli completion`: scripts generated from the command specs, checked by a real bash.
@Suite("completion command")
struct CompletionCommandTests {
    /// Runs `script` with bash and returns its standard output.
    static func bash(_ script: String) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test("the bash script parses and completes commands, subcommands and option values")
    func bashCompletion() throws {
        let run = CapturedIO.run(["completion", "bash"])
        #expect(run.exitCode == .ok)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("aligncli-\(UUID().uuidString).bash")
        try Data(run.stdout.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Self.bash("bash -n '\(file.path)'").status == 0)
        let completions = try Self.bash(
            """
            source '\(file.path)'
            complete_words() { COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _aligncli; echo "${COMPREPLY[*]}"; }
            complete_words aligncli sc
            complete_words aligncli scan --format ""
            complete_words aligncli glossary ex
            complete_words aligncli report --fail-on ""
            """)
        #expect(completions.status == 0)
        #expect(completions.output.split(separator: "\n") == ["scan", "tsv json text", "export", "error warning never"])
    }

    @Test("zsh and fish scripts name every command and option", arguments: ["zsh", "fish"])
    func otherShells(shell: String) {
        let run = CapturedIO.run(["completion", shell])
        #expect(run.exitCode == .ok)
        for command in AlignCommandLine.commands {
            #expect(run.stdout.contains(command.spec.path.last!), "\(command.spec.name)")
            for option in command.spec.options {
                #expect(run.stdout.contains(option.name.dropFirst(2)), "\(command.spec.name) \(option.name)")
            }
        }
    }

    @Test("an unknown shell is a usage error with a suggestion")
    func unknownShell() {
        let run = CapturedIO.run(["completion", "bsh"])
        #expect(run.exitCode == .usage)
        #expect(run.stderr.contains("did you mean 'bash'?"))
    }
}
