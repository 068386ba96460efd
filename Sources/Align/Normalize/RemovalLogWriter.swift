/// Writes `NAME.removed.tsv`: every line or segment normalization left out, one per row, with a
/// header: `document line start end kind rule category reason text`. `start`/`end` are byte
/// offsets in the original file; `text` is the original text (tabs, line ends and backslashes
/// escaped as `\t`, `\n`, `\r`, `\\`).
public enum RemovalLogWriter {
    public static let header = "document\tline\tstart\tend\tkind\trule\tcategory\treason\ttext\n"

    public static func render(_ document: NormalizedDocument) -> [UInt8] {
        var out = OutputBytes { _ in }
        out.appendRaw(header)
        for removal in document.removals {
            out.appendTSV(document.path)
            out.appendByte(0x09)
            out.appendNumber(removal.line)
            out.appendByte(0x09)
            out.appendNumber(removal.original.lowerBound)
            out.appendByte(0x09)
            out.appendNumber(removal.original.upperBound)
            out.appendByte(0x09)
            out.appendRaw(removal.kind.rawValue)
            out.appendByte(0x09)
            out.appendTSV(removal.rule)
            out.appendByte(0x09)
            out.appendTSV(removal.category)
            out.appendByte(0x09)
            out.appendTSV(removal.reason)
            out.appendByte(0x09)
            out.appendTSV(removal.text)
            out.appendByte(0x0A)
        }
        return out.bytes
    }
}
