/// Tells a sentence in another language from one in the document's language by counting function
/// words (articles, prepositions, pronouns, auxiliaries) that belong to one language only: words
/// two of the languages share (`de`, `on`, `a`, `son`, `que`) count for none.
public struct LanguageGuesser: Sendable {
    /// Function words per language (ISO 639-1 code).
    static let functionWords: [String: Set<String>] = {
        let lists: [String: [String]] = [
            "fr": [
                "le", "la", "les", "des", "du", "une", "et", "est", "sont", "dans", "pour", "par", "sur", "avec", "qui", "ne",
                "pas", "au", "aux", "ce", "cette", "ces", "il", "elle", "ils", "elles", "nous", "vous", "leur", "leurs", "sa",
                "ses", "mais", "ou", "où", "été", "être", "avait", "ont", "selon", "plus", "très", "aussi", "comme", "à", "ça",
                "déjà", "après", "avant", "entre", "lors", "dont", "même", "cet", "mes", "tes", "nos", "vos", "notre", "votre",
                "était", "sera", "aurait", "pourrait", "peut", "fait", "sans", "sous", "chez", "vers", "depuis", "contre",
                "l", "d", "qu", "n", "s", "c", "j", "m", "jusqu", "lorsqu", "puisqu",
                // Also words of other lists, so they count for no language: "il y a", "tu es", "non".
                "y", "es", "non", "me", "con",
            ],
            "en": [
                "the", "of", "and", "to", "is", "are", "was", "were", "be", "been", "has", "have", "had", "with", "for", "that",
                "this", "these", "those", "it", "its", "at", "by", "from", "which", "who", "will", "would", "not", "but", "they",
                "their", "them", "he", "she", "his", "her", "we", "our", "you", "your", "or", "an", "into", "than", "then",
                "there", "about", "after", "before", "over", "under", "us", "can", "could", "should", "what", "when", "where",
                "why", "how", "all", "any", "some", "no", "do", "does", "did", "in", "on", "up", "out",
            ],
            "es": [
                "el", "los", "las", "del", "y", "es", "por", "con", "para", "una", "al", "lo", "su", "sus", "como", "pero",
                "más", "este", "esta", "fue", "muy", "también", "está", "están", "hay", "nos", "yo", "ya",
            ],
            "de": [
                "der", "die", "das", "und", "ist", "nicht", "mit", "von", "den", "dem", "zu", "ein", "eine", "auf", "für",
                "sich", "auch", "es", "im", "wird", "sind", "wurde", "werden", "bei", "nach", "aus", "oder", "aber", "wie",
            ],
            "it": [
                "della", "di", "che", "è", "gli", "non", "una", "sono", "del", "alla", "nel", "con", "per", "il", "lo", "questo",
                "anche", "della", "delle", "degli", "dei", "come", "ma", "più",
            ],
        ]
        // A word in two lists is evidence for neither.
        var count: [String: Int] = [:]
        for words in lists.values { for word in Set(words) { count[word, default: 0] += 1 } }
        return lists.mapValues { Set($0.filter { count[$0] == 1 }) }
    }()

    /// The languages of `functionWords`, in a fixed order.
    static let languages: [String] = functionWords.keys.sorted()

    /// Function words by their packed bytes: a word of at most 8 bytes (lower-case UTF-8) read
    /// as a little-endian integer, in an open-addressing table; the value is the index of its
    /// language plus one (0: empty slot). Longer words are no function word.
    static let table: (keys: [UInt64], values: [UInt8]) = {
        var keys = [UInt64](repeating: 0, count: 4096)
        var values = [UInt8](repeating: 0, count: 4096)
        for (index, language) in languages.enumerated() {
            for word in functionWords[language]! where word.utf8.count <= 8 {
                let key = pack(Array(word.utf8))
                var slot = slot(of: key)
                while values[slot] != 0 { slot = (slot + 1) & 4095 }
                keys[slot] = key
                values[slot] = UInt8(index + 1)
            }
        }
        return (keys, values)
    }()

    static func pack(_ bytes: [UInt8]) -> UInt64 {
        var key: UInt64 = 0
        for (offset, byte) in bytes.enumerated() { key |= UInt64(byte) << UInt64(8 * offset) }
        return key
    }

    @inline(__always)
    static func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 52)
    }

    /// The document language.
    public let language: String
    let languageIndex: Int
    /// `table`, held by the instance: no lazy-global check per sentence.
    let keys: [UInt64]
    let values: [UInt8]
    /// Sentences with fewer words are never judged.
    public var minimumWords = 4
    /// Function words of the other language needed before a sentence counts as foreign.
    public var minimumEvidence = 2

    public init(language: String) {
        self.language = String(language.prefix(2)).lowercased()
        languageIndex = Self.languages.firstIndex(of: self.language) ?? -1
        (keys, values) = Self.table
        languageCount = Self.languages.count
    }

    let languageCount: Int

    /// What the guesser found in one sentence.
    public struct Verdict: Sendable, Equatable {
        /// The other language, when the sentence is in it.
        public var foreignLanguage: String?
        /// Function words of the document language and of the best other language.
        public var ownWords: Int
        public var otherWords: Int
        /// Words in the sentence (runs of letters).
        public var words: Int = 0
    }

    /// Judges `text`: foreign when another language has at least `minimumEvidence` function words
    /// and more than twice as many as the document language.
    public func judge(_ text: some StringProtocol) -> Verdict {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBufferPointer { judge(bytes: $0) }
    }

    /// Judges UTF-8 text: words are runs of letters, lower-cased (ASCII and Latin-1 capitals),
    /// packed into an integer as they are read and looked up in `table`.
    public func judge(bytes text: UnsafeBufferPointer<UInt8>) -> Verdict {
        var counts: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
        var words = 0
        if let base = text.baseAddress {
            keys.withUnsafeBufferPointer { keys in
                values.withUnsafeBufferPointer { values in
                    withUnsafeMutableBytes(of: &counts) { raw in
                        let counts = raw.baseAddress!.assumingMemoryBound(to: Int.self)
                        var key: UInt64 = 0
                        var length = 0
                        @inline(__always) func endWord() {
                            guard length > 0 else { return }
                            words &+= 1
                            if length <= 8 {
                                var slot = Self.slot(of: key)
                                while values[slot] != 0 {
                                    if keys[slot] == key {
                                        counts[Int(values[slot])] &+= 1
                                        break
                                    }
                                    slot = (slot &+ 1) & 4095
                                }
                            }
                            key = 0
                            length = 0
                        }
                        @inline(__always) func add(_ byte: UInt8) {
                            if length < 8 { key |= UInt64(byte) << UInt64(length &* 8) }
                            length &+= 1
                        }
                        let count = text.count
                        var index = 0
                        while index < count {
                            let byte = base[index]
                            if byte < 0x80 {
                                let lower = byte | 0x20
                                if lower &- 0x61 < 26 { add(lower) } else { endWord() }
                                index &+= 1
                                continue
                            }
                            let (value, width) = ScalarTable.decode(text, at: index)
                            if LineNormalizer.isLetterOrMark(value) {
                                if width == 2, byte == 0xC3, base[index &+ 1] <= 0x9E, base[index &+ 1] != 0x97 {
                                    add(0xC3)
                                    add(base[index &+ 1] &+ 0x20)
                                } else {
                                    for offset in 0..<width { add(base[index &+ offset]) }
                                }
                            } else {
                                endWord()
                            }
                            index &+= width
                        }
                        endWord()
                    }
                }
            }
        }
        let ownCount = languageIndex >= 0 ? Self.count(counts, languageIndex + 1) : 0
        var bestLanguage = -1
        var bestCount = 0
        for offset in 0..<languageCount where offset != languageIndex && Self.count(counts, offset + 1) > bestCount {
            bestLanguage = offset
            bestCount = Self.count(counts, offset + 1)
        }
        var verdict = Verdict(foreignLanguage: nil, ownWords: ownCount, otherWords: bestCount, words: words)
        if words >= minimumWords, bestLanguage >= 0, bestCount >= minimumEvidence, bestCount > 2 * ownCount {
            verdict.foreignLanguage = Self.languages[bestLanguage]
        }
        return verdict
    }

    private static func count(_ counts: (Int, Int, Int, Int, Int, Int, Int, Int), _ index: Int) -> Int {
        withUnsafeBytes(of: counts) { $0.bindMemory(to: Int.self)[index] }
    }

    /// The English name of a language code, for messages.
    static func name(of code: String) -> String {
        ["fr": "French", "en": "English", "es": "Spanish", "de": "German", "it": "Italian"][code] ?? code
    }
}
