import Dispatch
import Foundation

/// A glossary compiled for scanning: symbol table, exact and inflection tries, and the entries
/// (one per French form) the tries end in. Immutable and `Sendable`: compile once, scan many
/// documents from several threads.
public struct CompiledGlossary: Sendable {
    struct Entry: Sendable {
        var conceptIndex: Int32
        /// Which of the concept's forms: `french[formIndex]`, or past them `frenchAvoid` (see
        /// `form(of:)`). An index, not the `String`: entries are made on the preparing threads and
        /// gathered on the numbering one, and each copy of a string retained it across cores
        /// (about a tenth of numbering 100k terms, with the releases when parts were dropped).
        var formIndex: Int32
        var isAvoided: Bool
        var isPreferred: Bool
        /// For `case` concepts: the keep-case keys of the form's tokens.
        var caseKeys: [String]?
    }

    /// The text of `entry`'s form.
    func form(of entry: Entry) -> String {
        let concept = concepts[Int(entry.conceptIndex)]
        let index = Int(entry.formIndex)
        return index < concept.french.count ? concept.french[index] : concept.frenchAvoid[index - concept.french.count]
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
    /// The longest form, in tokens: a bound on how far a match can reach.
    let maxFormTokens: Int
    let nearMisses: NearMissIndex
    let tables: ScanTables

    /// The forms of some concepts tokenized and folded, ready to insert: the part of compiling
    /// that needs no shared table, done for many concepts at once. Flat arrays of numbers, so the
    /// thread that inserts them reads a form without retaining anything (with one value per form
    /// holding arrays, copying and releasing them was a tenth of compiling 100k terms).
    struct PreparedForms {
        var entries: [Entry] = []
        /// Per form: whether it goes into the inflection trie, and the end of its tokens (the
        /// previous form's end is their start).
        var inflects: [Bool] = []
        var tokenEnds: [Int32] = []
        var tokens = FormTokenizer.Tokens()
        /// Per token of an inflecting form's word: its inflection key's hash, and the key in
        /// `lemmaPool` up to `lemmaEnds` (empty for other tokens).
        var lemmaHashes: [UInt64] = []
        var lemmaEnds: [Int32] = []
        var lemmaPool: [UInt8] = []
        /// The entries' forms as written, for the scanner's form pool.
        var forms = FormText()

        func tokenRange(ofForm form: Int) -> Range<Int> {
            (form == 0 ? 0 : Int(tokenEnds[form - 1]))..<Int(tokenEnds[form])
        }

        func lemmaLength(_ token: Int) -> Int {
            Int(lemmaEnds[token]) - (token == 0 ? 0 : Int(lemmaEnds[token - 1]))
        }

        func lemmaKey(_ token: Int) -> ArraySlice<UInt8> {
            lemmaPool[(Int(lemmaEnds[token]) - lemmaLength(token))..<Int(lemmaEnds[token])]
        }
    }

    /// Forms back to back: form `i` is `bytes[ends[i - 1]..<ends[i]]` (from 0 for the first).
    struct FormText: Sendable {
        var bytes: [UInt8] = []
        var ends: [Int32] = []
    }

    /// A word as the symbol table tells words apart: folded hash and length.
    struct WordID: Hashable {
        var hash: UInt64
        var length: Int
    }

    /// Concepts prepared per part, and parts prepared at once. Small waves: numbering, on one
    /// thread, waits for the first wave only, and the prepared forms alive at once stay small
    /// (waves of 8 parts of 4,096 concepts held about 16 MB each, and numbering started about
    /// 10 ms later at 100k terms).
    static let preparePartSize = 2048
    static let partsPerWave = 2

    /// Tokenizes and folds the forms of `concepts[range]`.
    static func prepare(_ concepts: [Concept], _ range: Range<Int>) -> PreparedForms {
        let fold = ByteFoldTable.shared
        var prepared = PreparedForms()
        prepared.tokens.reserveCapacity(tokens: range.count * 6, bytes: range.count * 32)
        for conceptIndex in range {
            let flags = concepts[conceptIndex].flags
            let caseSensitive = flags.contains(.caseSensitive)
            let inflectsConcept = !flags.contains(.exact) && !caseSensitive
            func add(_ form: String, formIndex: Int, isAvoided: Bool, isPreferred: Bool) {
                let first = prepared.tokens.count
                guard FormTokenizer.append(form, to: &prepared.tokens, fold: fold) > 0 else { return }
                let inflects = inflectsConcept && FrenchInflection.inflects(form, flags: flags, table: fold)
                for token in first..<prepared.tokens.count {
                    if inflects, prepared.tokens.kinds[token] == TermScanner.Token.word {
                        let range = prepared.tokens.foldedRange(token)
                        let parts = prepared.tokens.folded.withUnsafeBufferPointer { FrenchInflection.keyParts(UnsafeBufferPointer(rebasing: $0[range])) }
                        let keyStart = prepared.lemmaPool.count
                        prepared.lemmaPool.append(contentsOf: prepared.tokens.folded[range.lowerBound..<(range.lowerBound + parts.prefix)])
                        prepared.lemmaPool.append(contentsOf: parts.suffix.bytes)
                        prepared.lemmaHashes.append(prepared.lemmaPool.withUnsafeBufferPointer { WordHash.of(buffer: UnsafeBufferPointer(rebasing: $0[keyStart...])) })
                    } else {
                        prepared.lemmaHashes.append(0)
                    }
                    prepared.lemmaEnds.append(Int32(prepared.lemmaPool.count))
                }
                prepared.tokenEnds.append(Int32(prepared.tokens.count))
                prepared.inflects.append(inflects)
                prepared.forms.bytes.append(contentsOf: form.utf8)
                prepared.forms.ends.append(Int32(prepared.forms.bytes.count))
                prepared.entries.append(
                    Entry(
                        conceptIndex: Int32(conceptIndex), formIndex: Int32(formIndex), isAvoided: isAvoided, isPreferred: isPreferred,
                        caseKeys: caseSensitive ? TermMatcher.trimmed(TextTokenizer.tokenize(form)).map(\.foldedKeepingCase) : nil))
            }
            let preferredCount = concepts[conceptIndex].french.count
            for (index, form) in concepts[conceptIndex].french.enumerated() { add(form, formIndex: index, isAvoided: false, isPreferred: index == 0) }
            for (index, form) in concepts[conceptIndex].frenchAvoid.enumerated() {
                add(form, formIndex: preferredCount + index, isAvoided: true, isPreferred: false)
            }
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
        // About one symbol per concept in real and benchmark glossaries; the table grows if not.
        var symbols = SymbolTable(capacity: concepts.count + 64)
        _ = symbols.entryIndex(hash: 0, length: -1)
        _ = symbols.entryIndex(hash: 1, length: -1)
        var maxTokens = 1
        // Symbols are dense indexes: flags by index, not hashed sets (250k inserts at 100k terms).
        var lemmaKeysDone = SymbolFlags()
        // Inflection keys met so far, as a symbol table used as a set: a `Set<WordID>` hashed
        // each 64-bit hash again with SipHash (about 3 % of compiling 100k terms, on one thread).
        var keysSeen = SymbolTable(capacity: concepts.count / 4 + 64)
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
        var forms: [FormText] = []
        // In waves of parts: while this thread numbers the symbols of one wave, the next wave is
        // prepared on the other cores; a wave is dropped once numbered, so prepared forms never
        // all exist at once (with 1M forms they held 400 MB).
        let partCount = (concepts.count + Self.preparePartSize - 1) / Self.preparePartSize
        let waveStarts = Array(stride(from: 0, to: partCount, by: Self.partsPerWave))
        @Sendable func prepareWave(_ start: Int) -> [PreparedForms] {
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
            let nextWave = SerialBox<[PreparedForms]>([])
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
            var keyOrder: [(part: Int, token: Int)] = []
            var keyIDs: [WordID] = []
            for (partIndex, part) in parts.enumerated() {
                for form in part.inflects.indices where part.inflects[form] {
                    for token in part.tokenRange(ofForm: form) where part.lemmaLength(token) > 0 {
                        let id = WordID(hash: part.lemmaHashes[token], length: part.lemmaLength(token))
                        let known = keysSeen.entries.count
                        if keysSeen.entryIndex(hash: id.hash, length: id.length) == known {
                            keyOrder.append((partIndex, token))
                            keyIDs.append(id)
                        }
                    }
                }
            }
            let keys = keyOrder
            let keyChunk = max(256, keys.count / (2 * ProcessInfo.processInfo.activeProcessorCount) + 1)
            let variantParts = Self.concurrentMap((keys.count + keyChunk - 1) / keyChunk) { chunk in
                keys[(chunk * keyChunk)..<min(keys.count, (chunk + 1) * keyChunk)].map { key in
                    var spellings: [(UInt64, Int)] = []
                    spellings.reserveCapacity(16)
                    parts[key.part].lemmaKey(key.token).withUnsafeBufferPointer { key in
                        FrenchInflection.forEachForm(withKey: key) { spellings.append((WordHash.of(buffer: $0), $0.count)) }
                    }
                    return spellings
                }
            }
            let variants = variantParts.flatMap { $0 }
            var nextKey = 0
            for part in parts {
                forms.append(part.forms)
                for form in part.entries.indices {
                    let isAvoided = part.entries[form].isAvoided
                    entries.append(part.entries[form])
                    let tokens = part.tokenRange(ofForm: form)
                    maxTokens = max(maxTokens, tokens.count)
                    let startsUpper = part.tokens.startsUpper(tokens.lowerBound)
                    tag = 0
                    for token in tokens {
                        let kind = part.tokens.kinds[token]
                        switch kind {
                        case TermScanner.Token.separator: tag = Self.afterSeparatorTag
                        case TermScanner.Token.apostrophe:
                            exactPaths.symbols.append(Self.apostropheSymbol | tag)
                            tag = 0
                        default:
                            let length = part.tokens.foldedLength(token)
                            let index = symbols.entryIndex(hash: part.tokens.hashes[token], length: length)
                            symbols.setExact(index, Int32(index), isPunctuation: kind == TermScanner.Token.punctuation)
                            exactPaths.symbols.append(Int32(index) | tag)
                            tag = 0
                            if !isAvoided, kind == TermScanner.Token.word, startsUpper, length >= NearMissIndex.minimumLength, nearMissSeen.insert(index) {
                                nearMissWords.append((Array(part.tokens.folded[part.tokens.foldedRange(token)]), !part.tokens.hasLower(token)))
                            }
                        }
                    }
                    exactPaths.end(entry: entryIndex)
                    entryIndex += 1
                    guard part.inflects[form] else { continue }
                    tag = 0
                    for token in tokens {
                        switch part.tokens.kinds[token] {
                        case TermScanner.Token.separator:
                            tag = Self.afterSeparatorTag
                            continue
                        case TermScanner.Token.apostrophe: lemmaPaths.symbols.append(Self.apostropheSymbol | tag)
                        case TermScanner.Token.punctuation:
                            lemmaPaths.symbols.append(Int32(symbols.entryIndex(hash: part.tokens.hashes[token], length: part.tokens.foldedLength(token))) | tag)
                        default:
                            let key = WordID(hash: part.lemmaHashes[token], length: part.lemmaLength(token))
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
        maxFormTokens = maxTokens
        let allPaths = [exactPaths, lemmaPaths]
        // The near-miss index needs only the symbols: built beside the two tries (on one thread
        // after them, it was a twentieth of compiling 100k terms).
        let (words, finalSymbols, allEntries, allForms) = (nearMissWords, symbols, entries, forms)
        let nearMissIndex = BackgroundValue { NearMissIndex(words: words, symbols: finalSymbols) }
        let records = BackgroundValue { ScanTables.SymbolRecords(finalSymbols) }
        let entryTable = BackgroundValue { ScanTables.EntryTable(entries: allEntries, forms: allForms) }
        let built = Self.concurrentMap(2) { task -> FlatTrie in
            let paths = allPaths[task]
            var trie = SymbolTrie(expectedNodes: paths.symbols.count)
            for form in 0..<paths.entries.count {
                trie.insert(paths.symbols[Int(paths.starts[form])..<Int(paths.starts[form + 1])], entry: paths.entries[form])
            }
            return FlatTrie(trie)
        }
        self.entries = entries
        nearMisses = nearMissIndex.value
        // The symbol table and the builders' tries are not kept: scanning reads their frozen
        // copies only (at 100k terms they held about 20 MB until the end of the run).
        tables = ScanTables(
            fold: ByteFoldTable.shared, symbols: symbols, symbolCount: symbols.entries.count, exact: built[0], inflected: built[1],
            records: records.value, entryTable: entryTable.value)
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
