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
        var symbolIDs: [String: Int32] = [" ": Self.separatorSymbol, "'": Self.apostropheSymbol]
        var symbols = SymbolTable(capacity: concepts.count * 4 + 64)
        var exact = SymbolTrie()
        var inflected = SymbolTrie()
        var maxTokens = 1
        var lemmaKeysDone = Set<String>()

        func symbol(_ text: String) -> Int32 {
            if let id = symbolIDs[text] { return id }
            let id = Int32(symbolIDs.count)
            symbolIDs[text] = id
            return id
        }

        for elision in TermMatcher.elisions {
            symbols.update(Array(elision.utf8)) { $0.isElision = true }
        }
        for (conceptIndex, concept) in concepts.enumerated() {
            let forms = concept.french.enumerated().map { ($1, false, $0 == 0) } + concept.frenchAvoid.map { ($0, true, false) }
            let caseSensitive = concept.flags.contains(.caseSensitive)
            for (form, isAvoided, isPreferred) in forms {
                let tokens = TermMatcher.trimmed(TextTokenizer.tokenize(form))
                guard !tokens.isEmpty, !tokens.contains(where: \.breaksLine) else { continue }
                maxTokens = max(maxTokens, tokens.count)
                let entryIndex = Int32(entries.count)
                entries.append(
                    Entry(
                        conceptIndex: Int32(conceptIndex), form: form, formBytes: Array(form.utf8), isAvoided: isAvoided,
                        isPreferred: isPreferred, caseKeys: caseSensitive ? tokens.map(\.foldedKeepingCase) : nil))
                var exactPath: [Int32] = []
                for token in tokens {
                    switch token.kind {
                    case .separator: exactPath.append(Self.separatorSymbol)
                    case .apostrophe: exactPath.append(Self.apostropheSymbol)
                    case .word, .punctuation:
                        let id = symbol(token.folded)
                        exactPath.append(id)
                        let isPunctuation = token.kind == .punctuation
                        symbols.update(Array(token.folded.utf8)) {
                            $0.exact = id
                            if isPunctuation { $0.lemma = id }
                        }
                    }
                }
                exact.insert(exactPath, entry: entryIndex)
                guard FrenchInflection.inflects(form, flags: concept.flags) else { continue }
                var lemmaPath: [Int32] = []
                for token in tokens {
                    switch token.kind {
                    case .separator: lemmaPath.append(Self.separatorSymbol)
                    case .apostrophe: lemmaPath.append(Self.apostropheSymbol)
                    case .punctuation: lemmaPath.append(symbol(token.folded))
                    case .word:
                        let key = FrenchInflection.key(token.folded)
                        let id = symbol(key)
                        lemmaPath.append(id)
                        if lemmaKeysDone.insert(key).inserted {
                            for variant in FrenchInflection.forms(withKey: key) {
                                symbols.update(Array(variant.utf8)) { $0.lemma = id }
                            }
                        }
                    }
                }
                inflected.insert(lemmaPath, entry: entryIndex)
            }
        }
        self.concepts = concepts
        self.entries = entries
        self.symbols = symbols
        self.exact = FlatTrie(exact)
        self.inflected = FlatTrie(inflected)
        self.maxFormTokens = maxTokens
        self.tables = ScanTables(fold: ByteFoldTable.shared, symbols: symbols, symbolCount: symbolIDs.count, exact: self.exact, inflected: self.inflected)
        var nearMisses = NearMissIndex(concepts: concepts, entries: entries)
        nearMisses.resolveSymbols { symbolIDs[$0] ?? -1 }
        self.nearMisses = nearMisses
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
        var offsets = [Int32](repeating: 0, count: trie.nodeCount + 1)
        var flat: [Int32] = []
        for node in 0..<trie.nodeCount {
            offsets[node] = Int32(flat.count)
            flat += trie.terminals[Int32(node)] ?? []
        }
        offsets[trie.nodeCount] = Int32(flat.count)
        terminalOffsets = offsets
        terminalEntries = flat
    }

    @inline(__always)
    func isTerminal(_ node: Int32) -> Bool {
        terminalOffsets[Int(node)] != terminalOffsets[Int(node) + 1]
    }
}
