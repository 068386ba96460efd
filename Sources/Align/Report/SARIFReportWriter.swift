import Foundation

/// `report --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Each finding is a result
/// with the finding's fingerprint (`alignFingerprint/v1`), its evidence as related locations and,
/// with a baseline, its `baselineState` (`new` or `unchanged`).
struct SARIFReportWriter {
    typealias Log = SARIF.Log
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
