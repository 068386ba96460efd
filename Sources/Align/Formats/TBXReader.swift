import Foundation

/// Reads TBX glossaries: TBX v3 / ISO 30042:2019 (`<tbx>`, TBX-Basic or TBX-Min, DCA or DCT style)
/// and TBX v2 / ISO 30042:2008 (`<martif>`), Align's own exports and other tools' files alike.
///
/// French and English terms are read (`xml:lang` `fr`, `fr-FR`, `FR`, `fra`…); a term's
/// `administrativeStatus` decides whether it is preferred, admitted or avoided. Files that declare
/// entities are refused before parsing, and no external entity or DTD is ever loaded.
/// See `docs/exchange-formats.md` for the whole mapping.
public enum TBXReader {
    /// Reads a TBX document; problems in it are diagnostics, never thrown.
    public static func read(_ bytes: [UInt8], path: String) -> (Glossary, [Diagnostic]) {
        let empty = Glossary(concepts: [])
        let prolog = XMLProlog(bytes)
        if prolog.isUTF16 {
            return (empty, [ExchangeChecks.unsupportedEncoding("UTF-16", at: ExchangeChecks.location(path, 1, 1))])
        }
        if let offset = prolog.entityDeclarationOffset {
            let position = LineIndex(bytes: bytes).position(ofByte: offset)
            return (empty, [ExchangeChecks.entityDeclaration(at: ExchangeChecks.location(path, position.line, position.column))])
        }
        let root: XMLTree
        switch XMLTree.parse(bytes) {
        case .document(let tree):
            root = tree
        case .malformed(let code, let line, let column):
            let diagnostic = ExchangeChecks.malformedXML(XMLTree.describe(errorCode: code), code: code, at: ExchangeChecks.location(path, line, column))
            return (empty, [diagnostic])
        case .entityDeclaration(let line, let column):
            return (empty, [ExchangeChecks.entityDeclaration(at: ExchangeChecks.location(path, line, column))])
        case .invalidUTF8(let offset, let line, let column):
            let diagnostic = Diagnostic(
                .error, "invalid-utf8", "invalid UTF-8 at byte offset \(offset); TBX files are read as UTF-8 unless their XML declaration names another encoding",
                at: SourceLocation(file: path, line: line, column: column, byteOffset: offset))
            return (empty, [diagnostic])
        case .tooDeep(let line, let column):
            return (empty, [ExchangeChecks.tooDeep(at: ExchangeChecks.location(path, line, column))])
        case .unsupportedEncoding(let name):
            return (empty, [ExchangeChecks.unsupportedEncoding("in encoding '\(name)' (Align reads TBX in UTF-8, ISO-8859-1 and Windows-1252)", at: ExchangeChecks.location(path, 1, 1))])
        }
        guard root.name == "tbx" || root.name == "martif" else {
            return (empty, [ExchangeChecks.notTBX(root: root.name, at: ExchangeChecks.location(path, root.line, root.column))])
        }

        var result = ConceptImport(path: path)
        var otherLanguages = Set<String>()
        for entry in entries(in: root) {
            var reader = EntryReader(coreNamespace: root.namespace, path: path)
            reader.read(entry)
            otherLanguages.formUnion(reader.otherLanguages)
            result.diagnostics += reader.diagnostics
            let location = ExchangeChecks.location(path, entry.line, entry.column)
            let concept = reader.concept(location: location, diagnostics: &result.diagnostics)
            let givenID: ConceptImport.GivenID
            if let exact = reader.exactID {
                givenID = .exact(exact)
            } else if let id = entry.attributes["id"], !id.isEmpty {
                givenID = .given(id)
            } else {
                givenID = .none
            }
            result.add(concept, givenID: givenID, at: location)
        }
        if !otherLanguages.isEmpty {
            result.diagnostics.append(ExchangeChecks.otherLanguages(otherLanguages.sorted(), at: ExchangeChecks.location(path, root.line, root.column)))
        }
        return result.finish()
    }

    /// The `conceptEntry` (2019) or `termEntry` (2008) elements, in document order.
    static func entries(in node: XMLTree) -> [XMLTree] {
        var found: [XMLTree] = []
        for child in node.children {
            if child.name == "conceptEntry" || child.name == "termEntry" {
                found.append(child)
            } else {
                found += entries(in: child)
            }
        }
        return found
    }

    /// Element text as a native cell: exactly as written, unless it holds line breaks or tabs
    /// (pretty-printed XML), which the native format cannot hold; then white space runs become one space.
    static func cellText(_ text: String) -> String {
        guard text.contains(where: { $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }) else { return text }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\r\n" || $0 == "\t" }).joined(separator: " ")
    }

    /// `fr` or `en` for an `xml:lang` value (`fr-FR`, `FR`, `fra`, `en_GB`), or its primary subtag.
    static func primaryLanguage(_ tag: String) -> String {
        let primary = String(tag.lowercased().prefix { $0 != "-" && $0 != "_" })
        switch primary {
        case "fra", "fre": return "fr"
        case "eng": return "en"
        default: return primary
        }
    }
}

/// The reading of one `conceptEntry`/`termEntry`.
private struct EntryReader {
    enum Status {
        case preferred, admitted, avoided

        /// Accepts the ISO values (`preferredTerm-admn-sts`), TBX-Basic 2025 `usageStatus` values
        /// (`preferred`, `notRecommended`) and the short forms tools write (`deprecated`).
        init(_ value: String) {
            let lower = value.lowercased()
            if lower.contains("preferred") {
                self = .preferred
            } else if ["deprecated", "superseded", "notrecommended", "not recommended", "obsolete", "forbidden"].contains(where: { lower.contains($0) }) {
                self = .avoided
            } else {
                self = .admitted
            }
        }
    }

    /// Data categories that give a term's status.
    static let statusCategories: Set<String> = ["administrativeStatus", "normativeAuthorization", "usageStatus"]
    /// Core elements whose data category is their `type` attribute (DCA style, and TBX v2).
    static let typedElements: Set<String> = ["descrip", "admin", "termNote", "ref", "xref", "transac", "adminNote", "descripNote", "transacNote"]

    let coreNamespace: String
    let path: String
    var diagnostics: [Diagnostic] = []
    var otherLanguages = Set<String>()
    var exactID: String?
    var humanNotes: [String] = []
    var flags: GlossaryFlags = []
    var counterexamples: [String] = []
    var extra: [Concept.ExtraField] = []
    var languageDefinitions: [String: String] = [:]
    var french: [(String, Status)] = []
    var english: [(String, Status)] = []
    var examples: [String] = []

    init(coreNamespace: String, path: String) {
        self.coreNamespace = coreNamespace
        self.path = path
    }

    /// The data category of an element: its name in DCT style (`min:administrativeStatus`), its
    /// `type` in DCA style and TBX v2 (`termNote type="administrativeStatus"`); `nil` for structure.
    func category(_ node: XMLTree) -> String? {
        if node.namespace != coreNamespace { return node.name }
        return Self.typedElements.contains(node.name) ? node.attributes["type"] : nil
    }

    func isCore(_ node: XMLTree, _ name: String) -> Bool {
        node.namespace == coreNamespace && node.name == name
    }

    mutating func read(_ entry: XMLTree) {
        for child in entry.children { readEntryLevel(child) }
    }

    mutating func readEntryLevel(_ node: XMLTree) {
        if isCore(node, "langSec") || isCore(node, "langSet") {
            readLanguage(node)
        } else if isCore(node, "note") {
            readNote(node)
        } else if isCore(node, "descripGrp"), let described = node.children.first {
            readEntryLevel(described)
        } else {
            switch category(node) {
            case "definition": appendExtra(TBXEntry.definitionColumn, TBXReader.cellText(node.text))
            case "subjectField": appendExtra(TBXEntry.subjectFieldColumn, TBXReader.cellText(node.text))
            default: break
            }
        }
    }

    mutating func readLanguage(_ node: XMLTree) {
        let language = TBXReader.primaryLanguage(node.language ?? "")
        guard language == "fr" || language == "en" else {
            otherLanguages.insert(language.isEmpty ? "a language section without xml:lang" : language)
            return
        }
        for child in node.children {
            if isCore(child, "termSec") || isCore(child, "tig") || isCore(child, "ntig") {
                readTerm(child, language: language)
            } else if isCore(child, "note") {
                readNote(child)
            } else {
                let described = isCore(child, "descripGrp") ? child.children.first : child
                if let described, category(described) == "definition", languageDefinitions[language] == nil {
                    languageDefinitions[language] = TBXReader.cellText(described.text)
                }
            }
        }
    }

    mutating func readTerm(_ node: XMLTree, language: String) {
        var text = ""
        var status = Status.admitted
        var contexts: [String] = []
        func visit(_ child: XMLTree) {
            if isCore(child, "term") {
                text = TBXReader.cellText(child.text)
            } else if isCore(child, "termGrp") {
                child.children.forEach(visit)
            } else if isCore(child, "termNoteGrp") || isCore(child, "descripGrp") {
                child.children.first.map(visit)
            } else if isCore(child, "note") {
                readNote(child)
            } else if let category = category(child) {
                if Self.statusCategories.contains(category) {
                    status = Status(TBXReader.cellText(child.text))
                } else if category == "context" {
                    contexts.append(TBXReader.cellText(child.text))
                }
            }
        }
        node.children.forEach(visit)
        if language == "fr" { examples += contexts.filter { !$0.isEmpty } }
        guard !text.allSatisfy({ $0 == " " }) else { return }
        if language == "fr" { french.append((text, status)) } else { english.append((text, status)) }
    }

    mutating func readNote(_ node: XMLTree) {
        let text = TBXReader.cellText(node.text)
        guard let annotation = TBXAnnotation(noteText: text) else {
            if !text.allSatisfy({ $0 == " " }) { humanNotes.append(text) }
            return
        }
        switch annotation {
        case .id(let id): exactID = id
        case .flags(let cell): readFlags(cell, at: ExchangeChecks.location(path, node.line, node.column))
        case .counterexample(let sentence): counterexamples.append(sentence)
        case .extra(let name, let value): appendExtra(name, value)
        case .note(let note): humanNotes.append(note)
        }
    }

    mutating func readFlags(_ cell: String, at location: SourceLocation) {
        for raw in cell.split(whereSeparator: { $0 == "," || $0 == "|" }) {
            let name = raw.trimmingCharacters(in: .whitespaces)
            if name.isEmpty { continue }
            if let flag = GlossaryFlags.flag(named: name) {
                flags.insert(flag)
            } else {
                diagnostics.append(ExchangeChecks.unknownFlag(name, at: location))
            }
        }
    }

    /// A column read twice (two definitions) keeps both values.
    mutating func appendExtra(_ name: String, _ value: String) {
        if let index = extra.firstIndex(where: { $0.name == name }) {
            if !value.isEmpty { extra[index].value += extra[index].value.isEmpty ? value : "; " + value }
        } else {
            extra.append(Concept.ExtraField(name: name, value: value))
        }
    }

    /// The concept read (its id is set by `ConceptImport`).
    func concept(location: SourceLocation, diagnostics: inout [Diagnostic]) -> Concept {
        let frenchForms = french.filter { $0.1 == .preferred }.map(\.0) + french.filter { $0.1 == .admitted }.map(\.0)
        let englishForms = english.filter { $0.1 == .preferred }.map(\.0) + english.filter { $0.1 == .admitted }.map(\.0)
        let canonical = englishForms.first ?? ""
        if englishForms.count > 1, !frenchForms.isEmpty {
            let name = "'\(canonical)'"
            diagnostics.append(ExchangeChecks.droppedTerms(Array(englishForms.dropFirst()), concept: name, at: location))
        }
        var extra = extra
        if !extra.contains(where: { $0.name == TBXEntry.definitionColumn }),
            let definition = languageDefinitions["en"] ?? languageDefinitions["fr"], !definition.isEmpty
        {
            extra.append(Concept.ExtraField(name: TBXEntry.definitionColumn, value: definition))
        }
        return Concept(
            id: "", english: canonical, french: frenchForms,
            englishAvoid: english.filter { $0.1 == .avoided }.map(\.0),
            frenchAvoid: french.filter { $0.1 == .avoided }.map(\.0),
            flags: flags, note: humanNotes.joined(separator: "; "), examples: examples,
            counterexamples: counterexamples, extra: extra)
    }
}
