import Testing

@testable import Align

/// `key` and `forEachForm` work on one buffer without allocating; these tests hold them to the
/// plain array versions they replaced, kept here as references.
@Suite("matching: French inflection keys and spellings")
struct FrenchInflectionTests {
    /// The array version of the key rules.
    static func referenceKey(_ bytes: [UInt8]) -> [UInt8] {
        var word = bytes
        guard word.count >= 4, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return bytes }
        if word.count > 4, word.suffix(3).elementsEqual("aux".utf8), !word.suffix(4).elementsEqual("eaux".utf8) {
            word.removeLast(3)
            word.append(contentsOf: "al".utf8)
        } else if word.last == UInt8(ascii: "s") || word.last == UInt8(ascii: "x") {
            word.removeLast()
        }
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

    /// The array version of the inverse: candidate spellings filtered by their key.
    static func referenceForms(_ key: [UInt8]) -> [[UInt8]] {
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
        return candidates.filter { referenceKey($0) == key && seen.insert($0).inserted }.sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// Words made of the letters and endings the rules look at, so every rule fires often.
    static func randomWords(_ count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = SeededGenerator(seed: seed)
        let pieces = ["a", "e", "l", "n", "s", "x", "u", "r", "f", "v", "i", "al", "aux", "eaux", "nne", "elle", "ive", "euse", "ere", "é", "-", "1"]
        return (0..<count).map { _ in
            Array((0..<Int.random(in: 0...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined().utf8)
        }
    }

    @Test("the key of 20,000 random words is what the array rules give") func keyEqualsTheArrayRules() {
        var mismatches: [String] = []
        for word in Self.randomWords(20_000, seed: 11) where FrenchInflection.key(bytes: word) != Self.referenceKey(word) {
            mismatches.append(String(decoding: word, as: UTF8.self))
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("the spellings of a key, in order and each once, are what the array version lists") func spellingsOfAKeyEqualTheArrayVersion() {
        var mismatches: [String] = []
        for word in Self.randomWords(20_000, seed: 12) {
            // Keys of real words, and the random words themselves taken as keys.
            for key in [Self.referenceKey(word), word] where FrenchInflection.forms(withKey: key) != Self.referenceForms(key) {
                mismatches.append(String(decoding: key, as: UTF8.self))
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test("known keys list their plural and feminine spellings; folded words come back from their key") func spellingsOfKnownKeys() {
        let coreen = FrenchInflection.forms(withKey: "coreen")
        #expect(["coreen", "coreens", "coreene", "coreenes", "coreenne", "coreennes"].allSatisfy(coreen.contains))
        #expect(!coreen.contains("coreenle"))
        #expect(coreen == coreen.sorted())
        #expect(FrenchInflection.forms(withKey: "cheval").contains("chevaux"))
        #expect(FrenchInflection.forms(withKey: "actif").contains("actives"))
        #expect(FrenchInflection.forms(withKey: "porte").contains("portees"))
        // Folded text words come back from their own key.
        for word in ["coreennes", "chevaux", "actives", "portees", "nerveuse", "nationales"] {
            #expect(FrenchInflection.forms(withKey: FrenchInflection.key(word)).contains(word), "\(word)")
        }
    }
}
