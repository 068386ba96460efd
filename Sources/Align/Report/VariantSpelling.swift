import Foundation

/// How `inconsistent-variant` compares the ways a concept is written, as a terminologist would.
///
/// Two occurrences are the same spelling when their keys are equal. The key ignores what is not a
/// choice of spelling: an elision before the term (`l'OTAN` = `OTAN`: the scanner already cuts it
/// off), the style of apostrophe (`d'État` = `d’État`), the kind of space or hyphen (NBSP = space,
/// `‑` = `-`), invisible characters, Unicode normalization, and for common nouns (forms that
/// inflect) gender, number and case (`nord-coréens` = `Nord-Coréenne`). A capital at the start of
/// a term whose glossary form starts in lower case is a sentence start, not a spelling.
/// It keeps what is a choice: case in names and acronyms (`OTAN` ≠ `Otan`), diacritics
/// (`Etats-Unis` ≠ `États-Unis`), hyphen against space (`Kim Jong-un` ≠ `Kim Jong Un`) and
/// different words (`Kiev` ≠ `Kyiv`).
///
/// Two different spellings conflict unless one is a short form of the other: a contiguous run of
/// its words (`Biden` in `Joe Biden`) or its acronym (`AFP`, `Agence France-Presse`). Naming a
/// person in full and then by surname is consistent writing, not a variant.
enum VariantSpelling {
    /// The spelling key of `surface` (the term as written, without elision). `inflects`: the
    /// matched glossary form is a common noun that inflects; `lowersFirst`: its first letter is
    /// lower case.
    static func key(_ surface: String, inflects: Bool, lowersFirst: Bool) -> String {
        var out = String.UnicodeScalarView()
        var word: [Unicode.Scalar] = []
        var pendingSeparator = false
        var separatorIsHyphen = false
        var isFirstWord = true

        func flushWord() {
            guard !word.isEmpty else { return }
            if inflects {
                out.append(contentsOf: stem(word.map(lowercase)))
            } else {
                if lowersFirst, isFirstWord { word[0] = lowercase(word[0]) }
                out.append(contentsOf: word)
            }
            word.removeAll(keepingCapacity: true)
            isFirstWord = false
        }
        func flushSeparator() {
            guard pendingSeparator else { return }
            if !out.isEmpty { out.append(separatorIsHyphen ? "-" : " ") }
            pendingSeparator = false
            separatorIsHyphen = false
        }

        // Precomposed text (no combining marks) is already NFC: skip Foundation's normalization.
        let needsNFC = surface.unicodeScalars.contains { $0.value >= 0x300 && $0.properties.canonicalCombiningClass != .notReordered }
        for scalar in (needsNFC ? surface.precomposedStringWithCanonicalMapping : surface).unicodeScalars {
            switch ScalarFolding.fold(scalar).scalarClass {
            case .word:
                flushSeparator()
                word.append(scalar)
            case .ignorable:
                continue
            case .space, .hyphen:
                flushWord()
                pendingSeparator = true
                if ScalarFolding.isHyphen(scalar) { separatorIsHyphen = true }
            case .apostrophe:
                flushWord()
                flushSeparator()
                out.append("'")
            case .punctuation:
                flushWord()
                flushSeparator()
                out.append(scalar)
            }
        }
        flushWord()
        return String(out)
    }

    static func lowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        Unicode.Scalar(CaseTable.info(scalar.value).lowercase) ?? scalar
    }

    /// A lower-case word without its gender and number endings, diacritics kept: the same rules as
    /// `FrenchInflection.key`, which works on folded words, so `coréennes` and `coréen` agree but
    /// `coreen` does not.
    static func stem(_ word: String) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: stem(Array(word.unicodeScalars)))
        return String(view)
    }

    static func stem(_ word: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var scalars = word
        guard scalars.count >= FrenchInflection.minimumLength else { return word }
        func ends(_ suffix: String) -> Bool {
            let tail = suffix.unicodeScalars
            guard scalars.count >= tail.count else { return false }
            return zip(scalars[(scalars.count - tail.count)...], tail).allSatisfy { $0 == $1 }
        }
        if scalars.count > 4, ends("aux"), !ends("eaux") {
            scalars.removeLast(3)
            scalars += "al".unicodeScalars
        } else if ends("s") || ends("x") {
            scalars.removeLast()
        }
        if scalars.count > 4, ends("nne") {
            scalars.removeLast(2)
        } else if scalars.count > 4, ends("elle") {
            scalars.removeLast(2)
        } else if scalars.count > 4, ends("ive") {
            scalars.removeLast(2)
            scalars.append("f")
        } else if scalars.count > 4, ends("euse") {
            scalars.removeLast(2)
            scalars.append("r")
        } else if scalars.count > 3, ends("ère") {
            scalars.removeLast(3)
            scalars += "er".unicodeScalars
        } else if scalars.count > 3, ends("e") {
            scalars.removeLast()
        }
        return scalars
    }

    /// The items of a key: words, and the separators, apostrophes and marks between them.
    static func items(_ key: String) -> [Substring] {
        var items: [Substring] = []
        var start = key.startIndex
        var index = key.startIndex
        while index < key.endIndex {
            let character = key[index]
            if character == " " || character == "-" || character == "'" || !(character.isLetter || character.isNumber) {
                if start < index { items.append(key[start..<index]) }
                items.append(key[index...index])
                start = key.index(after: index)
            }
            index = key.index(after: index)
        }
        if start < key.endIndex { items.append(key[start...]) }
        return items
    }

    /// Function words that acronyms skip (`OTAN`: Organisation du traité de l'Atlantique nord).
    static let acronymSkips: Set<String> = ["de", "du", "des", "d", "la", "le", "les", "l", "et", "à", "en", "pour", "sur", "of", "the", "and", "for"]

    /// Whether two different spellings can stand together in consistent writing: one is a run of
    /// the other's words, or its acronym.
    static func areCompatible(_ a: String, _ b: String) -> Bool {
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        let shortItems = items(short)
        let longItems = items(long)
        if !shortItems.isEmpty, shortItems.count <= longItems.count {
            for start in 0...(longItems.count - shortItems.count) where Array(longItems[start..<(start + shortItems.count)]) == shortItems {
                return true
            }
        }
        return isAcronym(short, of: longItems)
    }

    static func isAcronym(_ short: String, of longItems: [Substring]) -> Bool {
        guard short.count >= 2, short.allSatisfy({ $0.isUppercase || $0.isNumber }) else { return false }
        let words = longItems.filter { $0.first.map { $0.isLetter || $0.isNumber } ?? false }
        guard words.count >= 2 else { return false }
        let initials = words.filter { !acronymSkips.contains($0.lowercased()) }.compactMap(\.first).map { String($0).uppercased() }.joined()
        return FormKey(initials).value == FormKey(short).value
    }
}
