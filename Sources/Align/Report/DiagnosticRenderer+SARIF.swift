import Foundation

extension DiagnosticRenderer {



    func renderSARIF(_ diagnostics: [Diagnostic]) -> String {
        let ruleIndex = Dictionary(rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let results = diagnostics.map { diagnostic -> SARIF.Result in
            var related: [SARIF.RelatedLocation] = []
            for (index, note) in diagnostic.notes.enumerated() {
                if let location = note.location {
                    related.append(SARIF.RelatedLocation(id: index, physicalLocation: SARIF.physical(location, withByteOffset: true), message: SARIF.Message(text: note.message)))
                }
            }
            var text = diagnostic.message
            let unplaced = diagnostic.notes.filter { $0.location == nil }.map(\.message)
            if !unplaced.isEmpty { text += " (" + unplaced.joined(separator: "; ") + ")" }
            let placeholder = SourceLocation(file: "", line: 1, column: 1)
            let location = diagnostic.location ?? placeholder
            return SARIF.Result(
                ruleId: diagnostic.checkID,
                ruleIndex: ruleIndex[diagnostic.checkID],
                level: SARIF.level(diagnostic.severity),
                message: SARIF.Message(text: text),
                locations: diagnostic.location == nil ? [] : [SARIF.Location(physicalLocation: SARIF.physical(location, withByteOffset: true))],
                relatedLocations: related.isEmpty ? nil : related,
                partialFingerprints: ["alignFingerprint/v1": Fingerprint.of(diagnostic)])
        }
        let driver = SARIF.Driver(
            name: toolName, version: toolVersion, semanticVersion: toolVersion,
            rules: rules.map {
                SARIF.Rule(
                    id: $0.id, name: $0.id, shortDescription: SARIF.Message(text: $0.summary),
                    defaultConfiguration: SARIF.Configuration(level: SARIF.level($0.defaultSeverity)))
            })
        let log = SARIF.Log(runs: [SARIF.Run(tool: SARIF.Tool(driver: driver), results: results)])
        return JSONOutput.encode(log)
    }
}
