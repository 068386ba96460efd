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
    /// as a little-endian integer. The table is perfect: a multiplier is searched (from a fixed
    /// start, so every run builds the same table) that sends every word to its own slot, so a
    /// lookup is one load and one compare, with no probing loop to mispredict; the value is
    /// the index of the word's language plus one (0: no word). Longer words are no function word.
    static let table: (keys: [UInt64], values: [UInt8], multiplier: UInt64, shift: UInt64) = {
        var words: [(key: UInt64, value: UInt8)] = []
        for (index, language) in languages.enumerated() {
            for word in functionWords[language]!.sorted() where word.utf8.count <= 8 {
                words.append((pack(Array(word.utf8)), UInt8(index + 1)))
            }
        }
        var bits: UInt64 = 12
        var multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        while true {
            let size = 1 << Int(bits)
            for _ in 0..<20_000 {
                var keys = [UInt64](repeating: 0, count: size)
                var values = [UInt8](repeating: 0, count: size)
                var perfect = true
                for (key, value) in words {
                    let slot = Int(truncatingIfNeeded: (key &* multiplier) >> (64 - bits))
                    if values[slot] != 0 {
                        perfect = false
                        break
                    }
                    keys[slot] = key
                    values[slot] = value
                }
                if perfect { return (keys, values, multiplier, 64 - bits) }
                // The next odd multiplier of a fixed sequence (SplitMix64 steps).
                multiplier = (multiplier &+ 0x9E37_79B9_7F4A_7C15) | 1
                multiplier = (multiplier ^ (multiplier >> 30)) &* 0xBF58_476D_1CE4_E5B9 | 1
            }
            bits += 1
        }
    }()

    static func pack(_ bytes: [UInt8]) -> UInt64 {
        var key: UInt64 = 0
        for (offset, byte) in bytes.enumerated() { key |= UInt64(byte) << UInt64(8 * offset) }
        return key
    }

    /// The document language.
    public let language: String
    let languageIndex: Int
    /// `table`, held by the instance: no lazy-global check per sentence.
    let keys: [UInt64]
    let values: [UInt8]
    let multiplier: UInt64
    let shift: UInt64
    /// Sentences with fewer words are never judged.
    public var minimumWords = 4
    /// Function words of the other language needed before a sentence counts as foreign.
    public var minimumEvidence = 2

    public init(language: String) {
        self.language = String(language.prefix(2)).lowercased()
        languageIndex = Self.languages.firstIndex(of: self.language) ?? -1
        (keys, values, multiplier, shift) = Self.table
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
        // Counter 0 takes the words that are no function word; 1... the languages.
        // A tuple on the stack, written through a pointer: a SIMD vector indexed at run time is
        // copied through the stack on every increment, an array costs an allocation.
        var counts: (Int, Int, Int, Int, Int, Int, Int, Int) = (0, 0, 0, 0, 0, 0, 0, 0)
        var words = 0
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                withUnsafeMutableBytes(of: &counts) { raw in
                    let counts = raw.bindMemory(to: Int.self)
                    let multiplier = self.multiplier
                    let shift = self.shift
                    var key: UInt64 = 0
                    var length = 0
                    var index = 0
                    let count = text.count
                    while true {
                        // The commonest word: at most 7 ASCII letters and an ASCII byte that is no
                        // letter, found with one 8-byte load and no branch per byte (the loop below
                        // mispredicts at every word end). Each byte's top bit says "letter": the low
                        // seven bits of `lower` lie in 0x61...0x7A and the byte is ASCII.
                        if index &+ 8 <= count {
                            let word = UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self)
                            let lower = word | 0x2020_2020_2020_2020
                            let low7 = lower & 0x7F7F_7F7F_7F7F_7F7F
                            let letters = (0xFAFA_FAFA_FAFA_FAFA &- low7) & ~lower & (low7 &+ 0x1F1F_1F1F_1F1F_1F1F) & 0x8080_8080_8080_8080
                            let letterCount = (~letters & 0x8080_8080_8080_8080).trailingZeroBitCount &>> 3
                            if letterCount > 0, letterCount < 8, text[index &+ letterCount] < 0x80 {
                                // The whole word: the loop below stops at once on the byte after it.
                                key = lower & ((1 &<< UInt64(letterCount &* 8)) &- 1)
                                length = letterCount
                                index &+= letterCount
                            }
                        }
                        // A run of word bytes: ASCII letters (lower-cased), Latin-1 letters (C3 xx,
                        // capitals lower-cased), other letters and marks as they are.
                        while index < count {
                            let byte = text[index]
                            if byte < 0x80 {
                                let lower = byte | 0x20
                                guard lower &- 0x61 < 26 else { break }
                                if length < 8 { key |= UInt64(lower) &<< UInt64(length &* 8) }
                                length &+= 1
                                index &+= 1
                            } else if byte == 0xC3, index &+ 1 < count {
                                let second = text[index &+ 1]
                                guard second != 0x97, second != 0xB7 else { break }  // × ÷
                                let lower = second <= 0x9E ? second &+ 0x20 : second
                                if length < 7 {
                                    key |= (UInt64(0xC3) | UInt64(lower) &<< 8) &<< UInt64(length &* 8)
                                } else if length == 7 {
                                    key |= UInt64(0xC3) &<< 56
                                }
                                length &+= 2
                                index &+= 2
                            } else {
                                let (value, width) = UTF8Decoding.scalar(text, at: index)
                                guard LineNormalizer.isLetterOrMark(value) else { break }
                                for offset in 0..<width {
                                    if length < 8 { key |= UInt64(text[index &+ offset]) &<< UInt64(length &* 8) }
                                    length &+= 1
                                }
                                index &+= width
                            }
                        }
                        if length > 0 {
                            words &+= 1
                            if length <= 8 {
                                let slot = Int(truncatingIfNeeded: (key &* multiplier) &>> shift)
                                counts[keys[slot] == key ? Int(values[slot]) : 0] &+= 1
                            }
                            key = 0
                            length = 0
                        }
                        guard index < count else { break }
                        // A separator: one scalar that is no letter.
                        index &+= text[index] < 0x80 ? 1 : UTF8Decoding.scalar(text, at: index).width
                    }
                }
            }
        }
        func counted(_ index: Int) -> Int { withUnsafeBytes(of: counts) { $0.load(fromByteOffset: index * MemoryLayout<Int>.stride, as: Int.self) } }
        let ownCount = languageIndex >= 0 ? counted(languageIndex + 1) : 0
        var bestLanguage = -1
        var bestCount = 0
        for offset in 0..<languageCount where offset != languageIndex && counted(offset + 1) > bestCount {
            bestLanguage = offset
            bestCount = counted(offset + 1)
        }
        var verdict = Verdict(foreignLanguage: nil, ownWords: ownCount, otherWords: bestCount, words: words)
        if words >= minimumWords, bestLanguage >= 0, bestCount >= minimumEvidence, bestCount > 2 * ownCount {
            verdict.foreignLanguage = Self.languages[bestLanguage]
        }
        return verdict
    }

    /// The English name of a language code, for messages.
    static func name(of code: String) -> String {
        ["fr": "French", "en": "English", "es": "Spanish", "de": "German", "it": "Italian"][code] ?? code
    }
}
