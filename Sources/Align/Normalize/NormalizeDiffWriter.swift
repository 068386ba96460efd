/// Renders `--diff`: for each original line that normalization changed, the line as it was
/// (`-`) and what became of it: its segments as written to `.txt` (`+`), or why it was removed
/// (`#`). Unchanged lines are not shown.
public enum NormalizeDiffWriter {
    public static func render(_ document: NormalizedDocument, original: DocumentText) -> String {
        var segmentsByLine: [Int: [NormalizedSegment]] = [:]
        for segment in document.segments { segmentsByLine[segment.line, default: []].append(segment) }
        var removalsByLine: [Int: [Removal]] = [:]
        for removal in document.removals { removalsByLine[removal.line, default: []].append(removal) }
        var out = "--- \(document.path)\n+++ \(document.path) (normalized)\n"
        for line in original.lines {
            let text = String(decoding: original.utf8[line.range], as: UTF8.self)
            let segments = segmentsByLine[line.number] ?? []
            let removals = removalsByLine[line.number] ?? []
            if removals.isEmpty, segments.count == 1, segments[0].text == text { continue }
            if removals.isEmpty, segments.isEmpty, text.isEmpty { continue }
            out += "@@ line \(line.number) @@\n-\(text)\n"
            // In original order; a segment before a removal at the same offset (the sort is not stable).
            var events: [(Int, Int, String)] = segments.map { ($0.original.lowerBound, 0, "+\($0.text)\n") }
            events += removals.map { ($0.original.lowerBound, 1, "# removed [\($0.rule)] \($0.reason): \($0.text)\n") }
            for (_, _, event) in events.sorted(by: { ($0.0, $0.1) < ($1.0, $1.1) }) { out += event }
        }
        return out
    }
}
