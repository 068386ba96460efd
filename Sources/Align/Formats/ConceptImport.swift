/// Collects the concepts an exchange reader finds and turns them into a glossary: skips concepts
/// without a French or an English term, and gives every concept a unique, valid id.
struct ConceptImport {
    /// How a concept's id was given in the file.
    enum GivenID {
        /// None: derive one from the English term.
        case none
        /// An id attribute or cell: kept when it is a valid, unused Align id.
        case given(String)
        /// Align's own `[align:id]` annotation: kept exactly, it is what was exported.
        case exact(String)
    }

    private struct Draft {
        var concept: Concept
        var givenID: GivenID
        var location: SourceLocation
    }

    let path: String
    private var drafts: [Draft] = []
    var diagnostics: [Diagnostic] = []

    init(path: String) {
        self.path = path
    }

    /// Adds `concept` (its id is set later from `givenID`), or reports why it is skipped.
    mutating func add(_ concept: Concept, givenID: GivenID, at location: SourceLocation) {
        // Cleaned first: a term of control characters only is no term at all.
        var concept = concept
        if let field = Self.replaceControlCharacters(in: &concept) {
            diagnostics.append(ExchangeChecks.controlCharacter(in: field, concept: Self.describe(givenID, concept), at: location))
        }
        if let field = Self.splitListSeparators(in: &concept) {
            diagnostics.append(ExchangeChecks.listSeparator(in: field, concept: Self.describe(givenID, concept), at: location))
        }
        Self.trim(&concept)
        let hasFrench = !concept.french.isEmpty
        let hasEnglish = !concept.english.isEmpty
        guard hasFrench, hasEnglish else {
            let what = hasFrench ? "English" : hasEnglish ? "French" : "French or English"
            diagnostics.append(ExchangeChecks.missingLanguage(what, concept: Self.describe(givenID, concept), at: location))
            return
        }
        concept.origin = Concept.Origin(file: location.file, line: location.line)
        drafts.append(Draft(concept: concept, givenID: givenID, location: location))
    }

    /// The glossary, in file order, and every diagnostic.
    func finish() -> (Glossary, [Diagnostic]) {
        var diagnostics = diagnostics
        // Ids that stay as they are are reserved first, so a derived id never takes one of them.
        var used = Set<String>()
        var kept = [String?](repeating: nil, count: drafts.count)
        for (index, draft) in drafts.enumerated() {
            switch draft.givenID {
            case .exact(let id):
                kept[index] = id
                used.insert(id)
            case .given(let id) where GlossaryValidator.isValidID(id) && !used.contains(id):
                kept[index] = id
                used.insert(id)
            default:
                break
            }
        }
        var concepts: [Concept] = []
        for (index, draft) in drafts.enumerated() {
            var concept = draft.concept
            if let id = kept[index] {
                concept.id = id
            } else {
                let base: String
                switch draft.givenID {
                case .given(let id) where !GlossaryValidator.isValidID(id):
                    base = Self.kebabCase(id)
                default:
                    base = Self.kebabCase(concept.english)
                }
                concept.id = Self.unique(base, in: &used)
                if case .given(let id) = draft.givenID {
                    let reason = GlossaryValidator.isValidID(id) ? "is used by an earlier concept" : "is not lower-case kebab-case"
                    diagnostics.append(ExchangeChecks.renamedID(id, to: concept.id, reason: reason, at: draft.location))
                }
            }
            concepts.append(concept)
        }
        return (Glossary(concepts: concepts), diagnostics)
    }

    /// Replaces every control character (C0, DEL, C1: what the native format refuses) in the
    /// concept's text by a space; returns the first field that had one, or `nil` if none did.
    /// Imported files can hold them (C1 characters are legal XML, CSV cells can hold anything), and
    /// a glossary Align imports must be one it can write and read back.
    static func replaceControlCharacters(in concept: inout Concept) -> String? {
        var first: String?
        // Known cells are trimmed as the readers trim them; unknown columns are carried as they are.
        func clean(_ text: inout String, _ field: String, trimming: Bool = true) {
            guard text.unicodeScalars.contains(where: \.isRefusedInGlossary) else { return }
            text = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.isRefusedInGlossary ? " " : $0 }))
            if trimming { text = text.trimmingCharacters(in: .whitespaces) }
            if first == nil { first = field }
        }
        func clean(_ list: inout [String], _ field: String) {
            for index in list.indices { clean(&list[index], field) }
        }
        clean(&concept.english, "en")
        clean(&concept.french, "fr")
        clean(&concept.englishAvoid, "en_avoid")
        clean(&concept.frenchAvoid, "fr_avoid")
        clean(&concept.note, "note")
        clean(&concept.examples, "examples")
        clean(&concept.counterexamples, "counterexamples")
        for index in concept.extra.indices { clean(&concept.extra[index].value, concept.extra[index].name, trimming: false) }
        return first
    }

    /// Trims white space at the ends of every known cell and list item, and drops empty items, as
    /// the native and CSV readers do (a TBX `<term>` may carry spaces inside its tags).
    static func trim(_ concept: inout Concept) {
        func trimmed(_ list: [String]) -> [String] {
            list.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        concept.english = concept.english.trimmingCharacters(in: .whitespaces)
        concept.note = concept.note.trimmingCharacters(in: .whitespaces)
        concept.french = trimmed(concept.french)
        concept.englishAvoid = trimmed(concept.englishAvoid)
        concept.frenchAvoid = trimmed(concept.frenchAvoid)
        concept.examples = trimmed(concept.examples)
        concept.counterexamples = trimmed(concept.counterexamples)
    }

    /// Splits list items that contain `|`, the native list separator, into several items (a TBX
    /// term `OTAN|l'OTAN` is two terms); returns the first field that had one, or `nil`.
    static func splitListSeparators(in concept: inout Concept) -> String? {
        var first: String?
        func split(_ list: inout [String], _ field: String) {
            // On the byte, as the native parser splits: a `|` followed by a combining mark is one
            // Character with it, so `String.split` kept `|́unt` whole, and the TSV read it back split.
            guard list.contains(where: { $0.utf8.contains(0x7C) }) else { return }
            list = list.flatMap { $0.fields(separatedBy: 0x7C).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } }
            if first == nil { first = field }
        }
        split(&concept.french, "fr")
        split(&concept.englishAvoid, "en_avoid")
        split(&concept.frenchAvoid, "fr_avoid")
        split(&concept.examples, "examples")
        split(&concept.counterexamples, "counterexamples")
        return first
    }


    /// `text` as an Align id: folded to lower-case ASCII letters and digits, other runs to one
    /// hyphen (`Kim Jong Un` → `kim-jong-un`, `Élysée` → `elysee`); `concept` when nothing is left,
    /// with `concept-` before a leading digit (`5G` → `concept-5g`).
    static func kebabCase(_ text: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in text.unicodeScalars {
            let folded = ScalarFolding.fold(scalar)
            let keep = folded.folded.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            switch folded.scalarClass {
            case .ignorable:
                continue
            case .apostrophe:
                // `Côte d'Ivoire` → `cote-divoire`: an apostrophe joins, as in the shipped ids.
                continue
            case .word where !keep.isEmpty:
                if pendingHyphen, !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(contentsOf: keep)
            default:
                pendingHyphen = true
            }
        }
        if out.isEmpty { return "concept" }
        if let first = out.unicodeScalars.first, ("0"..."9").contains(first) { return "concept-" + out }
        return out
    }

    /// `base`, or `base-2`, `base-3`… whichever is not in `used` yet; it is added to `used`.
    static func unique(_ base: String, in used: inout Set<String>) -> String {
        var candidate = base
        var counter = 1
        while used.contains(candidate) {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        used.insert(candidate)
        return candidate
    }

    private static func describe(_ givenID: GivenID, _ concept: Concept) -> String {
        switch givenID {
        case .given(let id), .exact(let id): return "'\(id)'"
        case .none:
            let term = concept.english.isEmpty ? concept.french.first ?? "" : concept.english
            return term.isEmpty ? "without id" : "'\(term)'"
        }
    }
}
