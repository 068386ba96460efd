import Foundation

/// Conversion between the glossary model and the exchange formats.
public enum GlossaryExchange {
    /// The text of `glossary` in `format`. The same glossary always gives the same bytes.
    public static func export(_ glossary: Glossary, as format: GlossaryExchangeFormat) -> String {
        switch format {
        case .tbx: TBXBasicWriter.write(glossary)
        case .tbx2: TBXv2Writer.write(glossary)
        case .csv: CSVGlossaryCodec.write(glossary)
        case .tsv: GlossaryWriter.tsv(glossary)
        }
    }

    /// The format of a file, guessed from its name and first bytes: `.tbx` (and XML content) is
    /// `tbx2` when the root element is `<martif>` and `tbx` otherwise; `.csv`, `.tsv`, or the native
    /// version marker.
    public static func detectFormat(path: String, bytes: [UInt8]) -> GlossaryExchangeFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".tsv") { return .tsv }
        if lower.hasSuffix(".csv") { return .csv }
        let root = XMLProlog(bytes).rootName.map { name in name.split(separator: ":").last.map(String.init) ?? name }
        if root == "martif" { return .tbx2 }
        if root == "tbx" || lower.hasSuffix(".tbx") { return .tbx }
        var text = bytes.prefix(4096)
        if text.starts(with: [0xEF, 0xBB, 0xBF]) { text = text.dropFirst(3) }
        if text.starts(with: Array(GlossaryDocument.versionMarker.utf8)) { return .tsv }
        // A CSV header names the required columns.
        let firstLine = String(decoding: text.prefix { $0 != 0x0A && $0 != 0x0D }, as: UTF8.self)
        let names = Set(firstLine.split(whereSeparator: { $0 == "," || $0 == ";" }).map { $0.trimmingCharacters(in: .init(charactersIn: "\" ")) })
        if names.isSuperset(of: ["en", "fr"]) { return .csv }
        return nil
    }

    /// Reads a glossary in `format`; problems in the content are diagnostics. `tbx` and `tbx2`
    /// read both TBX versions (the root element tells them apart).
    public static func read(_ bytes: [UInt8], path: String, format: GlossaryExchangeFormat) throws -> (Glossary, [Diagnostic]) {
        switch format {
        case .tbx, .tbx2:
            return TBXReader.read(bytes, path: path)
        case .csv:
            return CSVGlossaryCodec.read(bytes, path: path)
        case .tsv:
            let parsed = GlossaryParser.parse(bytes, path: path)
            return (Glossary(concepts: parsed.document.concepts), parsed.diagnostics)
        }
    }

    /// The checks a `read` can report, for renderers (SARIF rule lists).
    public static var checks: [CheckDescriptor] { GlossaryChecks.all + ExchangeChecks.all }
}
