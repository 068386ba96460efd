/// The checks `aligncli glossary import` reports on exchange files (TBX, CSV), beside the native
/// glossary checks it shares (`missing-column`, `field-count`, `unknown-flag`), and the factories
/// that word their messages.
public enum ExchangeChecks {
    /// Every check an import can report that `GlossaryChecks.all` does not describe.
    public static let all: [CheckDescriptor] = [
        CheckDescriptor("malformed-xml", .error, "a TBX file is not well-formed XML"),
        CheckDescriptor("entity-declaration", .error, "a TBX file declares entities in its DOCTYPE; refused, nothing is expanded"),
        CheckDescriptor("unsupported-encoding", .error, "a file in an encoding other than UTF-8"),
        CheckDescriptor("not-tbx", .error, "an XML file whose root is neither <tbx> nor <martif>"),
        CheckDescriptor("malformed-csv", .error, "a CSV field with an unterminated quote, or text after a closing quote"),
        CheckDescriptor("missing-language", .warning, "a concept without a French or an English term; it is skipped"),
        CheckDescriptor("dropped-term", .warning, "an English synonym, which the native format cannot hold (it has one English form)"),
        CheckDescriptor("other-language", .note, "terms in languages other than French and English are not imported"),
        CheckDescriptor("renamed-id", .warning, "a concept id that is not kebab-case or is used twice gets a new id"),
        CheckDescriptor("line-break", .warning, "a line break or tab in a cell, which the native format cannot hold, became a space"),
        CheckDescriptor("list-separator", .warning, "an imported term or example containing '|', the native list separator, became several items"),
        CheckDescriptor("imported-control-character", .warning, "another control character in an imported cell, which the native format refuses, became a space"),
    ]

    static func location(_ path: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    static func malformedXML(_ description: String, code: Int, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "malformed-xml", "malformed XML: \(description) (XML error \(code))", at: location)
    }

    static func tooDeep(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "malformed-xml", "elements nested deeper than \(XMLTree.maximumDepth) levels; refused (Align's limit: TBX uses about 6)",
            at: location)
    }

    static func entityDeclaration(at location: SourceLocation) -> Diagnostic {
        Diagnostic(
            .error, "entity-declaration",
            "the DOCTYPE declares entities; refused without expanding anything (remove the <!ENTITY> declarations)",
            at: location)
    }

    static func unsupportedEncoding(_ encoding: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "unsupported-encoding", "the file is \(encoding); save it as UTF-8", at: location)
    }

    static func notTBX(root: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, "not-tbx", "not a TBX file: the root element is <\(root)>, expected <tbx> or <martif>", at: location)
    }

    static func missingLanguage(_ what: String, concept: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "missing-language", "concept \(concept) has no \(what) term; skipped", at: location)
    }

    static func droppedTerms(_ terms: [String], concept: String, at location: SourceLocation) -> Diagnostic {
        let list = terms.map { "'\($0)'" }.joined(separator: ", ")
        return Diagnostic(
            .warning, "dropped-term",
            "concept \(concept): English synonym\(terms.count == 1 ? "" : "s") \(list) dropped (the native format has one English form; add \(terms.count == 1 ? "it" : "them") to en_avoid or a note if needed)",
            at: location)
    }

    static func otherLanguages(_ languages: [String], at location: SourceLocation) -> Diagnostic {
        Diagnostic(.note, "other-language", "terms in \(languages.joined(separator: ", ")) are not imported (Align reads French and English)", at: location)
    }

    static func renamedID(_ id: String, to newID: String, reason: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "renamed-id", "concept id '\(id)' \(reason); imported as '\(newID)'", at: location)
    }

    static func lineBreak(in column: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "line-break", "line break or tab in '\(column)' replaced by a space", at: location)
    }

    static func controlCharacter(in column: String, concept: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "imported-control-character", "control character in '\(column)' of concept \(concept) replaced by a space", at: location)
    }

    static func listSeparator(in column: String, concept: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, "list-separator", "'|' separates items in the native format: an item of '\(column)' in concept \(concept) became several", at: location)
    }

    static func unknownFlag(_ name: String, at location: SourceLocation) -> Diagnostic {
        let known = GlossaryFlags.named.map(\.name)
        var message = "unknown flag '\(name)' (known flags: \(known.joined(separator: ", ")))"
        if let near = EditDistance.suggestion(for: name, among: known) { message += "; did you mean '\(near)'?" }
        return Diagnostic(.error, "unknown-flag", message, at: location)
    }
}
