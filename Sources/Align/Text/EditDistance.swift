/// Edit distances for "did you mean" suggestions and near-miss detection.
public enum EditDistance {
    /// The Damerau–Levenshtein distance (optimal string alignment: insertions, deletions,
    /// substitutions and adjacent transpositions) between two sequences, or `nil` as soon as it is
    /// certain to exceed `limit`.
    public static func distance<Element: Equatable>(
        _ a: [Element], _ b: [Element], limit: Int = .max
    ) -> Int? {
        if abs(a.count - b.count) > limit { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = current[0]
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    value = min(value, previousPrevious[j - 2] + 1)
                }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        let result = previous[b.count]
        return result <= limit ? result : nil
    }

    /// The distance between two strings, counted in Unicode scalars.
    public static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int? {
        distance(Array(a.unicodeScalars), Array(b.unicodeScalars), limit: limit)
    }

    /// The candidate closest to `word`, if it is close enough to be what the user meant.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = max(1, min(3, word.unicodeScalars.count / 3))
        var best: (String, Int)?
        for candidate in candidates {
            guard let d = distance(word.lowercased(), candidate.lowercased(), limit: limit) else { continue }
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        return best?.0
    }
}
