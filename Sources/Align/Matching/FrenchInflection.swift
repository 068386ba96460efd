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
        var word = Array(folded.utf8)
        guard word.count >= minimumLength, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return String(folded) }
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
        return String(decoding: word, as: UTF8.self)
    }

    /// Whether a glossary form inflects: forms of concepts without `exact` or `case` whose first
    /// letter is lower-case. Capitalised forms are names and acronyms.
    public static func inflects(_ form: String, flags: GlossaryFlags) -> Bool {
        if flags.contains(.exact) || flags.contains(.caseSensitive) { return false }
        guard let first = form.unicodeScalars.first(where: { ScalarFolding.fold($0).scalarClass == .word }) else { return false }
        return !first.properties.isUppercase && first.properties.changesWhenUppercased
    }
}

extension FrenchInflection {
    /// Every word whose key is `key`: the inverse of `key(_:)`, so the scanner can list all the
    /// inflected spellings of a glossary word up front and look text words up once.
    static func forms(withKey key: String) -> [String] {
        var genderForms: Set<String> = [key, key + "e", key + "ne", key + "le"]
        if key.hasSuffix("f") { genderForms.insert(String(key.dropLast()) + "ve") }
        if key.hasSuffix("r") { genderForms.insert(String(key.dropLast()) + "se") }
        var candidates = Set<String>()
        for form in genderForms {
            candidates.insert(form)
            candidates.insert(form + "s")
            candidates.insert(form + "x")
            if form.hasSuffix("al") { candidates.insert(String(form.dropLast(2)) + "aux") }
        }
        return candidates.filter { Self.key($0) == key }.sorted()
    }
}
