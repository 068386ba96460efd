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

        var bytes: [UInt8] { (0..<count).map(byte) }

        var count: Int {
            switch self {
            case .none: 0
            case .al: 2
            case .f, .r: 1
            }
        }

        /// Byte `index` of the suffix, without making an array (`forEachForm` tests every
        /// candidate's key).
        func byte(_ index: Int) -> UInt8 {
            switch self {
            case .none: 0
            case .al: index == 0 ? UInt8(ascii: "a") : UInt8(ascii: "l")
            case .f: UInt8(ascii: "f")
            case .r: UInt8(ascii: "r")
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
    /// The candidates are built in one temporary buffer (on the stack for keys of ordinary
    /// length), filtered, sorted and deduplicated in place: compiling calls this once per
    /// inflection key, and with arrays for the buffer, the candidates and the filtered list it
    /// cost about 11,700 instructions a key (callgrind, 100k-term benchmark glossary), most of
    /// them allocating, growing and releasing.
    static func forEachForm(withKey key: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        // Gender forms as (letters dropped from the key, letters added): the four of every key,
        // then `f` → `ve` or `r` → `se`; each in up to four numbers, at most five letters longer.
        let last = key.last
        let extra: Int? = last == UInt8(ascii: "f") ? 4 : last == UInt8(ascii: "r") ? 5 : nil
        let genderCount = extra == nil ? 4 : 5
        let width = key.count + 5
        let capacity = genderCount * 4
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: width * capacity) { out in
            withUnsafeTemporaryAllocation(of: Int.self, capacity: capacity) { lengths in
                // Candidate `i` is `out[i * width ..< i * width + lengths[i]]`.
                var count = 0
                /// Appends `key[..<keyPrefix] + add[..<addCount] + suffix` as a candidate.
                func candidate(_ keyPrefix: Int, _ add: Gender, _ addCount: Int, _ suffix: StaticString) {
                    var end = count * width
                    for index in 0..<keyPrefix {
                        out[end] = key[index]
                        end += 1
                    }
                    for index in 0..<addCount {
                        out[end] = add.added(index)
                        end += 1
                    }
                    for index in 0..<suffix.utf8CodeUnitCount {
                        out[end] = suffix.utf8Start[index]
                        end += 1
                    }
                    lengths[count] = end - count * width
                    count += 1
                }
                for index in 0..<genderCount {
                    let gender = Gender(rawValue: index < 4 ? index : extra!)!
                    let keyPrefix = key.count - gender.dropped
                    let addCount = gender.addedCount
                    candidate(keyPrefix, gender, addCount, "")
                    candidate(keyPrefix, gender, addCount, "s")
                    candidate(keyPrefix, gender, addCount, "x")
                    // A form ending in `al` has its plural in `aux`: the form without `al`, then `aux`.
                    func fromEnd(_ position: Int) -> UInt8? {
                        if position <= addCount { return gender.added(addCount - position) }
                        let index = keyPrefix - (position - addCount)
                        return index >= 0 ? key[index] : nil
                    }
                    if fromEnd(2) == UInt8(ascii: "a"), fromEnd(1) == UInt8(ascii: "l") {
                        if addCount >= 2 {
                            candidate(keyPrefix, gender, addCount - 2, "aux")
                        } else {
                            candidate(keyPrefix - (2 - addCount), gender, 0, "aux")
                        }
                    }
                }
                func word(_ index: Int) -> UnsafeBufferPointer<UInt8> {
                    UnsafeBufferPointer(start: out.baseAddress! + index * width, count: lengths[index])
                }
                // Kept candidates: those whose key is `key`, as indexes at the front of `order`.
                withUnsafeTemporaryAllocation(of: Int.self, capacity: capacity) { order in
                    var kept = 0
                    for index in 0..<count {
                        let spelling = word(index)
                        let parts = keyParts(spelling)
                        let suffix = parts.suffix
                        if parts.prefix + suffix.count == key.count, (0..<parts.prefix).allSatisfy({ spelling[$0] == key[$0] }),
                            (0..<suffix.count).allSatisfy({ key[parts.prefix + $0] == suffix.byte($0) })
                        {
                            order[kept] = index
                            kept += 1
                        }
                    }
                    // Insertion sort: a key has at most twenty candidates.
                    if kept > 1 {
                        for position in 1..<kept {
                            let moving = order[position]
                            var target = position
                            while target > 0, Self.precedes(word(moving), word(order[target - 1])) {
                                order[target] = order[target - 1]
                                target -= 1
                            }
                            order[target] = moving
                        }
                    }
                    for position in 0..<kept {
                        if position > 0, !Self.precedes(word(order[position - 1]), word(order[position])) { continue }
                        body(word(order[position]))
                    }
                }
            }
        }
    }

    /// Byte order (`lexicographicallyPrecedes`, whose generic form cost a few hundred
    /// instructions a call here).
    static func precedes(_ first: UnsafeBufferPointer<UInt8>, _ second: UnsafeBufferPointer<UInt8>) -> Bool {
        for index in 0..<min(first.count, second.count) where first[index] != second[index] { return first[index] < second[index] }
        return first.count < second.count
    }

    /// `forEachForm`'s gender endings: none, `e`, `ne`, `le`, and `f` → `ve`, `r` → `se`.
    enum Gender: Int {
        case plain, e, ne, le, ve, se

        /// Letters dropped from the end of the key before adding.
        var dropped: Int { self == .ve || self == .se ? 1 : 0 }

        var addedCount: Int {
            switch self {
            case .plain: 0
            case .e: 1
            case .ne, .le, .ve, .se: 2
            }
        }

        /// The added letter at `index`.
        func added(_ index: Int) -> UInt8 {
            if index == addedCount - 1 { return UInt8(ascii: "e") }
            switch self {
            case .ne: return UInt8(ascii: "n")
            case .le: return UInt8(ascii: "l")
            case .ve: return UInt8(ascii: "v")
            default: return UInt8(ascii: "s")
            }
        }
    }

    /// The same, for strings (tests and tools).
    static func forms(withKey key: String) -> [String] {
        forms(withKey: Array(key.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }
}
