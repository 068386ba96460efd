import Foundation

/// A segmentation rule file in SRX 2.0, the format CAT tools exchange sentence-breaking rules in:
/// language rules (ordered break and no-break rules, each a `beforebreak` and an `afterbreak`
/// regular expression) and language maps (a pattern on the language code naming the rules to use).
public struct SRXDocument: Sendable {
    /// One rule: break (or not) where `before` matches up to a position and `after` from it.
    public struct Rule: Sendable, Equatable {
        public var isBreak: Bool
        public var before: String
        public var after: String
        /// 1-based line of the `<rule>` element in the file.
        public var line: Int

        public init(isBreak: Bool, before: String, after: String, line: Int = 0) {
            self.isBreak = isBreak
            self.before = before
            self.after = after
            self.line = line
        }
    }

    /// A named, ordered list of rules.
    public struct LanguageRule: Sendable {
        public var name: String
        public var rules: [Rule]
    }

    /// `languagepattern` → `languagerulename`.
    public struct LanguageMap: Sendable {
        public var pattern: String
        public var ruleName: String
        public var line: Int
    }

    /// Where the rules were read from (a path, or `built-in:fr-en`).
    public var source: String
    /// With cascade, every map that matches the language contributes its rules, in map order;
    /// without, only the first.
    public var cascade: Bool
    public var languageRules: [LanguageRule]
    public var maps: [LanguageMap]

    /// Reads an SRX file; a file that is not SRX at all stops the run.
    public static func load(path: String) throws -> SRXDocument {
        try parse(InputFiles.read(path), source: path)
    }

    /// Parses SRX from `bytes`.
    public static func parse(_ bytes: [UInt8], source: String) throws -> SRXDocument {
        let prolog = XMLProlog(bytes)
        if prolog.isUTF16 { throw AlignError.badInput("\(source): UTF-16 SRX files are not supported; convert to UTF-8") }
        if prolog.entityDeclarationOffset != nil { throw AlignError.badInput("\(source): entity declarations are not allowed in SRX files") }
        let root: XMLTree
        switch XMLTree.parse(bytes) {
        case .document(let tree): root = tree
        case .malformed(let code, let line, let column):
            throw AlignError.badInput("\(source):\(line):\(column): not well-formed XML (\(XMLTree.describe(errorCode: code)))")
        case .entityDeclaration(let line, let column):
            throw AlignError.badInput("\(source):\(line):\(column): entity declarations are not allowed in SRX files")
        case .invalidUTF8(let offset, let line, let column):
            throw AlignError.badInput("\(source):\(line):\(column): invalid UTF-8 at byte offset \(offset)")
        case .tooDeep(let line, let column):
            throw AlignError.badInput("\(source):\(line):\(column): elements nested deeper than \(XMLTree.maximumDepth) levels (Align's limit; SRX uses 5)")
        case .unsupportedEncoding(let name):
            throw AlignError.badInput("\(source): unsupported encoding '\(name)' (Align reads SRX in UTF-8, ISO-8859-1 and Windows-1252)")
        }
        guard root.name == "srx" else {
            throw AlignError.badInput("\(source): not an SRX file (root element '\(root.name)', expected 'srx')")
        }
        var document = SRXDocument(source: source, cascade: false, languageRules: [], maps: [])
        let header = root.children.first { $0.name == "header" }
        document.cascade = header?.attributes["cascade"]?.lowercased() == "yes"
        let body = root.children.first { $0.name == "body" }
        for container in body?.children ?? [] {
            if container.name == "languagerules" {
                for languageRule in container.children where languageRule.name == "languagerule" {
                    var rules: [Rule] = []
                    for rule in languageRule.children where rule.name == "rule" {
                        let before = rule.children.first { $0.name == "beforebreak" }?.text ?? ""
                        let after = rule.children.first { $0.name == "afterbreak" }?.text ?? ""
                        let isBreak = (rule.attributes["break"] ?? "yes").lowercased() != "no"
                        rules.append(Rule(isBreak: isBreak, before: before, after: after, line: rule.line))
                    }
                    document.languageRules.append(LanguageRule(name: languageRule.attributes["languagerulename"] ?? "", rules: rules))
                }
            } else if container.name == "maprules" {
                for map in container.children where map.name == "languagemap" {
                    document.maps.append(
                        LanguageMap(pattern: map.attributes["languagepattern"] ?? "", ruleName: map.attributes["languagerulename"] ?? "", line: map.line))
                }
            }
        }
        return document
    }

    /// The rules that apply to `language` (`fr`, `en-GB`), in order, and problems with the maps.
    public func rules(for language: String) -> (rules: [Rule], diagnostics: [Diagnostic]) {
        var rules: [Rule] = []
        var diagnostics: [Diagnostic] = []
        for map in maps {
            let matches: Bool
            do {
                matches = try CompiledPattern(map.pattern, wholeInput: true).matches(language)
            } catch {
                diagnostics.append(
                    Diagnostic(
                        .warning, "srx-untranslated-rule", "language pattern '\(map.pattern)' cannot be used: \(error.message)",
                        at: SourceLocation(file: source, line: max(1, map.line), column: 1)))
                continue
            }
            guard matches else { continue }
            if let named = languageRules.first(where: { $0.name == map.ruleName }) {
                rules += named.rules
            } else {
                diagnostics.append(
                    Diagnostic(
                        .warning, "srx-unknown-language-rule", "language map names '\(map.ruleName)', which the file does not define",
                        at: SourceLocation(file: source, line: max(1, map.line), column: 1)))
            }
            if !cascade { break }
        }
        return (rules, diagnostics)
    }
}
