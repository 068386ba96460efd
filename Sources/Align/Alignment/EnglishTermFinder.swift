/// Finds glossary concepts in English text: the canonical form, the forms of `en_avoid`, and French
/// forms left untranslated.
///
/// English matching folds case (unless the concept has the `case` flag) and diacritics, treats
/// hyphens, spaces and apostrophes between words alike (`president-elect` = `president elect`),
/// and lets the last word take a plural or possessive ending (`missiles`, `allies` for `ally`,
/// `Kyiv's`). A short mention of a name (`Putin` for `Vladimir Putin`) counts as the canonical
/// form when the French side also used a short form (see `TermPairChecker`).
struct EnglishTermFinder: Sendable {
    struct Form: Sendable {
        var conceptIndex: Int
        var tokens: [String]
        var role: SentenceTerm.Role
        var caseSensitive: Bool
    }

    struct Match: Sendable, Equatable {
        var conceptIndex: Int
        var role: SentenceTerm.Role
        /// UTF-8 byte range in the text.
        var range: Range<Int>
        /// Whether only a short form (one word of a name) matched.
        var isShortForm: Bool
    }

    let concepts: [Concept]
    private var forms: [Form] = []
    /// Short forms of multi-word names: each capitalised word of three or more letters.
    private var shortForms: [Form] = []
    /// Forms by their first token (folded), for a quick lookup at each token of the text.
    private var byFirstToken: [String: [Int]] = [:]
    private var shortByToken: [String: [Int]] = [:]

    init(concepts: [Concept]) {
        self.concepts = concepts
        for (index, concept) in concepts.enumerated() {
            let caseSensitive = concept.flags.contains(.caseSensitive)
            let canonical = Self.tokens(concept.english, keepCase: caseSensitive).map(\.text)
            add(Form(conceptIndex: index, tokens: canonical, role: .canonical, caseSensitive: caseSensitive))
            for avoided in concept.englishAvoid {
                add(Form(conceptIndex: index, tokens: Self.tokens(avoided, keepCase: caseSensitive).map(\.text), role: .avoided, caseSensitive: caseSensitive))
            }
            let canonicalFolded = Self.tokens(concept.english, keepCase: false).map(\.text)
            for french in concept.french + concept.frenchAvoid {
                let folded = Self.tokens(french, keepCase: false).map(\.text)
                // A French form that is the canonical form or part of it (`Zelensky`, `Ukraine`)
                // is no sign of an untranslated term.
                guard !folded.isEmpty, !Self.contains(canonicalFolded, folded) else { continue }
                add(Form(conceptIndex: index, tokens: Self.tokens(french, keepCase: caseSensitive).map(\.text), role: .untranslated, caseSensitive: caseSensitive))
            }
            let words = concept.english.split(separator: " ")
            if words.count > 1 {
                for word in words where word.count >= 3 && word.first?.isUppercase == true {
                    let tokens = Self.tokens(String(word), keepCase: caseSensitive).map(\.text)
                    guard !tokens.isEmpty else { continue }
                    shortByToken[tokens[0].lowercased(), default: []].append(shortForms.count)
                    shortForms.append(Form(conceptIndex: index, tokens: tokens, role: .canonical, caseSensitive: caseSensitive))
                }
            }
        }
    }

    private mutating func add(_ form: Form) {
        // Indexed by the lower-case first word even for `case` concepts: the text is looked up
        // lower-cased, and `match` compares the case.
        guard let first = form.tokens.first?.lowercased() else { return }
        byFirstToken[first, default: []].append(forms.count)
        forms.append(form)
    }

    private static func contains(_ haystack: [String], _ needle: [String]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle { return true }
        return false
    }

    struct Token {
        var text: String
        var range: Range<Int>
    }

    /// The words of `text` (`FoldedWords`), lower-cased unless `keepCase`; diacritics always off.
    static func tokens(_ text: String, keepCase: Bool) -> [Token] {
        FoldedWords.split(text).map { Token(text: keepCase ? $0.keepingCase : $0.folded, range: $0.range) }
    }

    /// Whether `word` is `form` or an English plural or possessive of it.
    private static func inflects(_ word: String, _ form: String) -> Bool {
        if word == form { return true }
        guard word.hasPrefix(form) else {
            // ally → allies
            return form.hasSuffix("y") && word == form.dropLast() + "ies"
        }
        let rest = word.dropFirst(form.count)
        return rest == "s" || rest == "es" || rest == "S" || rest == "ES"
    }

    /// Every match in `text`, longest first at each position, never overlapping.
    func matches(in text: String) -> [Match] {
        let words = FoldedWords.split(text)
        let lower = words.map { Token(text: $0.folded, range: $0.range) }
        let cased = words.map { Token(text: $0.keepingCase, range: $0.range) }
        var result: [Match] = []
        var t = 0
        while t < lower.count {
            var best: (form: Form, length: Int, short: Bool)?
            for index in candidates(lower[t].text) {
                let form = forms[index]
                // Longest first; at equal length the canonical form, then an avoided one (`allies`
                // is `ally`, not the French `allié`).
                if let length = match(form, at: t, lower: lower, cased: cased),
                   length > (best?.length ?? 0) || (length == best?.length && Self.priority(form.role) < Self.priority(best!.form.role)) {
                    best = (form, length, false)
                }
            }
            if best == nil {
                for index in shortByToken[lower[t].text] ?? [] {
                    let form = shortForms[index]
                    // A short form must look like a name in the text: capitalised.
                    guard cased[t].text.first?.isUppercase == true else { continue }
                    if let length = match(form, at: t, lower: lower, cased: cased), length > (best?.length ?? 0) { best = (form, length, true) }
                }
            }
            if let best {
                var end = lower[t + best.length - 1].range.upperBound
                // The possessive `'s` belongs to the term's surface.
                let next = t + best.length
                if next < lower.count, lower[next].text == "s", lower[next].range.lowerBound - end <= 3,
                   Self.isApostrophe(text, from: end, to: lower[next].range.lowerBound) {
                    end = lower[next].range.upperBound
                }
                result.append(Match(conceptIndex: best.form.conceptIndex, role: best.form.role, range: lower[t].range.lowerBound..<end, isShortForm: best.short))
                t += best.length
            } else {
                t += 1
            }
        }
        return result
    }

    private static func priority(_ role: SentenceTerm.Role) -> Int {
        switch role {
        case .canonical: 0
        case .avoided: 1
        case .untranslated: 2
        case .french: 3
        }
    }

    /// The forms that may start at a word: looked up as it is and without a plural ending, since
    /// the first word of a one-word form is also its last.
    private func candidates(_ word: String) -> [Int] {
        var found = byFirstToken[word] ?? []
        if word.hasSuffix("s") { found += byFirstToken[String(word.dropLast())] ?? [] }
        if word.hasSuffix("es") { found += byFirstToken[String(word.dropLast(2))] ?? [] }
        if word.hasSuffix("ies") { found += byFirstToken[String(word.dropLast(3)) + "y"] ?? [] }
        return found
    }

    private static func isApostrophe(_ text: String, from: Int, to: Int) -> Bool {
        let bytes = Array(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: from)..<text.utf8.index(text.utf8.startIndex, offsetBy: to)])
        guard let between = String(validating: bytes, as: UTF8.self) else { return false }
        return ["'", "\u{2019}", "\u{02BC}"].contains(between)
    }

    private func match(_ form: Form, at t: Int, lower: [Token], cased: [Token]) -> Int? {
        let count = form.tokens.count
        guard t + count <= lower.count else { return nil }
        let words = form.caseSensitive ? cased : lower
        for k in 0..<count {
            let word = words[t + k].text
            if k == count - 1 {
                guard Self.inflects(word, form.tokens[k]) else { return nil }
            } else if word != form.tokens[k] {
                return nil
            }
        }
        // Words of a multi-word form are separated by spaces, hyphens or apostrophes only.
        return count
    }
}
