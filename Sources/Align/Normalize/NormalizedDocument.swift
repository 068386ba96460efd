/// The result of normalizing one document: its segments and what was left out.
public struct NormalizedDocument: Sendable {
    /// The document path as the user gave it (or as found below a folder they gave).
    public var path: String
    public var segments: [NormalizedSegment]
    public var removals: [Removal]
    /// Total size of the input, in bytes.
    public var byteCount: Int
    /// Segmentation rule tests stopped by their step budget (counted as no match): a sign of a
    /// pathological SRX pattern.
    public var ruleTestsStopped = 0

    /// The `.txt` output: one segment per line (paragraphs are in the segment log). Normalizing
    /// it again gives it back unchanged.
    public var text: String {
        var out = ""
        for segment in segments {
            out += segment.text
            out += "\n"
        }
        return out
    }
}
