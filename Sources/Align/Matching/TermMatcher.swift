/// Finds glossary terms in French text: folded, elided, inflected, leftmost-longest, never
/// overlapping. This is the straightforward implementation on `TextToken`s, kept as the reference
/// that faster scanners are tested against.
public struct TermMatcher: Sendable {
    struct Entry: Sendable {
        var conceptIndex: Int
        var form: String
        var isAvoided: Bool
        var isPreferred: Bool
        /// For `case` concepts: the item keys with case kept, compared after the folded match.
        var caseKeys: [String]?
        var key: FormKey
    }

    struct Trie: Sendable {
        var children: [[String: Int]] = [[:]]
        var entries: [[Int]] = [[]]

        mutating func insert(_ keys: [String], entry: Int) {
            var node = 0
            for key in keys {
                if let next = children[node][key] {
                    node = next
                } else {
                    children.append([:])
                    entries.append([])
                    children[node][key] = children.count - 1
                    node = children.count - 1
                }
            }
            entries[node].append(entry)
        }
    }

    /// Folded elisions that may precede a term (`l'`, `jusqu'`, …).
    public static let elisions: Set<String> = ["l", "d", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "s", "n", "c", "j", "m", "t"]

    let entries: [Entry]
    let exact: Trie
    let inflected: Trie

    /// Compiles the French forms (`fr` and `fr_avoid`) of `concepts`.
    public init(concepts: [Concept]) {
        var entries: [Entry] = []
        var exact = Trie()
        var inflected = Trie()
        for (conceptIndex, concept) in concepts.enumerated() {
            let forms = concept.french.enumerated().map { ($1, false, $0 == 0) } + concept.frenchAvoid.map { ($0, true, false) }
            for (form, isAvoided, isPreferred) in forms {
                let tokens = Self.trimmed(TextTokenizer.tokenize(form))
                guard !tokens.isEmpty else { continue }
                let caseSensitive = concept.flags.contains(.caseSensitive)
                let entry = Entry(
                    conceptIndex: conceptIndex, form: form, isAvoided: isAvoided, isPreferred: isPreferred,
                    caseKeys: caseSensitive ? tokens.map(\.foldedKeepingCase) : nil, key: FormKey(form))
                entries.append(entry)
                exact.insert(tokens.map(\.folded), entry: entries.count - 1)
                if FrenchInflection.inflects(form, flags: concept.flags) {
                    inflected.insert(tokens.map(Self.inflectionKey), entry: entries.count - 1)
                }
            }
        }
        self.entries = entries
        self.exact = exact
        self.inflected = inflected
    }

    static func trimmed(_ tokens: [TextToken]) -> [TextToken] {
        var slice = tokens[...]
        while slice.first?.kind == .separator { slice.removeFirst() }
        while slice.last?.kind == .separator { slice.removeLast() }
        return Array(slice)
    }

    static func inflectionKey(_ token: TextToken) -> String {
        token.kind == .word ? FrenchInflection.key(token.folded) : token.folded
    }

    /// Every occurrence in `text`, in text order; byte offsets count from the start of `text.utf8`.
    public func occurrences(in text: String) -> [Occurrence] {
        let tokens = TextTokenizer.tokenize(text)
        let utf8 = Array(text.utf8)
        var result: [Occurrence] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            guard token.kind == .word || token.kind == .punctuation,
                let (entry, last, isInflected) = bestMatch(tokens, at: index)
            else {
                index += 1
                continue
            }
            var found = occurrence(entry: entries[entry], tokens: tokens, from: index, to: last, inflected: isInflected, utf8: utf8)
            if found.elision != nil, let previous = result.last, found.start < previous.end {
                // The elision word ends the previous match (a form such as `D` before `d'ATACMS`):
                // from the same start the longer surface wins; a match that started earlier keeps it.
                if previous.start == found.start {
                    result.removeLast()
                } else {
                    found = occurrence(entry: entries[entry], tokens: tokens, from: index, to: last, inflected: isInflected, utf8: utf8, allowsElision: false)
                }
            }
            result.append(found)
            index = last + 1
        }
        return result
    }

    /// The longest match starting at `start`: entry index, index of its last token, and whether it
    /// matched through inflection. Exact matches beat inflected ones of the same length.
    func bestMatch(_ tokens: [TextToken], at start: Int) -> (Int, Int, Bool)? {
        var candidates: [(end: Int, inflected: Bool, entries: [Int])] = []
        for (trie, isInflected) in [(exact, false), (inflected, true)] {
            var node = 0
            var index = start
            while index < tokens.count {
                let token = tokens[index]
                if token.breaksLine { break }
                let key = isInflected ? Self.inflectionKey(token) : token.folded
                guard let next = trie.children[node][key] else { break }
                node = next
                if !trie.entries[node].isEmpty { candidates.append((index, isInflected, trie.entries[node])) }
                index += 1
            }
        }
        candidates.sort { $0.end != $1.end ? $0.end > $1.end : (!$0.inflected && $1.inflected) }
        for candidate in candidates {
            for entryIndex in candidate.entries {
                let entry = entries[entryIndex]
                if let caseKeys = entry.caseKeys {
                    let surfaceKeys = tokens[start...candidate.end].map(\.foldedKeepingCase)
                    if surfaceKeys != caseKeys { continue }
                }
                return (entryIndex, candidate.end, candidate.inflected)
            }
        }
        return nil
    }

    func occurrence(entry: Entry, tokens: [TextToken], from first: Int, to last: Int, inflected: Bool, utf8: [UInt8], allowsElision: Bool = true) -> Occurrence {
        var start = tokens[first].start
        var elision: String?
        if allowsElision, first >= 2, tokens[first - 1].kind == .apostrophe, tokens[first - 2].kind == .word,
            Self.elisions.contains(tokens[first - 2].folded),
            first < 3 || tokens[first - 3].kind != .word
        {
            start = tokens[first - 2].start
            elision = String(decoding: utf8[start..<tokens[first].start], as: UTF8.self)
        }
        let termStart = tokens[first].start
        let end = tokens[last].end
        let surface = String(decoding: utf8[termStart..<end], as: UTF8.self)
        let kind: MatchKind
        if entry.isAvoided {
            kind = .avoided
        } else if inflected {
            kind = .inflected
        } else if elision != nil {
            kind = .elided
        } else if !entry.isPreferred {
            kind = .variant
        } else if surface == entry.form {
            kind = .exact
        } else {
            kind = .folded
        }
        return Occurrence(conceptIndex: entry.conceptIndex, form: entry.form, kind: kind, start: start, end: end, termStart: termStart, elision: elision)
    }
}
