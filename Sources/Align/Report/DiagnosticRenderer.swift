import Foundation

/// Renders diagnostics in one of the `DiagnosticFormat`s. Output is deterministic: the same
/// diagnostics always give the same bytes.
public struct DiagnosticRenderer: Sendable {
    /// Name and version of the tool, written into SARIF and JSON.
    public var toolName = "aligncli"
    public var toolVersion = AlignVersion.current
    /// The checks that may appear, described in SARIF's rule list.
    public var rules: [CheckDescriptor]
    /// ANSI colour for the text format.
    public var useColor = false

    public init(rules: [CheckDescriptor], useColor: Bool = false) {
        self.rules = rules
        self.useColor = useColor
    }

    /// The whole output for `diagnostics`.
    public func render(_ diagnostics: [Diagnostic], as format: DiagnosticFormat) -> String {
        let ordered = Diagnostic.ordered(diagnostics)
        switch format {
        case .text: return renderText(ordered)
        case .json: return renderJSON(ordered)
        case .sarif: return renderSARIF(ordered)
        case .github: return renderGitHub(ordered)
        }
    }

    // MARK: text

    func renderText(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            out += textLine(
                location: diagnostic.location, severity: diagnostic.severity.rawValue,
                message: diagnostic.message, suffix: " [\(diagnostic.checkID)]")
            for note in diagnostic.notes {
                out += textLine(location: note.location, severity: "note", message: note.message, suffix: "")
            }
        }
        return out
    }

    private func textLine(location: SourceLocation?, severity: String, message: String, suffix: String) -> String {
        var place = ""
        if let location { place = "\(location.file):\(location.line):\(location.column): " }
        var label = "\(severity):"
        if useColor {
            let code = severity == "error" ? "1;31" : severity == "warning" ? "1;33" : "1;36"
            label = "\u{1B}[\(code)m\(label)\u{1B}[0m"
            place = place.isEmpty ? "" : "\u{1B}[1m\(place)\u{1B}[0m"
        }
        return "\(place)\(label) \(Self.singleLine(message))\(suffix)\n"
    }

    static func singleLine(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
        return text.replacingOccurrences(of: "\r", with: "\\r", options: .literal).replacingOccurrences(of: "\n", with: "\\n", options: .literal)
    }

    // MARK: json

    struct JSONDocument: Encodable {
        var version = 1
        var tool: String
        var toolVersion: String
        var summary: Summary
        var diagnostics: [Diagnostic]
    }

    struct Summary: Encodable {
        var errors: Int
        var warnings: Int
        var notes: Int
    }

    static func summary(of diagnostics: [Diagnostic]) -> Summary {
        Summary(
            errors: diagnostics.count { $0.severity == .error },
            warnings: diagnostics.count { $0.severity == .warning },
            notes: diagnostics.count { $0.severity == .note })
    }

    func renderJSON(_ diagnostics: [Diagnostic]) -> String {
        let document = JSONDocument(
            tool: toolName, toolVersion: toolVersion, summary: Self.summary(of: diagnostics),
            diagnostics: diagnostics)
        return JSONOutput.encode(document)
    }

    // MARK: github

    func renderGitHub(_ diagnostics: [Diagnostic]) -> String {
        var out = ""
        for diagnostic in diagnostics {
            let command = diagnostic.severity == .error ? "error" : diagnostic.severity == .warning ? "warning" : "notice"
            var properties: [String] = []
            if let location = diagnostic.location {
                properties.append("file=\(Self.escapeProperty(location.file))")
                properties.append("line=\(location.line)")
                properties.append("col=\(location.column)")
            }
            properties.append("title=\(Self.escapeProperty(diagnostic.checkID))")
            var message = diagnostic.message
            for note in diagnostic.notes {
                if let location = note.location {
                    message += "\n\(location.file):\(location.line):\(location.column): \(note.message)"
                } else {
                    message += "\n\(note.message)"
                }
            }
            out += "::\(command) \(properties.joined(separator: ","))::\(Self.escapeData(message))\n"
        }
        return out
    }

    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25", options: .literal)
            .replacingOccurrences(of: "\r", with: "%0D", options: .literal)
            .replacingOccurrences(of: "\n", with: "%0A", options: .literal)
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A", options: .literal).replacingOccurrences(of: ",", with: "%2C", options: .literal)
    }
}
