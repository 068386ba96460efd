import Dispatch
import Foundation

/// Turns the candidate observations of the whole corpus into ranked `uncovered-term` candidates.
///
/// The rules, in order (docs/report.md tells them to users):
/// 1. A run whose first word opened a sentence is resolved now that the corpus is read: if that
///    word is a French function word or the corpus also writes it in lower case, it is an ordinary
///    word and is dropped from the run (`Selon Leonid Slutsky` → `Leonid Slutsky`); a single such
///    word is no candidate. Otherwise the run stands. A single capitalized word seen only at sentence
///    starts counts only if it is also seen mid-sentence.
/// 2. A single capitalized word that the corpus also writes in lower case is an ordinary word
///    (`État`/`état`, `Ukrainiens`/`ukrainiens`). Acronyms and runs of several words are kept.
/// 3. Spellings that fold alike (`Kremlin`, `KREMLIN`) are one candidate under the most frequent.
/// 4. A candidate needs `minimumOccurrences` occurrences, all its spellings together.
/// 5. A candidate that folds to a glossary form, or lies within one or two edits of one, is a
///    near-duplicate of that entry rather than a new term.
/// 6. Ranked by number of documents, then occurrences, then spelling.
struct UncoveredTermFinder: Sendable {
    /// One candidate key after the corpus: counts and first occurrence.
    struct Observed: Sendable {
        /// `FormKey` of the key's text, computed when the key is first seen (off the serial tail).
        var folded: String
        var count: Int
        var documents: [Int]
        var first: Finding.Evidence
        var firstPosition: CorpusPosition
        var sentence: String

        mutating func merge(_ other: Observed) {
            count += other.count
            documents = Self.union(documents, other.documents)
            if other.firstPosition < firstPosition {
                first = other.first
                firstPosition = other.firstPosition
                sentence = other.sentence
            }
        }

        static func union(_ a: [Int], _ b: [Int]) -> [Int] {
            var result: [Int] = []
            result.reserveCapacity(a.count + b.count)
            var i = 0
            var j = 0
            while i < a.count || j < b.count {
                let next = j >= b.count || (i < a.count && a[i] <= b[j]) ? a[i] : b[j]
                if i < a.count, a[i] == next { i += 1 }
                if j < b.count, b[j] == next { j += 1 }
                result.append(next)
            }
            return result
        }
    }

    /// Words that open sentences and are never names on their own, compared in lower case: French
    /// function words, and a few English ones.
    static let functionWords: Set<String> = [
        "a", "à", "afin", "ainsi", "alors", "après", "au", "aucun", "aucune", "aujourd", "auprès", "aussi", "autant", "autre", "autres", "aux", "avant", "avec",
        "c", "ça", "car", "ce", "ceci", "cela", "celle", "celles", "celui", "cependant", "ces", "cet", "cette", "ceux", "chacun", "chaque", "chez", "comme",
        "comment", "contre", "d", "dans", "de", "depuis", "des", "deux", "donc", "dont", "du", "elle", "elles", "en", "encore", "enfin", "ensuite", "entre",
        "et", "étant", "eux", "hier", "il", "ils", "j", "jamais", "je", "jusqu", "l", "la", "là", "le", "les", "leur", "leurs", "lors", "lorsqu", "lorsque",
        "lui", "m", "ma", "mais", "malgré", "me", "même", "mes", "moi", "mon", "n", "ne", "ni", "non", "nos", "notre", "nous", "on", "or", "ou", "où", "oui",
        "par", "parce", "pendant", "peu", "plus", "plusieurs", "pour", "pourquoi", "pourtant", "puis", "qu", "quand", "que", "quel", "quelle", "quelles",
        "quels", "qui", "quoi", "s", "sa", "sans", "se", "selon", "ses", "si", "sinon", "son", "sous", "sur", "t", "ta", "tandis", "tant", "te", "tes", "toi",
        "ton", "tous", "tout", "toute", "toutes", "toutefois", "très", "trois", "tu", "un", "une", "vers", "voici", "voilà", "vos", "votre", "vous", "y",
        // English captions and credits turn up in French news pages.
        "an", "and", "for", "in", "of", "on", "the", "this", "to", "with",
    ]

    let lowercaseWords: WordHashSet
    let minimumOccurrences: Int
    /// How many of the best ranked candidates are compared with the glossary (0: all): the
    /// report shows only so many, and ranking does not depend on the comparison.
    let comparedCandidates: Int
    let neighbors: @Sendable () -> GlossaryNeighbors
    /// Whether to return, for each observation key, the index of its candidate (the HTML view).
    var mapsKeys = false
    let functionWordHashes = UncoveredTermFinder.functionWordHashes

    static let functionWordHashes = Set(functionWords.map { CaseTable.lowercaseHash($0) })

    /// Whether a word is an ordinary word: a function word, or one the corpus writes in lower case.
    /// Only its letters and digits count, so a trailing separator does not matter.
    func isOrdinary(_ word: some StringProtocol) -> Bool {
        let hash = CaseTable.lowercaseHash(word)
        return functionWordHashes.contains(hash) || lowercaseWords.contains(hash)
    }

    static func isAcronym(_ text: some StringProtocol) -> Bool {
        var upper = 0
        var digits = 0
        for scalar in text.unicodeScalars {
            let info = CaseTable.info(scalar.value)
            if info.isLower { return false }
            if info.isUpper { upper += 1 } else if info.isDigit { digits += 1 }
        }
        return upper >= 2 || (upper >= 1 && digits >= 1)
    }

    /// A near-duplicate found on a worker thread.
    struct Resemblance: Sendable {
        var value: (concept: Int, form: String)?
    }

    /// Observations merged under one text: an index from text to slot, the slots in an array (one
    /// hash lookup per merge, merges in place).
    struct Table {
        var slot: [String: Int] = [:]
        var texts: [String] = []
        var observed: [Observed] = []

        mutating func add(_ observation: Observed, as text: String) {
            if let index = slot[text] {
                observed[index].merge(observation)
            } else {
                slot[text] = observed.count
                texts.append(text)
                observed.append(observation)
            }
        }
    }

    /// The candidates, ranked, and for each observation key the index of its candidate.
    func resolve(_ observed: [CandidateExtractor.Key: Observed]) -> (candidates: [UncoveredCandidate], keys: [CandidateExtractor.Key: Int]) {
        var certain = Table()
        var initialOnly = Table()
        certain.slot.reserveCapacity(observed.count)
        var target: [CandidateExtractor.Key: String] = [:]
        func point(_ key: CandidateExtractor.Key, to text: String) {
            if mapsKeys { target[key] = text }
        }
        // Merging is order-independent (sums, unions, the earliest first occurrence; two keys never
        // share one), so the dictionary's order cannot leak into the result.
        for (key, observation) in observed {
            guard key.uncertainPrefix > 0 else {
                certain.add(observation, as: key.text)
                point(key, to: key.text)
                continue
            }
            let utf8 = key.text.utf8
            let prefixEnd = utf8.index(utf8.startIndex, offsetBy: key.uncertainPrefix)
            if prefixEnd == utf8.endIndex {
                guard !isOrdinary(key.text) else { continue }
                initialOnly.add(observation, as: key.text)
                point(key, to: key.text)
                continue
            }
            if isOrdinary(key.text[..<prefixEnd]) {
                // Particles the dropped word brought along go too (`Selon de Gaulle` → `Gaulle`).
                var remainder = key.text[prefixEnd...]
                while let head = remainder.unicodeScalars.first, !CaseTable.info(head.value).isUpper,
                    let cut = remainder.firstIndex(where: { $0 == " " || $0 == "'" || $0 == "-" })
                {
                    remainder = remainder[remainder.index(after: cut)...]
                }
                guard let head = remainder.unicodeScalars.first, CaseTable.info(head.value).isUpper else { continue }
                let rest = String(remainder)
                var moved = observation
                moved.folded = FormKey(rest).value
                certain.add(moved, as: rest)
                point(key, to: rest)
            } else {
                certain.add(observation, as: key.text)
                point(key, to: key.text)
            }
        }

        // Rules 2 and 3, then grouping by folded key.
        var groups: [String: [(text: String, observed: Observed)]] = [:]
        for (index, text) in certain.texts.enumerated() {
            var observation = certain.observed[index]
            let isSingleWord = !text.utf8.contains { $0 == 0x20 || $0 == 0x2D || $0 == 0x27 }
            if isSingleWord, !Self.isAcronym(text), isOrdinary(text) { continue }
            if let initial = initialOnly.slot[text] { observation.merge(initialOnly.observed[initial]) }
            groups[observation.folded, default: []].append((text, observation))
        }

        var candidates: [UncoveredCandidate] = []
        var candidateOfText: [String: Int] = [:]
        for (_, members) in groups {
            let sorted = members.sorted { a, b in
                if a.observed.count != b.observed.count { return a.observed.count > b.observed.count }
                if a.observed.firstPosition != b.observed.firstPosition { return a.observed.firstPosition < b.observed.firstPosition }
                return a.text.utf8.lexicographicallyPrecedes(b.text.utf8)
            }
            var total = sorted[0].observed
            for member in sorted.dropFirst() { total.merge(member.observed) }
            guard total.count >= minimumOccurrences else { continue }
            let term = sorted[0].text
            let candidate = UncoveredCandidate(
                term: term, spellings: sorted.map(\.text), occurrences: total.count, documents: total.documents, first: total.first,
                sentence: total.sentence, resembles: nil, isAcronym: Self.isAcronym(term))
            candidates.append(candidate)
        }
        candidates.sort { a, b in
            if a.documents.count != b.documents.count { return a.documents.count > b.documents.count }
            if a.occurrences != b.occurrences { return a.occurrences > b.occurrences }
            return a.term.utf8.lexicographicallyPrecedes(b.term.utf8)
        }
        if !candidates.isEmpty {
            let index = neighbors()
            let compared = comparedCandidates > 0 ? min(comparedCandidates, candidates.count) : candidates.count
            let found = ResultSlots<Resemblance>(count: compared)
            let terms = candidates.prefix(compared).map(\.term)
            DispatchQueue.concurrentPerform(iterations: compared) { position in
                found.set(position, Resemblance(value: index.nearest(to: terms[position])))
            }
            for (position, resemblance) in found.values.enumerated() { candidates[position].resembles = resemblance.value }
        }
        for (index, candidate) in candidates.enumerated() {
            for spelling in candidate.spellings { candidateOfText[spelling] = index }
        }
        var keys: [CandidateExtractor.Key: Int] = [:]
        for (key, text) in target {
            if let index = candidateOfText[text] { keys[key] = index }
        }
        return (candidates, keys)
    }
}
