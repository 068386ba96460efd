/// Something wrong in the content of an input: a value, collected with all the others, never thrown.
public struct Diagnostic: Codable, Hashable, Sendable {
    /// A second place that explains the first (the other half of a duplicate, say).
    public struct Note: Codable, Hashable, Sendable {
        public var message: String
        public var location: SourceLocation?

        public init(_ message: String, at location: SourceLocation? = nil) {
            self.message = message
            self.location = location
        }
    }

    public var severity: Severity
    /// The stable, kebab-case identifier of the check that found it (`duplicate-id`).
    public var checkID: String
    /// Lower-case, no trailing period.
    public var message: String
    public var location: SourceLocation?
    public var notes: [Note]

    public init(
        _ severity: Severity, _ checkID: String, _ message: String,
        at location: SourceLocation?, notes: [Note] = []
    ) {
        self.severity = severity
        self.checkID = checkID
        self.message = message
        self.location = location
        self.notes = notes
    }

    /// Orders diagnostics by place, then severity, then check, so every output is deterministic.
    public static func ordered(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { a, b in
            let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
            let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
            if la != lb { return la < lb }
            if a.severity != b.severity { return a.severity > b.severity }
            if a.checkID != b.checkID { return a.checkID < b.checkID }
            return a.message < b.message
        }
    }
}
