import Dispatch
import Foundation

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
    /// Set on a path's symbol when a separator comes before it: the tries have no separator
    /// edges, so `Kim Jong-un` is the path `kim`, `jong`+tag, `un`+tag.
    static let afterSeparatorTag: Int32 = 1 << 29

    let concepts: [Concept]
    let entries: [Entry]
    let symbols: SymbolTable
    let exact: FlatTrie
    let inflected: FlatTrie
    /// The longest form, in tokens: a bound on how far a match can reach.
    let maxFormTokens: Int
    let nearMisses: NearMissIndex
    let tables: ScanTables

    /// A form tokenized and folded, ready to insert: the part of compiling that needs no shared
    /// table, done for many concepts at once.
    struct PreparedForm {
        var entry: Entry
        var tokens: [FormTokenizer.Token]
        /// Whether the form goes into the inflection trie; then the inflection key of each word
        /// (empty for other tokens) and its hash.
        var inflects: Bool
        var lemmaKeys: [[UInt8]]
        var lemmaHashes: [UInt64]
    }

    /// A word as the symbol table tells words apart: folded hash and length.
    struct WordID: Hashable {
        var hash: UInt64
        var length: Int
    }

    /// Concepts prepared per part, and parts prepared at once (about 16 MB of prepared forms).
    static let preparePartSize = 4096
    static let partsPerWave = 8

    /// Tokenizes and folds the forms of `concepts[range]`.
    static func prepare(_ concepts: [Concept], _ range: Range<Int>) -> [PreparedForm] {
        let fold = ByteFoldTable.shared
        var prepared: [PreparedForm] = []
        for conceptIndex in range {
            let flags = concepts[conceptIndex].flags
            let caseSensitive = flags.contains(.caseSensitive)
            let inflectsConcept = !flags.contains(.exact) && !caseSensitive
            func add(_ form: String, isAvoided: Bool, isPreferred: Bool) {
                let tokens = FormTokenizer.tokens(form, fold: fold)
                guard !tokens.isEmpty else { return }
                let inflects = inflectsConcept && FrenchInflection.inflects(form, flags: flags, table: fold)
                let lemmaKeys = inflects ? tokens.map { $0.kind == TermScanner.Token.word ? FrenchInflection.key(bytes: $0.folded) : [] } : []
                prepared.append(
                    PreparedForm(
                        entry: Entry(
                            conceptIndex: Int32(conceptIndex), form: form, formBytes: Array(form.utf8), isAvoided: isAvoided, isPreferred: isPreferred,
                            caseKeys: caseSensitive ? TermMatcher.trimmed(TextTokenizer.tokenize(form)).map(\.foldedKeepingCase) : nil),
                        tokens: tokens, inflects: inflects, lemmaKeys: lemmaKeys, lemmaHashes: lemmaKeys.map { WordHash.of($0) }))
            }
            for (index, form) in concepts[conceptIndex].french.enumerated() { add(form, isAvoided: false, isPreferred: index == 0) }
            for form in concepts[conceptIndex].frenchAvoid { add(form, isAvoided: true, isPreferred: false) }
        }
        return prepared
    }

    /// Runs `work` on each of `count` items on all cores; results in item order.
    static func concurrentMap<T: Sendable>(_ count: Int, _ work: @Sendable (Int) -> T) -> [T] {
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { results.set($0, work($0)) }
        return results.values
    }

    /// Compiles the French forms (`fr` and `fr_avoid`) of `concepts`.
    ///
    /// Tokenizing and folding the forms, and listing the inflected spellings of their words, run
    /// in parallel; the symbol table and the tries are then filled in glossary order, so the
    /// result does not depend on the number of cores. (At 100k terms, compiling on one core took
    /// 0.3 s.)
    public init(concepts: [Concept]) {
        var symbols = SymbolTable(capacity: concepts.count * 4 + 64)
        _ = symbols.entryIndex(hash: 0, length: -1)
        _ = symbols.entryIndex(hash: 1, length: -1)
        var maxTokens = 1
        // Symbols are dense indexes: flags by index, not hashed sets (250k inserts at 100k terms).
        var lemmaKeysDone = SymbolFlags()
        var keysSeen = Set<WordID>()
        var nearMissWords: [(word: [UInt8], isAcronym: Bool)] = []
        var nearMissSeen = SymbolFlags()

        for elision in TermMatcher.elisions {
            symbols.update(Array(elision.utf8)) { $0.isElision = true }
        }
        // Symbols first, in glossary order; the paths they make go into the two tries on two
        // threads afterwards. Paths lie back to back: form `i` is `paths[pathStarts[i]..<pathStarts[i + 1]]`.
        var exactPaths = TriePaths()
        var lemmaPaths = TriePaths()
        var entryIndex: Int32 = 0
        var tag: Int32 = 0
        var entries: [Entry] = []
        entries.reserveCapacity(concepts.count)
        // In waves of parts: while this thread numbers the symbols of one wave, the next wave is
        // prepared on the other cores; a wave is dropped once numbered, so prepared forms never
        // all exist at once (with 1M forms they held 400 MB).
        let partCount = (concepts.count + Self.preparePartSize - 1) / Self.preparePartSize
        let waveStarts = Array(stride(from: 0, to: partCount, by: Self.partsPerWave))
        @Sendable func prepareWave(_ start: Int) -> [[PreparedForm]] {
            let waveParts = start..<min(partCount, start + Self.partsPerWave)
            return Self.concurrentMap(waveParts.count) { offset in
                let part = waveParts.lowerBound + offset
                return Self.prepare(concepts, (part * Self.preparePartSize)..<min(concepts.count, (part + 1) * Self.preparePartSize))
            }
        }
        var upcoming = waveStarts.first.map(prepareWave) ?? []
        for (waveIndex, _) in waveStarts.enumerated() {
            let parts = upcoming
            upcoming = []
            let nextWave = SerialBox<[[PreparedForm]]>([])
            let nextReady = DispatchGroup()
            if waveIndex + 1 < waveStarts.count {
                let start = waveStarts[waveIndex + 1]
                DispatchQueue.global().async(group: nextReady) { nextWave.value = prepareWave(start) }
            }
            defer {
                nextReady.wait()
                upcoming = nextWave.value
            }
            // The inflected spellings of each key new in this wave, in order of first use.
            var keyOrder: [[UInt8]] = []
            var keyIDs: [WordID] = []
            for part in parts {
                for form in part where form.inflects {
                    for (position, key) in form.lemmaKeys.enumerated() where !key.isEmpty {
                        let id = WordID(hash: form.lemmaHashes[position], length: key.count)
                        if keysSeen.insert(id).inserted {
                            keyOrder.append(key)
                            keyIDs.append(id)
                        }
                    }
                }
            }
            let keys = keyOrder
            let keyChunk = max(256, keys.count / (2 * ProcessInfo.processInfo.activeProcessorCount) + 1)
            let variantParts = Self.concurrentMap((keys.count + keyChunk - 1) / keyChunk) { part in
                keys[(part * keyChunk)..<min(keys.count, (part + 1) * keyChunk)].map { FrenchInflection.forms(withKey: $0).map { (WordHash.of($0), $0.count) } }
            }
            let variants = variantParts.flatMap { $0 }
            var nextKey = 0
            for part in parts {
                for form in part {
                    entries.append(form.entry)
                    let tokens = form.tokens
                    maxTokens = max(maxTokens, tokens.count)
                    tag = 0
                    for token in tokens {
                        switch token.kind {
                        case TermScanner.Token.separator: tag = Self.afterSeparatorTag
                        case TermScanner.Token.apostrophe:
                            exactPaths.symbols.append(Self.apostropheSymbol | tag)
                            tag = 0
                        default:
                            let index = symbols.entryIndex(hash: token.hash, length: token.folded.count)
                            symbols.setExact(index, Int32(index), isPunctuation: token.kind == TermScanner.Token.punctuation)
                            exactPaths.symbols.append(Int32(index) | tag)
                            tag = 0
                            if !form.entry.isAvoided, token.kind == TermScanner.Token.word, tokens.first!.startsUpper,
                                token.folded.count >= NearMissIndex.minimumLength, nearMissSeen.insert(index)
                            {
                                nearMissWords.append((token.folded, !token.hasLower))
                            }
                        }
                    }
                    exactPaths.end(entry: entryIndex)
                    entryIndex += 1
                    guard form.inflects else { continue }
                    tag = 0
                    for (position, token) in tokens.enumerated() {
                        switch token.kind {
                        case TermScanner.Token.separator:
                            tag = Self.afterSeparatorTag
                            continue
                        case TermScanner.Token.apostrophe: lemmaPaths.symbols.append(Self.apostropheSymbol | tag)
                        case TermScanner.Token.punctuation: lemmaPaths.symbols.append(Int32(symbols.entryIndex(hash: token.hash, length: token.folded.count)) | tag)
                        default:
                            let key = WordID(hash: form.lemmaHashes[position], length: form.lemmaKeys[position].count)
                            let keyIndex = symbols.entryIndex(hash: key.hash, length: key.length)
                            lemmaPaths.symbols.append(Int32(keyIndex) | tag)
                            if lemmaKeysDone.insert(keyIndex) {
                                // Keys new to this wave come in the order `keyOrder` was built.
                                while nextKey < keyIDs.count, keyIDs[nextKey] != key { nextKey += 1 }
                                for (hash, length) in variants[nextKey] {
                                    symbols.setLemma(symbols.entryIndex(hash: hash, length: length), Int32(keyIndex))
                                }
                            }
                        }
                        tag = 0
                    }
                    lemmaPaths.end(entry: entryIndex - 1)
                }
            }
        }
        self.concepts = concepts
        self.symbols = symbols
        maxFormTokens = maxTokens
        let allPaths = [exactPaths, lemmaPaths]
        let built = Self.concurrentMap(2) { task -> FlatTrie in
            let paths = allPaths[task]
            var trie = SymbolTrie(expectedNodes: paths.symbols.count)
            for form in 0..<paths.entries.count {
                trie.insert(paths.symbols[Int(paths.starts[form])..<Int(paths.starts[form + 1])], entry: paths.entries[form])
            }
            return FlatTrie(trie)
        }
        self.entries = entries
        self.exact = built[0]
        self.inflected = built[1]
        nearMisses = NearMissIndex(words: nearMissWords, symbols: symbols)
        tables = ScanTables(fold: ByteFoldTable.shared, symbols: symbols, symbolCount: symbols.entries.count, exact: self.exact, inflected: self.inflected, entries: entries)
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
