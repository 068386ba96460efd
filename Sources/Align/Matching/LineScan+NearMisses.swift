/// Possible misspellings: a run of tokens that would match a glossary form if one of its words
/// were one edit closer. Tried only where no exact match is, and only for names and acronyms:
/// the misspelled word must be capitalized, and mid-sentence when it starts the run, so
/// ordinary words at the start of a sentence are not taken for names.
extension LineScan {
    /// Punctuation after which a capital letter starts a sentence rather than a name, as UTF-8.
    static let sentenceOpeners: [[UInt8]] = [".", "!", "?", "…", ":", "«", "»", "\"", "“", "”", "—", "(", "["].map { Array($0.utf8) }

    mutating func findNearMisses() {
        var accepted: [(first: Int, last: Int, entry: Int32, kind: MatchKind)] = []
        var index = 0
        var exactIndex = 0
        // A near miss reaches its unknown word (`mayBeNearMiss`) within the longest form's length:
        // starts farther from the next such word are skipped without a walk. Measured reason: the
        // lines this runs on are paragraphs of a hundred tokens or more with one or two such words,
        // and a walk was tried from nearly every token (150k walks at 100k terms).
        let reach = max(1, glossary.maxFormTokens)
        var nextUnknown = 0
        while index < tokens.count {
            while exactIndex < lineMatches.count, lineMatches[exactIndex].last < index { exactIndex += 1 }
            if exactIndex < lineMatches.count, lineMatches[exactIndex].first <= index {
                index = lineMatches[exactIndex].last + 1
                continue
            }
            nextUnknown = max(nextUnknown, index)
            while nextUnknown < tokens.count, !tokens[nextUnknown].mayBeNearMiss { nextUnknown += 1 }
            guard nextUnknown < tokens.count else { break }
            if nextUnknown - index >= reach {
                index = nextUnknown - reach + 1
                continue
            }
            let token = tokens[index]
            // A run starts at a word that can start a form, or at a possibly misspelled name.
            guard token.kind == TermScanner.Token.word, token.starts || isFuzzyStart(index),
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
    mutating func isLongEnoughAlone(_ index: Int) -> Bool {
        let token = tokens[index]
        guard let bytes = base.baseAddress else { return false }
        let scalars = UTF8Count.scalars(bytes, token.start, token.end)
        return scalars >= NearMissIndex.minimumLoneCapitalizedLength
    }

    /// Whether the unknown word at `index` may be a misspelled name or acronym.
    mutating func isFuzzyStart(_ index: Int) -> Bool {
        let token = tokens[index]
        guard token.exact < 0, token.lemma < 0, token.startsUpper else { return false }
        if !token.hasLower { return token.end - token.start >= NearMissIndex.minimumLength }
        let previous = index - 1
        guard previous >= 0 else { return false }
        let before = tokens[previous]
        guard before.kind == TermScanner.Token.punctuation || before.isBreaker else { return true }
        // A breaker stands for a run of words and marks: what counts is how it ends.
        for opener in Self.sentenceOpeners where before.end - before.start >= opener.count {
            if (0..<opener.count).allSatisfy({ base[before.end - opener.count + $0] == opener[$0] }) { return false }
        }
        return true
    }

    /// Whether the unknown capitalized word `start..<end` (folded hash and length as the scanner
    /// computed them) has near-miss candidates, as `longestFuzzyMatch` would find them; worked
    /// out once per word and remembered. Measured reason: prose names its characters on most
    /// lines, and a line with any unknown capitalized word ran the whole near-miss pass, re-walking
    /// the trie from every start, about a tenth of the scan; most such names have no candidate.
    /// Words are told apart by their 64-bit folded hash and length, as in the symbol table.
    mutating func mayBeNearMiss(hash: UInt64, length: Int, allCapitals: Bool, start: Int, end: Int) -> Bool {
        let key = UInt32(truncatingIfNeeded: length) << 2 | (allCapitals ? 2 : 0) | 1
        let slot = Int(truncatingIfNeeded: hash >> 11) & (Self.nearMissMemoSize - 1)
        let memo = nearMissMemo[slot]
        if memo.hash == hash, memo.key == key { return memo.possible }
        let word = foldedWord(start: start, end: end)
        let possible = word.count >= NearMissIndex.minimumLength && !glossary.nearMisses.candidates(for: word, allCapitals: allCapitals).isEmpty
        nearMissMemo[slot] = (hash, key, possible)
        return possible
    }

    /// The folded bytes of the word token at `index`, through the fold table.
    mutating func foldedWord(_ index: Int) -> [UInt8] {
        foldedWord(start: tokens[index].start, end: tokens[index].end)
    }

    /// The folded bytes of the word `start..<end`.
    mutating func foldedWord(start: Int, end: Int) -> [UInt8] {
        guard let bytes = base.baseAddress else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var offset = start
        while offset < end {
            let scalar = decode(bytes, offset)
            if scalar.scalarClass == ScalarClass.word.rawValue {
                if scalar.foldStart < 0 {
                    out.append(tables.asciiFolded[-scalar.foldStart - 1])
                } else if scalar.rare != 0 {
                    out += Array(ScalarFolding.fold(Unicode.Scalar(scalar.rare) ?? "\u{FFFD}").folded.utf8)
                } else {
                    for fold in scalar.foldStart..<(scalar.foldStart + scalar.foldLength) { out.append(tables.foldPool[fold]) }
                }
            }
            offset += scalar.width
        }
        return out
    }

    /// The longest run from `first` that matches a form of the exact trie with exactly one
    /// word replaced by a near-miss candidate: an exact prefix, then the first unknown word
    /// (capitalized) in place of one of its candidates, then an exact suffix.
    mutating func longestFuzzyMatch(at first: Int) -> (Int, Int32)? {
        let trie = tables.exact
        var node: Int32 = 0
        var index = first
        while index < tokens.count {
            let symbol = symbol(tokens[index], inflected: false, continuing: index > first)
            guard symbol >= 0 else { break }
            let pointer = trie.child(node, symbol)
            guard pointer >= 0 else { return nil }
            node = ScanTables.Trie.node(pointer)
            index += 1
        }
        guard index < tokens.count else { return nil }
        let token = tokens[index]
        // `mayBeNearMiss`: the word's candidates were looked for when it was read; a name without
        // any is not looked up again from every start of its line.
        guard token.kind == TermScanner.Token.word, token.mayBeNearMiss, index > first || isFuzzyStart(index),
            index == first || !token.afterBreak
        else { return nil }
        let tag = index > first && token.afterSeparator ? CompiledGlossary.afterSeparatorTag : 0
        let word = foldedWord(index)
        guard word.count >= NearMissIndex.minimumLength else { return nil }
        var best: (Int, Int32)?
        for candidate in glossary.nearMisses.candidates(for: word, allCapitals: !token.hasLower) {
            var pointer = trie.child(node, candidate | tag)
            var position = index
            while pointer >= 0 {
                let current = ScanTables.Trie.node(pointer)
                if ScanTables.Trie.endsForm(pointer), best == nil || position > best!.0,
                    let entry = (Int(trie.terminalOffsets[Int(current)])..<Int(trie.terminalOffsets[Int(current) + 1]))
                        .map({ trie.terminalEntries[$0] }).first(where: { tables.entryFlags[Int($0)] & 1 == 0 })
                {
                    best = (position, entry)
                }
                position += 1
                guard position < tokens.count else { break }
                let symbol = symbol(tokens[position], inflected: false)
                guard symbol >= 0 else { break }
                pointer = trie.child(current, symbol)
            }
        }
        return best
    }
}
