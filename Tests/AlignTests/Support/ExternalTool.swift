import Foundation

/// Runs the external validators the format tests rely on (jing, xmllint, python3 with
/// translate-toolkit). Tests that need one run when it is installed, and always in CI (the `CI`
/// environment variable), where a missing tool must fail the run rather than skip it.
enum ExternalTool {
    /// What a tool printed (standard output and error together) and how it exited.
    struct Outcome: Sendable {
        var status: Int32
        var output: String
    }

    /// The tool is not installed: a test that needs it fails instead of passing vacuously (a
    /// negative control "rejected" by a missing validator proves nothing).
    struct NotFound: Error, CustomStringConvertible {
        var name: String
        var description: String { "\(name) is not installed (CI installs it: see .ci/run)" }
    }

    /// Whether CI is running the tests: validator tests then run whatever is installed.
    static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] != nil }

    /// Whether an executable called `name` is on `PATH`.
    static func isAvailable(_ name: String) -> Bool {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").contains { directory in
            FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)")
        }
    }

    /// Whether `python3` can import `module` (translate-toolkit is the module `translate`).
    static func isPythonModuleAvailable(_ module: String) -> Bool {
        guard isAvailable("python3") else { return false }
        return (try? run("python3", ["-c", "import \(module)"]).status) == 0
    }

    /// Runs `name` (looked up on `PATH`) with `arguments` and waits for it; throws `NotFound`
    /// when there is no such tool.
    static func run(_ name: String, _ arguments: [String]) throws -> Outcome {
        guard isAvailable(name) else { throw NotFound(name: name) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [name] + arguments
        let pipe = Pipe()
        // One pipe for both streams: reading two pipes one after the other can deadlock when the
        // other fills up.
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }
}
