extension DocumentText.Problem {
    /// The diagnostic for a document that cannot be read as text, at `path`; `consequence` says
    /// what the command does about it ("the document is not normalized").
    public func diagnostic(path: String, consequence: String) -> Diagnostic {
        switch self {
        case .invalidUTF8(let offset, let line, let column):
            Diagnostic(
                .error, "invalid-utf8", "invalid UTF-8 at byte offset \(offset); \(consequence) (use --encoding latin1 or windows-1252 for such files)",
                at: SourceLocation(file: path, line: line, column: column, byteOffset: offset))
        case .binary(let offset):
            Diagnostic(
                .warning, "binary-file", "skipped: binary file (NUL byte at byte offset \(offset)); \(consequence)",
                at: SourceLocation(file: path, line: 1, column: 1, byteOffset: offset))
        case .lineTooLong(let line, let offset):
            Self.lineTooLong(path: path, line: line, offset: offset, consequence: consequence)
        }
    }

    /// A line over `InputLimits.maximumLineLength`, for whole documents and streamed ones alike.
    static func lineTooLong(path: String, line: Int, offset: Int, consequence: String) -> Diagnostic {
        Diagnostic(
            .error, "line-too-long",
            "line \(line) is longer than \(InputLimits.describe(InputLimits.maximumLineLength)) (Align's limit for one line); \(consequence)",
            at: SourceLocation(file: path, line: line, column: 1, byteOffset: offset))
    }
}
