/// Conversion between the glossary model and the exchange formats.
public enum GlossaryExchange {
    /// The text of `glossary` in `format`.
    public static func export(_ glossary: Glossary, as format: GlossaryExchangeFormat) -> String {
        switch format {
        case .tsv: GlossaryWriter.tsv(glossary)
        }
    }

    /// The format of a file, guessed from its name and first bytes.
    public static func detectFormat(path: String, bytes: [UInt8]) -> GlossaryExchangeFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".tsv") { return .tsv }
        if bytes.starts(with: Array(GlossaryDocument.versionMarker.utf8)) { return .tsv }
        return nil
    }

    /// Reads a glossary in `format`; problems in the content are diagnostics.
    public static func read(_ bytes: [UInt8], path: String, format: GlossaryExchangeFormat) throws -> (Glossary, [Diagnostic]) {
        switch format {
        case .tsv:
            let parsed = GlossaryParser.parse(bytes, path: path)
            return (Glossary(concepts: parsed.document.concepts), parsed.diagnostics)
        }
    }
}
