/// One concept as TBX sees it, whatever the TBX version: the mapping from `Concept` to TBX lives
/// here once, and `TBXBasicWriter` and `TBXv2Writer` only spell it in their own syntax.
struct TBXEntry: Sendable {
    /// The administrative status of a term (`administrativeStatus` in both TBX versions).
    enum Status: String, Sendable {
        case preferred = "preferredTerm-admn-sts"
        case admitted = "admittedTerm-admn-sts"
        case deprecated = "deprecatedTerm-admn-sts"
    }

    struct Term: Sendable {
        var text: String
        var status: Status
        /// Sentences using the term (the `context` data category).
        var contexts: [String] = []
    }

    /// Entry-level content, in document order.
    enum Item: Sendable {
        /// A `<note>`; `language` is set for French sentences.
        case note(String, language: String?)
        /// The `definition` data category.
        case definition(String)
        /// The `subjectField` data category.
        case subjectField(String)
    }

    /// The extra columns written as TBX data categories rather than as annotations (and read back
    /// into these columns from any TBX file).
    static let definitionColumn = "definition"
    static let subjectFieldColumn = "subject_field"

    /// The XML `id` of the entry: unique in the file and a valid XML name.
    var xmlID: String
    var items: [Item]
    var french: [Term]
    var english: [Term]

    /// The entries for `concepts`, with unique XML ids.
    static func entries(for concepts: [Concept]) -> [TBXEntry] {
        let all = Set(concepts.map(\.id))
        var used = Set<String>()
        var generated = 0
        return concepts.map { concept in
            var xmlID = concept.id
            if !isXMLName(xmlID) || used.contains(xmlID) {
                // Never collide with the id of a later concept either.
                repeat {
                    generated += 1
                    xmlID = "align-concept-\(generated)"
                } while all.contains(xmlID) || used.contains(xmlID)
            }
            used.insert(xmlID)
            return TBXEntry(concept, xmlID: xmlID)
        }
    }

    init(_ concept: Concept, xmlID: String) {
        self.xmlID = xmlID
        var items: [Item] = []
        // Readers rename ids that are not Align ids; the annotation keeps the exact one.
        if xmlID != concept.id || !GlossaryValidator.isValidID(concept.id) {
            items.append(.note(TBXAnnotation.id(concept.id).text, language: nil))
        }
        if !concept.note.isEmpty { items.append(.note(TBXAnnotation.noteText(forHumanNote: concept.note), language: nil)) }
        if !concept.flags.isEmpty { items.append(.note(TBXAnnotation.flags(concept.flags.cellText).text, language: nil)) }
        for field in concept.extra {
            switch field.name {
            case Self.definitionColumn where !field.value.isEmpty: items.append(.definition(field.value))
            case Self.subjectFieldColumn where !field.value.isEmpty: items.append(.subjectField(field.value))
            default: items.append(.note(TBXAnnotation.extra(name: field.name, value: field.value).text, language: nil))
            }
        }
        for sentence in concept.counterexamples {
            items.append(.note(TBXAnnotation.counterexample(sentence).text, language: "fr"))
        }
        self.items = items

        var french = concept.french.enumerated().map { index, form in
            Term(text: form, status: index == 0 ? .preferred : .admitted)
        }
        if french.isEmpty, !concept.examples.isEmpty {
            // Examples need a French term to hang on; an empty one keeps them (only invalid glossaries get here).
            french.append(Term(text: "", status: .preferred))
        }
        if !french.isEmpty { french[0].contexts = concept.examples }
        self.french = french + concept.frenchAvoid.map { Term(text: $0, status: .deprecated) }
        english = [Term(text: concept.english, status: .preferred)] + concept.englishAvoid.map { Term(text: $0, status: .deprecated) }
    }

    /// Whether `text` can be an XML `ID` as these writers need it: an ASCII NCName.
    static func isXMLName(_ text: String) -> Bool {
        guard let first = text.utf8.first else { return false }
        func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }
        guard isLetter(first) || first == UInt8(ascii: "_") else { return false }
        return text.utf8.allSatisfy { byte in
            isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
        }
    }
}
