import Foundation

/// `report --format sarif`: SARIF 2.1.0 as GitHub code scanning reads it. Each finding is a result
/// with the finding's fingerprint (`alignFingerprint/v1`), its evidence as related locations and,
/// with a baseline, its `baselineState` (`new` or `unchanged`).
struct SARIFReportWriter {



    func render(_ report: TerminologyReport) -> String {
        let descriptors = ReportChecks.descriptors
        let ruleIndex = Dictionary(descriptors.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let results = report.findings.map { finding in
            let related = finding.evidence.enumerated().compactMap { index, evidence -> SARIF.RelatedLocation? in
                guard evidence.location != finding.location else { return nil }
                return SARIF.RelatedLocation(
                    id: index, physicalLocation: SARIF.physical(evidence.location, withByteOffset: false),
                    message: SARIF.Message(text: "\(evidence.before)[\(evidence.surface)]\(evidence.after)"))
            }
            return SARIF.Result(
                ruleId: finding.check, ruleIndex: ruleIndex[finding.check] ?? 0, level: SARIF.level(finding.severity),
                message: SARIF.Message(text: finding.message), locations: finding.location.map { [SARIF.Location(physicalLocation: SARIF.physical($0, withByteOffset: false))] } ?? [],
                relatedLocations: related.isEmpty ? nil : related, partialFingerprints: ["alignFingerprint/v1": finding.fingerprint],
                baselineState: finding.baseline?.rawValue)
        }
        let rules = descriptors.map {
            SARIF.Rule(id: $0.id, name: $0.id, shortDescription: SARIF.Message(text: $0.summary), defaultConfiguration: SARIF.Configuration(level: SARIF.level($0.defaultSeverity)))
        }
        return JSONOutput.encode(SARIF.Log(runs: [SARIF.Run(tool: SARIF.Tool(driver: SARIF.Driver(rules: rules)), results: results)]))
    }
}
