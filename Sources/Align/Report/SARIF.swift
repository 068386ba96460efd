import Foundation

/// The part of the SARIF 2.1.0 object model Align writes, as GitHub code scanning reads it: one
/// model for `validate --format sarif` and `report --format sarif`.
enum SARIF {
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
        /// Columns count code points, as every Align location does.
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
        var ruleIndex: Int?
        var level: String
        var message: Message
        var locations: [Location]
        var relatedLocations: [RelatedLocation]?
        var partialFingerprints: [String: String]
        /// `new` or `unchanged` when a baseline was given.
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
        var byteOffset: Int?
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

    /// The physical location of `location`, with its byte offset when asked.
    static func physical(_ location: SourceLocation, withByteOffset: Bool) -> PhysicalLocation {
        PhysicalLocation(
            artifactLocation: ArtifactLocation(uri: uri(for: location.file)),
            region: Region(startLine: location.line, startColumn: location.column, byteOffset: withByteOffset ? location.byteOffset : nil))
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .note: "note"
        }
    }
}
