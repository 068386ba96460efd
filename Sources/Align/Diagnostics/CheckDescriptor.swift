/// The static description of a check: what users see in `--help`, SARIF rules and the docs.
public struct CheckDescriptor: Sendable, Hashable, Codable {
    /// Kebab-case identifier shown in every diagnostic.
    public var id: String
    public var defaultSeverity: Severity
    /// One line saying what the check finds.
    public var summary: String

    public init(_ id: String, _ defaultSeverity: Severity, _ summary: String) {
        self.id = id
        self.defaultSeverity = defaultSeverity
        self.summary = summary
    }
}
