import Foundation

extension DiagnosticRenderer {
    struct SARIFLog: Encodable {
        var schema = "https://json.schemastore.org/sarif-2.1.0.json"
        var version = "2.1.0"
        var runs: [Run]
        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        var tool: Tool
        var columnKind = "unicodeCodePoints"
        var results: [Result]
    }

    struct Tool: Encodable { var driver: Driver }

    struct Driver: Encodable {
        var name: String
        var version: String
        var semanticVersion: String
        var informationUri = "https://example.invalid/align"
        var rules: [Rule]
    }

    struct Rule: Encodable {
        var id: String
        var name: String
        var shortDescription: Message
        var defaultConfiguration: Configuration
    }

    struct Configuration: Encodable { var level: String }

    struct Message: Encodable { var text: String }

    struct Result: Encodable {
        var ruleId: String
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [RelatedLocation]?
        var partialFingerprints: [String: String]
    }

    struct Location: Encodable { var physicalLocation: PhysicalLocation }

    struct RelatedLocation: Encodable {
        var id: Int
        var physicalLocation: PhysicalLocation
        var message: Message
    }

    struct PhysicalLocation: Encodable {
        var artifactLocation: ArtifactLocation
        var region: Region
    }

    struct ArtifactLocation: Encodable { var uri: String }

    struct Region: Encodable {
        var startLine: Int
        var startColumn: Int
        var byteOffset: Int?
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

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
