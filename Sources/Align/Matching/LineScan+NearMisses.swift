/// Possible misspellings: a run of tokens that would match a glossary form if one of its words
/// were one edit closer. Tried only where no exact match is, and only for names and acronyms:
/// the misspelled word must be capitalized mid-sentence or written in capitals when it starts
/// the run, so ordinary words at the start of a sentence are not taken for names.
extension LineScan {
    static let sentenceOpeners: Set<String> = [".", "!", "?", "…", ":", "«", "»", "\"", "“", "”", "—", "(", "["]

    mutating func findNearMisses() {
        var accepted: [(first: Int, last: Int, entry: Int32, kind: MatchKind)] = []
        var index = 0
        var exactIndex = 0
        while index < tokens.count {
            while exactIndex < lineMatches.count, lineMatches[exactIndex].last < index { exactIndex += 1 }
            if exactIndex < lineMatches.count, lineMatches[exactIndex].first <= index {
                index = lineMatches[exactIndex].last + 1
                continue
            }
            let token = tokens[index]
            guard token.kind == TermScanner.Token.word, token.exact >= 0 || isFuzzyStart(index),
                let (last, entry) = longestFuzzyMatch(at: index),
                last > index || !token.hasLower || isLongEnoughAlone(index)
            else {
                index += 1
                continue
            }
            // A near miss may swallow exact matches it contains (`Volodomyr Zelensky` around
            // `Zelensky`), never cut one in two.
            let overlapping = lineMatches.filter { $0.first <= last && $0.last >= index }
            if overlapping.allSatisfy({ $0.first >= index && $0.last <= last }) {
                accepted.append((index, last, entry, .misspelled))
                lineSwallowed += overlapping.map { (index, $0) }
                lineMatches.removeAll { $0.first >= index && $0.last <= last }
                index = last + 1
            } else {
                index += 1
            }
        }
        guard !accepted.isEmpty else { return }
        lineMatches = (lineMatches + accepted).sorted { $0.first < $1.first }
    }

    /// Whether a capitalized word is long enough to be a near miss on its own.
    func isLongEnoughAlone(_ index: Int) -> Bool {
        let token = tokens[index]
        let text = String(decoding: UnsafeBufferPointer(rebasing: base[token.start..<token.end]), as: UTF8.self)
        return text.unicodeScalars.count >= NearMissIndex.minimumLoneCapitalizedLength
    }

    /// Whether the unknown word at `index` may be a misspelled name or acronym.
    func isFuzzyStart(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.exact < 0, token.lemma < 0, token.startsUpper else { return false }
        if !token.hasLower { return token.end - token.start >= NearMissIndex.minimumLength }
        var previous = index - 1
        while previous >= 0, tokens[previous].kind == TermScanner.Token.separator { previous -= 1 }
        guard previous >= 0 else { return false }
        let before = tokens[previous]
        guard before.kind == TermScanner.Token.punctuation || before.isBreaker else { return true }
        // A breaker stands for a run of words and marks: what counts is how it ends.
        let text = String(decoding: UnsafeBufferPointer(rebasing: base[before.start..<before.end]), as: UTF8.self)
        guard let last = text.unicodeScalars.last else { return true }
        return !Self.sentenceOpeners.contains(String(last))
    }

    func foldedWord(_ index: Int) -> [UInt8] {
        let bytes = UnsafeBufferPointer(rebasing: base[tokens[index].start..<tokens[index].end])
        return FormTokenizer.tokens(String(decoding: bytes, as: UTF8.self)).first?.folded ?? []
    }

    /// The longest run from `first` that matches an exact-trie form with exactly one word replaced
    /// by a near-miss candidate.
    func longestFuzzyMatch(at first: Int) -> (Int, Int32)? {
        var best: (Int, Int32)?
        // Depth-first over (node, token index, whether the one edit is used).
        var stack: [(node: Int32, index: Int, usedEdit: Bool)] = [(0, first, false)]
        let trie = tables.exact
        while let (node, index, usedEdit) = stack.popLast() {
            guard index < tokens.count else { continue }
            let token = tokens[index]
            var nexts: [(Int32, Bool)] = []
            let exactSymbol = symbol(token, inflected: false)
            if exactSymbol >= 0 {
                let child = trie.child(node, exactSymbol)
                if child >= 0 { nexts.append((child, usedEdit)) }
            }
            if !usedEdit, token.kind == TermScanner.Token.word, token.exact < 0, token.startsUpper, index == first ? isFuzzyStart(index) : true {
                let word = foldedWord(index)
                if word.count >= NearMissIndex.minimumLength {
                    for symbol in glossary.nearMisses.candidates(for: word, allCapitals: !token.hasLower) {
                        let child = trie.child(node, symbol)
                        if child >= 0 { nexts.append((child, true)) }
                    }
                }
            }
            for (child, edited) in nexts {
                if edited, trie.isTerminal(child), best == nil || index > best!.0 {
                    let range = Int(trie.terminalOffsets[Int(child)])..<Int(trie.terminalOffsets[Int(child) + 1])
                    if let entry = range.map({ trie.terminalEntries[$0] }).first(where: { !glossary.entries[Int($0)].isAvoided }) {
                        best = (index, entry)
                    }
                }
                stack.append((child, index + 1, edited))
            }
        }
        return best
    }
}
