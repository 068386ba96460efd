/// A deliberately small model of French gender and number inflection, enough to match glossary
/// terms in their plural and feminine forms without a dictionary.
///
/// Both the glossary form and the text are reduced to the same key, so the rules only need to be
/// consistent, not linguistically complete: `coréen`, `coréenne`, `coréens` and `coréennes` all
/// reduce to `coreen`; `portée`/`portées` to `porte`; `cheval`/`chevaux` to `cheval`.
public enum FrenchInflection {
    /// Words of this many letters or fewer never inflect (articles, prepositions: `de`, `à`, `les`).
    static let minimumLength = 4

    /// The inflection key of a folded (lower-case, diacritic-free) word.
    public static func key(_ folded: some StringProtocol) -> String {
        String(decoding: key(bytes: Array(folded.utf8)), as: UTF8.self)
    }

    /// The inflection key of a folded word given as UTF-8 bytes.
    static func key(bytes: [UInt8]) -> [UInt8] {
        bytes.withUnsafeBufferPointer { word in
            let parts = keyParts(word)
            return Array(word[..<parts.prefix]) + parts.suffix.bytes
        }
    }

    /// What the key appends to a prefix of the word.
    enum KeySuffix: UInt8 {
        case none, al, f, r

        var bytes: [UInt8] {
            switch self {
            case .none: []
            case .al: [UInt8(ascii: "a"), UInt8(ascii: "l")]
            case .f: [UInt8(ascii: "f")]
            case .r: [UInt8(ascii: "r")]
            }
        }
    }

    /// The key of `word` as a prefix of the word and a suffix appended to it: every rule removes
    /// a few letters at the end and may add one or two. Needs no allocation: compiling a large
    /// glossary tests a dozen spellings for each of tens of thousands of keys.
    static func keyParts(_ word: UnsafeBufferPointer<UInt8>) -> (prefix: Int, suffix: KeySuffix) {
        var length = word.count
        guard length >= minimumLength, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return (length, .none) }
        func ends(_ letters: StaticString, at end: Int) -> Bool {
            let count = letters.utf8CodeUnitCount
            guard end >= count else { return false }
            for offset in 0..<count where word[end - count + offset] != letters.utf8Start[offset] { return false }
            return true
        }
        // Number. `-aux` (not `-eaux`) becomes `-al`, which no gender rule changes.
        if length > 4, ends("aux", at: length), !ends("eaux", at: length) { return (length - 3, .al) }
        if word[length - 1] == UInt8(ascii: "s") || word[length - 1] == UInt8(ascii: "x") { length -= 1 }
        // Gender.
        if length > 4, ends("nne", at: length) { return (length - 2, .none) }
        if length > 4, ends("elle", at: length) { return (length - 2, .none) }
        if length > 4, ends("ive", at: length) { return (length - 2, .f) }
        if length > 4, ends("euse", at: length) { return (length - 2, .r) }
        if length > 3, ends("ere", at: length) { return (length - 1, .none) }
        if length > 3, word[length - 1] == UInt8(ascii: "e") { return (length - 1, .none) }
        return (length, .none)
    }

    /// Whether a glossary form inflects: forms of concepts without `exact` or `case` whose first
    /// letter is lower-case. Capitalised forms are names and acronyms.
    public static func inflects(_ form: String, flags: GlossaryFlags) -> Bool {
        inflects(form, flags: flags, table: ByteFoldTable.shared)
    }

    /// The same with the fold table passed in (see `FormTokenizer.append(_:to:fold:)`).
    static func inflects(_ form: String, flags: GlossaryFlags, table: borrowing ByteFoldTable) -> Bool {
        if flags.contains(.exact) || flags.contains(.caseSensitive) { return false }
        for scalar in form.unicodeScalars {
            let value = scalar.value
            if value < ScalarFolding.tableLimit {
                let entry = table.entries[Int(value)]
                guard UInt8(entry & 0xF) == ScalarClass.word.rawValue else { continue }
                // The first letter or digit decides: lower-case letters inflect.
                return entry & 0x20 != 0
            }
            guard ScalarFolding.fold(scalar).scalarClass == .word else { continue }
            return scalar.properties.isLowercase
        }
        return false
    }
}

extension FrenchInflection {
    /// Every word whose key is `key`: the inverse of `key(bytes:)`, so the scanner can list all
    /// the inflected spellings of a glossary word up front and look text words up once.
    static func forms(withKey key: [UInt8]) -> [[UInt8]] {
        var forms: [[UInt8]] = []
        key.withUnsafeBufferPointer { key in forEachForm(withKey: key) { forms.append(Array($0)) } }
        return forms
    }

    /// Calls `body` with every word whose key is `key`, in byte order, each once.
    ///
    /// The spellings are built in one buffer: making arrays and a set for each key was a tenth of
    /// compiling a 100k-term glossary.
    static func forEachForm(withKey key: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let last = key.last
        // Gender forms as (letters dropped from the key, letters added): the four of every key,
        // then `f` → `ve` and `r` → `se`. Constants, not arrays made per key: compiling makes one
        // call per inflection key (54k at 100k terms), and their allocations were half its cost.
        var genderCount = 4
        var extra = -1
        if last == UInt8(ascii: "f") { extra = 4 } else if last == UInt8(ascii: "r") { extra = 5 }
        if extra >= 0 { genderCount = 5 }
        // At most four candidates per gender, each at most the key and five letters: written
        // through a raw buffer, as generic appends cost a hundred instructions each.
        var buffer = [UInt8](repeating: 0, count: (key.count + 5) * genderCount * 4)
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(genderCount * 4)
        buffer.withUnsafeMutableBufferPointer { out in
            var end = 0
            /// Appends `key[..<keyPrefix] + add + suffix`.
            func candidate(_ keyPrefix: Int, _ add: ArraySlice<UInt8>, _ suffix: [UInt8]) {
                let start = end
                for index in 0..<keyPrefix { out[end + index] = key[index] }
                end += keyPrefix
                for byte in add {
                    out[end] = byte
                    end += 1
                }
                for byte in suffix {
                    out[end] = byte
                    end += 1
                }
                ranges.append(start..<end)
            }
            for gender in 0..<genderCount {
                let (drop, add) = Self.genders[gender < 4 ? gender : extra]
                let keyPrefix = key.count - drop
                candidate(keyPrefix, add[...], Self.noSuffix)
                candidate(keyPrefix, add[...], Self.pluralS)
                candidate(keyPrefix, add[...], Self.pluralX)
                // A form ending in `al` has its plural in `aux`: the form without `al`, then `aux`.
                func fromEnd(_ position: Int) -> UInt8? {
                    if position <= add.count { return add[add.count - position] }
                    let index = keyPrefix - (position - add.count)
                    return index >= 0 ? key[index] : nil
                }
                if fromEnd(2) == UInt8(ascii: "a"), fromEnd(1) == UInt8(ascii: "l") {
                    if add.count >= 2 {
                        candidate(keyPrefix, add.dropLast(2), Self.pluralAux)
                    } else {
                        candidate(keyPrefix - (2 - add.count), [], Self.pluralAux)
                    }
                }
            }
        }
        buffer.withUnsafeBufferPointer { all in
            func bytes(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: all[range]) }
            var kept = ranges.filter { range in
                let word = bytes(range)
                let parts = keyParts(word)
                let suffix = parts.suffix.bytes
                return parts.prefix + suffix.count == key.count && word[..<parts.prefix].elementsEqual(key[..<parts.prefix])
                    && suffix.elementsEqual(key[parts.prefix...])
            }
            kept.sort { bytes($0).lexicographicallyPrecedes(bytes($1)) }
            var previous: Range<Int>?
            for range in kept {
                if let previous, bytes(previous).elementsEqual(bytes(range)) { continue }
                body(bytes(range))
                previous = range
            }
        }
    }

    /// `forEachForm`'s gender endings: none, `e`, `ne`, `le`, and `f` → `ve`, `r` → `se`.
    static let genders: [(drop: Int, add: [UInt8])] = [(0, []), (0, Array("e".utf8)), (0, Array("ne".utf8)), (0, Array("le".utf8)), (1, Array("ve".utf8)), (1, Array("se".utf8))]
    static let noSuffix: [UInt8] = []
    static let pluralS = Array("s".utf8)
    static let pluralX = Array("x".utf8)
    static let pluralAux = Array("aux".utf8)

    /// The same, for strings (tests and tools).
    static func forms(withKey key: String) -> [String] {
        forms(withKey: Array(key.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }
}
