import Foundation

extension DiagnosticRenderer {
    typealias SARIFLog = SARIF.Log
    typealias Run = SARIF.Run
    typealias Tool = SARIF.Tool
    typealias Driver = SARIF.Driver
    typealias Rule = SARIF.Rule
    typealias Configuration = SARIF.Configuration
    typealias Message = SARIF.Message
    typealias Result = SARIF.Result
    typealias Location = SARIF.Location
    typealias RelatedLocation = SARIF.RelatedLocation
    typealias PhysicalLocation = SARIF.PhysicalLocation
    typealias ArtifactLocation = SARIF.ArtifactLocation
    typealias Region = SARIF.Region

    static func level(_ severity: Severity) -> String { SARIF.level(severity) }

    static func physical(_ location: SourceLocation) -> PhysicalLocation {
        PhysicalLocation(
            artifactLocation: ArtifactLocation(uri: uri(for: location.file)),
            region: Region(startLine: location.line, startColumn: location.column, byteOffset: location.byteOffset))
    }

    /// A relative URI with each path segment percent-encoded, as SARIF consumers expect.
    static func uri(for path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=:")
        allowed.insert(charactersIn: "/")
        var trimmed = path
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        return trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
    }

    func renderSARIF(_ diagnostics: [Diagnostic]) -> String {
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let results = diagnostics.map { diagnostic -> Result in
            var related: [RelatedLocation] = []
            for (index, note) in diagnostic.notes.enumerated() {
                if let location = note.location {
                    related.append(RelatedLocation(id: index, physicalLocation: Self.physical(location), message: Message(text: note.message)))
                }
            }
            var text = diagnostic.message
            let unplaced = diagnostic.notes.filter { $0.location == nil }.map(\.message)
            if !unplaced.isEmpty { text += " (" + unplaced.joined(separator: "; ") + ")" }
            let placeholder = SourceLocation(file: "", line: 1, column: 1)
            let location = diagnostic.location ?? placeholder
            return Result(
                ruleId: diagnostic.checkID,
                ruleIndex: ruleIndex[diagnostic.checkID],
                level: Self.level(diagnostic.severity),
                message: Message(text: text),
                locations: diagnostic.location == nil ? [] : [Location(physicalLocation: Self.physical(location))],
                relatedLocations: related.isEmpty ? nil : related,
                partialFingerprints: ["alignFingerprint/v1": Fingerprint.of(diagnostic)])
        }
        let driver = Driver(
            name: toolName, version: toolVersion, semanticVersion: toolVersion,
            rules: rules.map {
                Rule(
                    id: $0.id, name: $0.id, shortDescription: Message(text: $0.summary),
                    defaultConfiguration: Configuration(level: Self.level($0.defaultSeverity)))
            })
        let log = SARIFLog(runs: [Run(tool: Tool(driver: driver), results: results)])
        return JSONOutput.encode(log)
    }
}
