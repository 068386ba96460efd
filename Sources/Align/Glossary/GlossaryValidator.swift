/// The checks that look across concepts and files: duplicates, conflicts, containment, and the
/// examples each concept carries. Checks of a single file's text are done while parsing.
public enum GlossaryValidator {
    /// Whether `id` is lower-case kebab-case starting with a letter.
    public static func isValidID(_ id: String) -> Bool {
        isValidID(utf8: id.utf8)
    }

    /// The same on UTF-8 bytes.
    @inline(__always)
    static func isValidID(utf8 id: some Collection<UInt8>) -> Bool {
        var previousWasHyphen = true
        for (index, byte) in id.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"): previousWasHyphen = false
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if index == 0 { return false }
                previousWasHyphen = false
            case UInt8(ascii: "-"):
                if previousWasHyphen { return false }
                previousWasHyphen = true
            default: return false
            }
        }
        return !id.isEmpty && !previousWasHyphen
    }

    struct FormRef {
        var concept: Int
        var column: GlossaryColumn
        var item: Int
        var text: String
        var key: FormKey
    }

    /// Runs every cross-concept check on `concepts` (all glossary files together).
    public static func validate(_ concepts: [Concept]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        checkIDs(concepts, into: &diagnostics)
        let forms = frenchForms(concepts)
        checkFrenchForms(concepts, forms, into: &diagnostics)
        checkEnglish(concepts, into: &diagnostics)
        checkContainment(concepts, forms, into: &diagnostics)
        checkInflection(concepts, forms, into: &diagnostics)
        checkExamples(concepts, into: &diagnostics)
        return diagnostics
    }

    static func place(_ concept: Concept, _ column: GlossaryColumn, _ item: Int? = nil) -> SourceLocation? {
        concept.location(of: column, item: item)
    }

    static func checkIDs(_ concepts: [Concept], into diagnostics: inout [Diagnostic]) {
        // Indexes and fields, not `for concept in concepts`: copying whole concepts (a dozen
        // reference-counted fields each) showed in the profile of a 100k-concept validation.
        var firstByID: [String: Int] = [:]
        firstByID.reserveCapacity(concepts.count)
        for index in concepts.indices where !concepts[index].id.isEmpty {
            if let first = firstByID[concepts[index].id] {
                diagnostics.append(
                    Diagnostic(
                        .error, "duplicate-id", "duplicate id '\(concepts[index].id)'", at: place(concepts[index], .id),
                        notes: [Diagnostic.Note("first defined here", at: place(concepts[first], .id))]))
            } else {
                firstByID[concepts[index].id] = index
            }
        }
    }

    static func frenchForms(_ concepts: [Concept]) -> [FormRef] {
        var forms: [FormRef] = []
        forms.reserveCapacity(concepts.count * 2)
        for index in concepts.indices {
            for (item, form) in concepts[index].french.enumerated() {
                forms.append(FormRef(concept: index, column: .fr, item: item, text: form, key: FormKey(form)))
            }
            for (item, form) in concepts[index].frenchAvoid.enumerated() {
                forms.append(FormRef(concept: index, column: .frAvoid, item: item, text: form, key: FormKey(form)))
            }
        }
        return forms
    }

    /// Whether matching could confuse two forms with the same folded key: not when both concepts
    /// are case-sensitive and the forms differ in case.
    static func collide(_ a: FormRef, _ b: FormRef, _ concepts: [Concept]) -> Bool {
        let caseA = concepts[a.concept].flags.contains(.caseSensitive)
        let caseB = concepts[b.concept].flags.contains(.caseSensitive)
        if caseA && caseB { return FormKey(a.text, keepingCase: true) == FormKey(b.text, keepingCase: true) }
        return true
    }

    static func checkFrenchForms(_ concepts: [Concept], _ forms: [FormRef], into diagnostics: inout [Diagnostic]) {
        var byKey: [FormKey: [Int]] = [:]
        for (index, form) in forms.enumerated() {
            if form.key.value.isEmpty {
                diagnostics.append(
                    Diagnostic(.warning, "shadowed-form", "form '\(form.text)' has no letters or digits, so it can never match", at: place(concepts[form.concept], form.column, form.item)))
                continue
            }
            let earlier = byKey[form.key, default: []]
            byKey[form.key, default: []].append(index)
            // Report each form against the first one it collides with: linear even when
            // thousands of concepts share a form.
            guard let firstIndex = earlier.first(where: { collide(forms[$0], form, concepts) }) else { continue }
            let first = forms[firstIndex]
            let concept = concepts[form.concept]
            let other = concepts[first.concept]
            let here = place(concept, form.column, form.item)
            let there = place(other, first.column, first.item)
            if first.concept == form.concept {
                if first.column == form.column {
                    diagnostics.append(
                        Diagnostic(
                            .warning, "duplicate-form", "form '\(form.text)' is listed twice in concept '\(concept.id)' (it folds to the same text as '\(first.text)')",
                            at: here, notes: [Diagnostic.Note("first listed here", at: there)]))
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .error, "conflicting-form", "form '\(form.text)' of concept '\(concept.id)' is both admitted (fr) and avoided (fr_avoid)",
                            at: here, notes: [Diagnostic.Note("also listed here", at: there)]))
                }
            } else {
                diagnostics.append(
                    Diagnostic(
                        .error, "conflicting-form",
                        "French form '\(form.text)' of concept '\(concept.id)' is also claimed by concept '\(other.id)' as '\(first.text)'",
                        at: here, notes: [Diagnostic.Note("concept '\(other.id)' claims it here", at: there)]))
            }
        }
    }

    static func checkEnglish(_ concepts: [Concept], into diagnostics: inout [Diagnostic]) {
        var canonical: [FormKey: Int] = [:]
        canonical.reserveCapacity(concepts.count)
        for index in concepts.indices where !concepts[index].english.isEmpty {
            let key = FormKey(concepts[index].english)
            if canonical[key] == nil { canonical[key] = index }
        }
        for conceptIndex in concepts.indices where !concepts[conceptIndex].englishAvoid.isEmpty {
            let concept = concepts[conceptIndex]
            var seen: [FormKey: Int] = [:]
            for (item, avoid) in concept.englishAvoid.enumerated() {
                let key = FormKey(avoid)
                if let first = seen[key] {
                    diagnostics.append(
                        Diagnostic(
                            .warning, "duplicate-form", "en_avoid form '\(avoid)' is listed twice in concept '\(concept.id)'",
                            at: place(concept, .enAvoid, item), notes: [Diagnostic.Note("first listed here", at: place(concept, .enAvoid, first))]))
                    continue
                }
                seen[key] = item
                guard let owner = canonical[key] else { continue }
                let other = concepts[owner]
                let whose = other.id == concept.id ? "its own English canonical form '\(other.english)'" : "the English canonical form '\(other.english)' of concept '\(other.id)'"
                diagnostics.append(
                    Diagnostic(
                        .error, "avoided-canonical", "en_avoid form '\(avoid)' of concept '\(concept.id)' equals \(whose)",
                        at: place(concept, .enAvoid, item), notes: [Diagnostic.Note("canonical form here", at: place(other, .en))]))
            }
        }
    }

    /// Forms inside longer forms of other concepts, as whole words (`Corée` in `Corée du Nord`) or
    /// as a word with one or two letters missing at its end (`ATACM` and `ATACMS`).
    static func checkContainment(_ concepts: [Concept], _ forms: [FormRef], into diagnostics: inout [Diagnostic]) {
        // Keys by the hash of their bytes, so runs of words are looked up without building strings.
        var byHash: [UInt64: Int] = [:]
        var keyBytes: [[UInt8]] = []
        keyBytes.reserveCapacity(forms.count)
        for (index, form) in forms.enumerated() {
            let bytes = Array(form.key.value.utf8)
            keyBytes.append(bytes)
            let hash = WordHash.of(bytes)
            if byHash[hash] == nil { byHash[hash] = index }
        }
        func form(for bytes: ArraySlice<UInt8>) -> Int? {
            guard let index = byHash[WordHash.of(bytes)], keyBytes[index].elementsEqual(bytes) else { return nil }
            return index
        }
        var reported = Set<UInt64>()
        func report(_ inner: FormRef, _ outer: FormRef, _ message: String) {
            diagnostics.append(
                Diagnostic(
                    .warning, "contained-form", message, at: place(concepts[inner.concept], inner.column, inner.item),
                    notes: [Diagnostic.Note("longer form here", at: place(concepts[outer.concept], outer.column, outer.item))]))
        }
        for (outerIndex, outer) in forms.enumerated() {
            let bytes = keyBytes[outerIndex]
            guard !bytes.isEmpty else { continue }
            let outerConcept = concepts[outer.concept]
            // Whole-word runs strictly shorter than the form.
            for range in outer.key.innerWordRunRanges {
                guard let innerIndex = form(for: bytes[range]), forms[innerIndex].concept != outer.concept,
                    reported.insert(UInt64(innerIndex) << 32 | UInt64(outerIndex)).inserted
                else { continue }
                let inner = forms[innerIndex]
                report(
                    inner, outer,
                    "form '\(inner.text)' of concept '\(concepts[inner.concept].id)' lies inside form '\(outer.text)' of concept '\(outerConcept.id)': there the longer form wins, so '\(inner.text)' is never reported inside it")
            }
            // Truncations of a single-word form.
            guard !bytes.contains(0x20), !bytes.contains(0x27) else { continue }
            let scalarStarts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 }
            guard scalarStarts.count >= 5 else { continue }
            for cut in 1...2 where scalarStarts.count - cut >= 4 {
                let prefix = bytes[..<scalarStarts[scalarStarts.count - cut]]
                guard let innerIndex = form(for: prefix), forms[innerIndex].concept != outer.concept,
                    reported.insert(UInt64(innerIndex) << 32 | UInt64(outerIndex)).inserted
                else { continue }
                let inner = forms[innerIndex]
                report(
                    inner, outer,
                    "form '\(inner.text)' of concept '\(concepts[inner.concept].id)' is form '\(outer.text)' of concept '\(outerConcept.id)' with \(cut) letter\(cut == 1 ? "" : "s") missing: a misspelling of one would be taken for the other")
            }
        }
    }

    /// Inflected forms: a form of a concept that its own inflecting form already matches, and two
    /// concepts whose inflecting forms reduce to the same key.
    static func checkInflection(_ concepts: [Concept], _ forms: [FormRef], into diagnostics: inout [Diagnostic]) {
        var byInflection: [String: Int] = [:]
        for (index, form) in forms.enumerated() where form.column == .fr {
            guard FrenchInflection.inflects(form.text, flags: concepts[form.concept].flags) else { continue }
            let key = inflectionKey(form.key)
            if let firstIndex = byInflection[key] {
                let first = forms[firstIndex]
                guard first.key != form.key else { continue }
                let concept = concepts[form.concept]
                let other = concepts[first.concept]
                if first.concept == form.concept {
                    diagnostics.append(
                        Diagnostic(
                            .warning, "redundant-form",
                            "form '\(form.text)' is an inflected form of '\(first.text)', which already matches it; list the base form only or flag the concept 'exact'",
                            at: place(concept, .fr, form.item), notes: [Diagnostic.Note("base form here", at: place(other, .fr, first.item))]))
                } else {
                    diagnostics.append(
                        Diagnostic(
                            .warning, "inflection-conflict",
                            "inflected forms of '\(form.text)' (concept '\(concept.id)') and '\(first.text)' (concept '\(other.id)') coincide, so text such as either plural is ambiguous",
                            at: place(concept, .fr, form.item), notes: [Diagnostic.Note("other form here", at: place(other, .fr, first.item))]))
                }
            } else {
                byInflection[key] = index
            }
        }
    }

    /// The form key with each word reduced to its inflection key, on bytes.
    static func inflectionKey(_ key: FormKey) -> String {
        var out: [UInt8] = []
        var word: [UInt8] = []
        for byte in key.value.utf8 {
            if byte == 0x20 || byte == 0x27 {
                out += FrenchInflection.key(bytes: word)
                out.append(byte)
                word.removeAll(keepingCapacity: true)
            } else {
                word.append(byte)
            }
        }
        out += FrenchInflection.key(bytes: word)
        return String(decoding: out, as: UTF8.self)
    }

    static func checkExamples(_ concepts: [Concept], into diagnostics: inout [Diagnostic]) {
        guard concepts.contains(where: { !$0.examples.isEmpty || !$0.counterexamples.isEmpty }) else { return }
        let matcher = TermMatcher(concepts: concepts)
        for (index, concept) in concepts.enumerated() {
            for (item, example) in concept.examples.enumerated() {
                let found = matcher.occurrences(in: example)
                guard !found.contains(where: { $0.conceptIndex == index }) else { continue }
                var message = "example \(item + 1) of concept '\(concept.id)' does not match it"
                if let other = found.first {
                    message += " (matched '\(concepts[other.conceptIndex].id)' instead)"
                }
                diagnostics.append(Diagnostic(.error, "example-not-matched", message, at: place(concept, .examples, item)))
            }
            for (item, sentence) in concept.counterexamples.enumerated() {
                let found = matcher.occurrences(in: sentence).filter { $0.conceptIndex == index }
                guard let hit = found.first else { continue }
                let utf8 = Array(sentence.utf8)
                let surface = String(decoding: utf8[hit.termStart..<hit.end], as: UTF8.self)
                diagnostics.append(
                    Diagnostic(
                        .error, "counterexample-matched",
                        "counter-example \(item + 1) of concept '\(concept.id)' matches it at '\(surface)' (form '\(hit.form)')",
                        at: place(concept, .counterexamples, item)))
            }
        }
    }
}
