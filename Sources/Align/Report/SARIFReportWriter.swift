import Foundation

/// `report --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Each finding is a result
/// with the finding's fingerprint (`alignFingerprint/v1`), its evidence as related locations and,
/// with a baseline, its `baselineState` (`new` or `unchanged`).
struct SARIFReportWriter {
    struct Log: Encodable {
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
        var name = "aligncli"
        var version = AlignVersion.current
        var semanticVersion = AlignVersion.current
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
        var ruleIndex: Int
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [RelatedLocation]?
        var partialFingerprints: [String: String]
        var baselineState: String?
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
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }

    /// A relative URI with each path segment percent-encoded.
    static func uri(for path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#[]@!$&'()*+,;=:")
        allowed.insert(charactersIn: "/")
        var trimmed = path
        while trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        return trimmed.addingPercentEncoding(withAllowedCharacters: allowed) ?? trimmed
    }

    static func physical(_ location: SourceLocation) -> PhysicalLocation {
        PhysicalLocation(artifactLocation: ArtifactLocation(uri: uri(for: location.file)), region: Region(startLine: location.line, startColumn: location.column))
    }

    func render(_ report: TerminologyReport) -> String {
        let descriptors = ReportChecks.descriptors
        let ruleIndex = Dictionary(descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let results = report.findings.map { finding in
            let related = finding.evidence.enumerated().compactMap { index, evidence -> RelatedLocation? in
                guard evidence.location != finding.location else { return nil }
                return RelatedLocation(
                    id: index, physicalLocation: Self.physical(evidence.location),
                    message: Message(text: "\(evidence.before)[\(evidence.surface)]\(evidence.after)"))
            }
            return Result(
                ruleId: finding.check, ruleIndex: ruleIndex[finding.check] ?? 0, level: Self.level(finding.severity),
                message: Message(text: finding.message), locations: finding.location.map { [Location(physicalLocation: Self.physical($0))] } ?? [],
                relatedLocations: related.isEmpty ? nil : related, partialFingerprints: ["alignFingerprint/v1": finding.fingerprint],
                baselineState: finding.baseline?.rawValue)
        }
        let rules = descriptors.map {
            Rule(id: $0.id, name: $0.id, shortDescription: Message(text: $0.summary), defaultConfiguration: Configuration(level: Self.level($0.defaultSeverity)))
        }
        return JSONOutput.encode(Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)]))
    }
}
