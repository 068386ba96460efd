/// A glossary compiled for scanning: symbol table, exact and inflection tries, and the entries
/// (one per French form) the tries end in. Immutable and `Sendable`: compile once, scan many
/// documents from several threads.
public struct CompiledGlossary: Sendable {
    struct Entry: Sendable {
        var conceptIndex: Int32
        var form: String
        var formBytes: [UInt8]
        var isAvoided: Bool
        var isPreferred: Bool
        /// For `case` concepts: the keep-case keys of the form's tokens.
        var caseKeys: [String]?
    }

    /// Trie symbols are symbol-table entry indexes; the first two entries are reserved for the
    /// separator and the apostrophe, which no word can hash to (their length is negative).
    static let separatorSymbol: Int32 = 0
    static let apostropheSymbol: Int32 = 1

    let concepts: [Concept]
    let entries: [Entry]
    let symbols: SymbolTable
    let exact: FlatTrie
    let inflected: FlatTrie
    /// The longest form, in tokens: a bound on how far a match can reach.
    let maxFormTokens: Int
    let nearMisses: NearMissIndex
    let tables: ScanTables

    /// Compiles the French forms (`fr` and `fr_avoid`) of `concepts`.
    public init(concepts: [Concept]) {
        var entries: [Entry] = []
        var symbols = SymbolTable(capacity: concepts.count * 4 + 64)
        _ = symbols.entryIndex(hash: 0, length: -1)
        _ = symbols.entryIndex(hash: 1, length: -1)
        let formCount = concepts.reduce(0) { $0 + $1.french.count + $1.frenchAvoid.count }
        var exact = SymbolTrie(expectedNodes: formCount * 3)
        var inflected = SymbolTrie(expectedNodes: formCount)
        var maxTokens = 1
        var lemmaKeysDone = Set<Int>()
        var nearMissWords: [(word: [UInt8], isAcronym: Bool)] = []
        var nearMissSeen = Set<Int>()

        for elision in TermMatcher.elisions {
            symbols.update(Array(elision.utf8)) { $0.isElision = true }
        }
        // Indexes and fields, not whole-concept copies (they showed in the profile at 100k terms).
        for conceptIndex in concepts.indices {
            let flags = concepts[conceptIndex].flags
            let caseSensitive = flags.contains(.caseSensitive)
            let inflectsConcept = !flags.contains(.exact) && !caseSensitive
            func add(_ form: String, isAvoided: Bool, isPreferred: Bool) {
                let tokens = FormTokenizer.tokens(form)
                guard !tokens.isEmpty else { return }
                maxTokens = max(maxTokens, tokens.count)
                let entryIndex = Int32(entries.count)
                entries.append(
                    Entry(
                        conceptIndex: Int32(conceptIndex), form: form, formBytes: Array(form.utf8), isAvoided: isAvoided,
                        isPreferred: isPreferred,
                        caseKeys: caseSensitive ? TermMatcher.trimmed(TextTokenizer.tokenize(form)).map(\.foldedKeepingCase) : nil))
                var exactPath: [Int32] = []
                exactPath.reserveCapacity(tokens.count)
                for token in tokens {
                    switch token.kind {
                    case TermScanner.Token.separator: exactPath.append(Self.separatorSymbol)
                    case TermScanner.Token.apostrophe: exactPath.append(Self.apostropheSymbol)
                    default:
                        let index = symbols.entryIndex(hash: token.hash, length: token.folded.count)
                        symbols.setExact(index, Int32(index), isPunctuation: token.kind == TermScanner.Token.punctuation)
                        exactPath.append(Int32(index))
                        if !isAvoided, token.kind == TermScanner.Token.word, tokens.first!.startsUpper,
                            token.folded.count >= NearMissIndex.minimumLength, nearMissSeen.insert(index).inserted
                        {
                            nearMissWords.append((token.folded, !token.hasLower))
                        }
                    }
                }
                exact.insert(exactPath, entry: entryIndex)
                guard inflectsConcept, FrenchInflection.inflects(form, flags: flags) else { return }
                var lemmaPath: [Int32] = []
                lemmaPath.reserveCapacity(tokens.count)
                for token in tokens {
                    switch token.kind {
                    case TermScanner.Token.separator: lemmaPath.append(Self.separatorSymbol)
                    case TermScanner.Token.apostrophe: lemmaPath.append(Self.apostropheSymbol)
                    case TermScanner.Token.punctuation: lemmaPath.append(Int32(symbols.entryIndex(hash: token.hash, length: token.folded.count)))
                    default:
                        let key = FrenchInflection.key(bytes: token.folded)
                        let keyIndex = symbols.entryIndex(hash: WordHash.of(key), length: key.count)
                        lemmaPath.append(Int32(keyIndex))
                        if lemmaKeysDone.insert(keyIndex).inserted {
                            for variant in FrenchInflection.forms(withKey: key) {
                                let variantIndex = symbols.entryIndex(hash: WordHash.of(variant), length: variant.count)
                                symbols.setLemma(variantIndex, Int32(keyIndex))
                            }
                        }
                    }
                }
                inflected.insert(lemmaPath, entry: entryIndex)
            }
            for (index, form) in concepts[conceptIndex].french.enumerated() { add(form, isAvoided: false, isPreferred: index == 0) }
            for form in concepts[conceptIndex].frenchAvoid { add(form, isAvoided: true, isPreferred: false) }
        }
        self.concepts = concepts
        self.entries = entries
        self.symbols = symbols
        self.exact = FlatTrie(exact)
        self.inflected = FlatTrie(inflected)
        self.maxFormTokens = maxTokens
        self.nearMisses = NearMissIndex(words: nearMissWords, symbols: symbols)
        self.tables = ScanTables(fold: ByteFoldTable.shared, symbols: symbols, symbolCount: symbols.entries.count, exact: self.exact, inflected: self.inflected, entries: entries)
    }
}

/// A `SymbolTrie` with its terminal entries laid out flat for the scanning loop.
struct FlatTrie: Sendable {
    let trie: SymbolTrie
    /// `terminalOffsets[node]..<terminalOffsets[node + 1]` indexes `terminalEntries`.
    let terminalOffsets: [Int32]
    let terminalEntries: [Int32]

    init(_ trie: SymbolTrie) {
        self.trie = trie
        // Counting sort by node; entries of one node keep their insertion (glossary) order.
        var offsets = [Int32](repeating: 0, count: trie.nodeCount + 1)
        for pair in trie.terminalPairs { offsets[Int(pair.node) + 1] += 1 }
        for node in 0..<trie.nodeCount { offsets[node + 1] += offsets[node] }
        var next = offsets
        var flat = [Int32](repeating: 0, count: trie.terminalPairs.count)
        for pair in trie.terminalPairs {
            flat[Int(next[Int(pair.node)])] = pair.entry
            next[Int(pair.node)] += 1
        }
        terminalOffsets = offsets
        terminalEntries = flat
    }

    @inline(__always)
    func isTerminal(_ node: Int32) -> Bool {
        terminalOffsets[Int(node)] != terminalOffsets[Int(node) + 1]
    }
}
