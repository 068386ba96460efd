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
        var word = bytes
        guard word.count >= minimumLength, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return bytes }
        // Number.
        if word.count > 4, word.suffix(3).elementsEqual("aux".utf8), !word.suffix(4).elementsEqual("eaux".utf8) {
            word.removeLast(3)
            word.append(contentsOf: "al".utf8)
        } else if word.last == UInt8(ascii: "s") || word.last == UInt8(ascii: "x") {
            word.removeLast()
        }
        // Gender.
        if word.count > 4, word.suffix(3).elementsEqual("nne".utf8) {
            word.removeLast(2)
        } else if word.count > 4, word.suffix(4).elementsEqual("elle".utf8) {
            word.removeLast(2)
        } else if word.count > 4, word.suffix(3).elementsEqual("ive".utf8) {
            word.removeLast(2)
            word.append(UInt8(ascii: "f"))
        } else if word.count > 4, word.suffix(4).elementsEqual("euse".utf8) {
            word.removeLast(2)
            word.append(UInt8(ascii: "r"))
        } else if word.count > 3, word.suffix(3).elementsEqual("ere".utf8) {
            word.removeLast()
        } else if word.count > 3, word.last == UInt8(ascii: "e") {
            word.removeLast()
        }
        return word
    }

    /// Whether a glossary form inflects: forms of concepts without `exact` or `case` whose first
    /// letter is lower-case. Capitalised forms are names and acronyms.
    public static func inflects(_ form: String, flags: GlossaryFlags) -> Bool {
        inflects(form, flags: flags, table: ByteFoldTable.shared)
    }

    /// The same with the fold table passed in (see `FormTokenizer.tokens(_:fold:)`).
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
        let e = UInt8(ascii: "e")
        var genderForms: [[UInt8]] = [key, key + [e], key + [UInt8(ascii: "n"), e], key + [UInt8(ascii: "l"), e]]
        if key.last == UInt8(ascii: "f") { genderForms.append(key.dropLast() + [UInt8(ascii: "v"), e]) }
        if key.last == UInt8(ascii: "r") { genderForms.append(key.dropLast() + [UInt8(ascii: "s"), e]) }
        var candidates: [[UInt8]] = []
        for form in genderForms {
            candidates.append(form)
            candidates.append(form + [UInt8(ascii: "s")])
            candidates.append(form + [UInt8(ascii: "x")])
            if form.count >= 2, form.suffix(2).elementsEqual("al".utf8) { candidates.append(form.dropLast(2) + Array("aux".utf8)) }
        }
        var seen = Set<[UInt8]>()
        return candidates.filter { self.key(bytes: $0) == key && seen.insert($0).inserted }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The same, for strings (tests and tools).
    static func forms(withKey key: String) -> [String] {
        forms(withKey: Array(key.utf8)).map { String(decoding: $0, as: UTF8.self) }
    }
}
