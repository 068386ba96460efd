/// Why a pattern cannot be used: a syntax error, or a construct this engine does not run.
struct RegexSyntaxError: Error, Sendable, Equatable {
    /// Lower-case, no trailing period.
    var message: String
    /// Offset in the pattern, in Unicode scalars.
    var offset: Int
    /// Whether the pattern is valid Java but uses something Align does not translate
    /// (back-references, possessive quantifiers, atomic groups, scripts and blocks).
    var isUnsupported: Bool
}

/// Parses the regular expressions of SRX files: Java's syntax (`java.util.regex`, which
/// LanguageTool uses) and ICU's (Okapi's), which agree on everything SRX rules use. Supported:
/// literals and escapes (`\t \n \r \f \a \e \0oo \xhh \x{h…} \uhhhh \cX`), `\Q…\E`, classes with
/// ranges, nesting, `&&` intersections and negation, `\d \D \s \S \w \W \h \H \v \V`, `\p{…}`
/// and `\P{…}` (general categories, POSIX and Java names, binary properties), `.`, `^ $ \A \z \Z
/// \b \B`, groups (capturing, `(?:…)`, named), lookarounds, inline flags `i m s x u U` (also
/// scoped, `(?i:…)`), and greedy or lazy quantifiers.
struct RegexParser {
    private let scalars: [Unicode.Scalar]
    private var index = 0
    private var flags: Flags

    struct Flags: Sendable, Equatable {
        var caseInsensitive = false
        var multiline = false
        var dotAll = false
        var comments = false
    }

    init(_ pattern: String, caseInsensitive: Bool = false) {
        scalars = Array(pattern.unicodeScalars)
        flags = Flags(caseInsensitive: caseInsensitive)
    }

    /// Parses the whole pattern.
    static func parse(_ pattern: String, caseInsensitive: Bool = false) throws(RegexSyntaxError) -> RegexNode {
        var parser = RegexParser(pattern, caseInsensitive: caseInsensitive)
        let node = try parser.parseAlternation()
        if parser.index < parser.scalars.count {
            throw parser.error("unmatched ')'")
        }
        return node
    }

    private func error(_ message: String, unsupported: Bool = false) -> RegexSyntaxError {
        RegexSyntaxError(message: message, offset: index, isUnsupported: unsupported)
    }

    private var atEnd: Bool { index >= scalars.count }
    private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    private mutating func skipComments() {
        guard flags.comments else { return }
        while let scalar = current {
            if scalar.properties.isWhitespace {
                index += 1
            } else if scalar == "#" {
                while let next = current, next != "\n" { index += 1 }
            } else {
                return
            }
        }
    }

    // MARK: Structure

    private mutating func parseAlternation() throws(RegexSyntaxError) -> RegexNode {
        var branches = [try parseSequence()]
        while current == "|" {
            index += 1
            branches.append(try parseSequence())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseSequence() throws(RegexSyntaxError) -> RegexNode {
        var nodes: [RegexNode] = []
        let savedFlags = flags
        defer { flags = savedFlags }
        while true {
            skipComments()
            guard let scalar = current, scalar != "|", scalar != ")" else { break }
            guard let atom = try parseAtom() else { continue }
            nodes.append(try parseQuantifiers(atom))
        }
        switch nodes.count {
        case 0: return .empty
        case 1: return nodes[0]
        default: return .sequence(nodes)
        }
    }

    private mutating func parseQuantifiers(_ atom: RegexNode) throws(RegexSyntaxError) -> RegexNode {
        var node = atom
        while true {
            skipComments()
            guard let scalar = current else { return node }
            var bounds: (Int, Int?)
            switch scalar {
            case "*": bounds = (0, nil); index += 1
            case "+": bounds = (1, nil); index += 1
            case "?": bounds = (0, 1); index += 1
            case "{":
                guard let parsed = parseBraces() else { return node }
                bounds = parsed
            default: return node
            }
            if case .assertion = node { throw error("quantifier after an assertion") }
            if let max = bounds.1, max < bounds.0 { throw error("quantifier range out of order") }
            var lazy = false
            if current == "?" {
                lazy = true
                index += 1
            } else if current == "+" {
                throw error("possessive quantifiers are not supported", unsupported: true)
            }
            node = .repetition(node, min: bounds.0, max: bounds.1, lazy: lazy)
        }
    }

    /// `{n}`, `{n,}`, `{n,m}`; `nil` (and nothing consumed) when the brace is not a quantifier.
    private mutating func parseBraces() -> (Int, Int?)? {
        var cursor = index + 1
        func number() -> Int? {
            var value = 0
            var digits = 0
            while cursor < scalars.count, let digit = Int(String(scalars[cursor])), scalars[cursor].isASCII {
                value = value * 10 + digit
                digits += 1
                cursor += 1
                if value > 100_000 { return nil }
            }
            return digits > 0 ? value : nil
        }
        guard let low = number() else { return nil }
        var high: Int? = low
        if cursor < scalars.count, scalars[cursor] == "," {
            cursor += 1
            high = number()
        }
        guard cursor < scalars.count, scalars[cursor] == "}" else { return nil }
        index = cursor + 1
        return (low, high)
    }

    /// One atom, or `nil` for something that matches nothing by itself (a flag group).
    private mutating func parseAtom() throws(RegexSyntaxError) -> RegexNode? {
        guard let scalar = current else { return .empty }
        switch scalar {
        case "(":
            return try parseGroup()
        case "[":
            index += 1
            return .scalar(try parseClass())
        case ".":
            index += 1
            return .any(dotAll: flags.dotAll)
        case "^":
            index += 1
            return .assertion(.start(multiline: flags.multiline))
        case "$":
            index += 1
            return .assertion(.end(multiline: flags.multiline))
        case "\\":
            return try parseEscape()
        case "*", "+", "?":
            throw error("dangling quantifier '\(scalar)'")
        default:
            index += 1
            return literal(scalar.value)
        }
    }

    private func literal(_ value: UInt32) -> RegexNode {
        .scalar(.scalar(value, caseInsensitive: flags.caseInsensitive && UnicodeTables.caseVariants(of: value).count > 0))
    }

    private mutating func parseGroup() throws(RegexSyntaxError) -> RegexNode? {
        index += 1  // (
        var ahead = true
        var negative = false
        var isLook = false
        let savedFlags = flags
        if current == "?" {
            index += 1
            switch current {
            case ":": index += 1
            case "=": index += 1; isLook = true
            case "!": index += 1; isLook = true; negative = true
            case ">": throw error("atomic groups are not supported", unsupported: true)
            case "<":
                if peek(1) == "=" || peek(1) == "!" {
                    negative = peek(1) == "!"
                    ahead = false
                    isLook = true
                    index += 2
                } else {
                    // Named group: the name does not matter for SRX.
                    index += 1
                    while let scalar = current, scalar != ">" { index += 1 }
                    guard current == ">" else { throw error("unterminated group name") }
                    index += 1
                }
            default:
                // Inline flags: (?iu) for the rest of the enclosing group, (?i:…) for a group.
                var on = true
                var newFlags = flags
                while let scalar = current, scalar != ")", scalar != ":" {
                    switch scalar {
                    case "-": on = false
                    case "i": newFlags.caseInsensitive = on
                    case "m": newFlags.multiline = on
                    case "s": newFlags.dotAll = on
                    case "x": newFlags.comments = on
                    case "u", "U", "d": break  // Unicode case folding and classes are what this engine does anyway.
                    default: throw error("unknown inline flag '\(scalar)'", unsupported: scalar == "c")
                    }
                    index += 1
                }
                guard let end = current else { throw error("unterminated group") }
                index += 1
                if end == ")" {
                    flags = newFlags
                    return nil
                }
                flags = newFlags
                let body = try parseAlternation()
                flags = savedFlags
                guard current == ")" else { throw error("unterminated group") }
                index += 1
                return body
            }
        }
        let body = try parseAlternation()
        flags = savedFlags
        guard current == ")" else { throw error("unterminated group") }
        index += 1
        return isLook ? .look(body, ahead: ahead, negative: negative) : body
    }

    // MARK: Escapes

    private mutating func parseEscape() throws(RegexSyntaxError) -> RegexNode {
        index += 1  // backslash
        guard let scalar = current else { throw error("trailing backslash") }
        switch scalar {
        case "b": index += 1; return .assertion(.wordBoundary)
        case "B": index += 1; return .assertion(.notWordBoundary)
        case "A": index += 1; return .assertion(.inputStart)
        case "z": index += 1; return .assertion(.inputEnd)
        case "Z": index += 1; return .assertion(.inputEndBeforeTerminator)
        case "G": throw error("\\G is not supported", unsupported: true)
        case "R":
            index += 1
            let crlf = RegexNode.sequence([literal(0x0D), literal(0x0A)])
            return .alternation([crlf, .scalar(ScalarSet(items: [.property(.verticalSpace)]))])
        case "X": throw error("\\X is not supported", unsupported: true)
        case "k": throw error("back-references are not supported", unsupported: true)
        case "1"..."9": throw error("back-references are not supported", unsupported: true)
        case "Q":
            index += 1
            var nodes: [RegexNode] = []
            while let next = current {
                if next == "\\", peek(1) == "E" {
                    index += 2
                    return .sequence(nodes)
                }
                nodes.append(literal(next.value))
                index += 1
            }
            return .sequence(nodes)
        case "E":
            // A stray \E ends nothing.
            index += 1
            return .empty
        default:
            let set = try parseClassEscape()
            return .scalar(set)
        }
    }

    /// An escape that stands for one scalar or a class (valid inside and outside classes).
    /// `index` is on the scalar after the backslash.
    private mutating func parseClassEscape() throws(RegexSyntaxError) -> ScalarSet {
        guard let scalar = current else { throw error("trailing backslash") }
        index += 1
        func single(_ value: UInt32) -> ScalarSet {
            .scalar(value, caseInsensitive: flags.caseInsensitive && !UnicodeTables.caseVariants(of: value).isEmpty)
        }
        switch scalar {
        case "t": return single(0x09)
        case "n": return single(0x0A)
        case "r": return single(0x0D)
        case "f": return single(0x0C)
        case "a": return single(0x07)
        case "e": return single(0x1B)
        case "0":
            var value: UInt32 = 0
            var digits = 0
            while digits < 3, let next = current, next >= "0", next <= "7" {
                let candidate = value * 8 + (next.value - 0x30)
                if candidate > 0o377 { break }
                value = candidate
                digits += 1
                index += 1
            }
            guard digits > 0 else { throw error("octal escape without digits") }
            return single(value)
        case "x":
            if current == "{" {
                index += 1
                let value = try hexDigits(max: 8, terminator: "}")
                return single(value)
            }
            return single(try hexDigits(exactly: 2))
        case "u":
            var value = try hexDigits(exactly: 4)
            // A surrogate pair written as two \u escapes is one scalar.
            if value >= 0xD800, value <= 0xDBFF, current == "\\", peek(1) == "u" {
                let saved = index
                index += 2
                if let low = try? hexDigits(exactly: 4), low >= 0xDC00, low <= 0xDFFF {
                    value = 0x10000 + ((value - 0xD800) << 10) + (low - 0xDC00)
                } else {
                    index = saved
                }
            }
            return single(value)
        case "c":
            guard let control = current else { throw error("\\c without a letter") }
            index += 1
            return single(control.value ^ 0x40)
        case "d": return ScalarSet(items: [.categories(UnicodeTables.categoryBit(.decimalNumber))])
        case "D": return ScalarSet(items: [.categories(UnicodeTables.categoryBit(.decimalNumber))], negated: true)
        case "s": return ScalarSet(items: [.property(.whitespace)])
        case "S": return ScalarSet(items: [.property(.whitespace)], negated: true)
        case "w": return ScalarSet(items: [.property(.word)])
        case "W": return ScalarSet(items: [.property(.word)], negated: true)
        case "h": return ScalarSet(items: [.property(.horizontalSpace)])
        case "H": return ScalarSet(items: [.property(.horizontalSpace)], negated: true)
        case "v": return ScalarSet(items: [.property(.verticalSpace)])
        case "V": return ScalarSet(items: [.property(.verticalSpace)], negated: true)
        case "p", "P":
            var name: String
            if current == "{" {
                index += 1
                var text = ""
                while let next = current, next != "}" {
                    text.unicodeScalars.append(next)
                    index += 1
                }
                guard current == "}" else { throw error("unterminated property name") }
                index += 1
                name = text
            } else if let letter = current {
                index += 1
                name = String(letter)
            } else {
                throw error("property escape without a name")
            }
            var negated = scalar == "P"
            if name.hasPrefix("^") {
                negated.toggle()
                name.removeFirst()
            }
            guard let item = Self.property(named: name) else {
                let known = Self.isKnownUnsupportedProperty(name)
                throw error("unknown or unsupported property '\(name)'", unsupported: known)
            }
            var set = ScalarSet(items: [item], negated: negated)
            set.caseInsensitive = flags.caseInsensitive && Self.caseMattersForProperty(item)
            return set
        default:
            if scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) {
                throw error("unknown escape '\\\(scalar)'")
            }
            return single(scalar.value)
        }
    }

    private mutating func hexDigits(exactly count: Int) throws(RegexSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<count {
            guard let scalar = current, let digit = Self.hexValue(scalar) else { throw error("bad hexadecimal escape") }
            value = value * 16 + UInt32(digit)
            index += 1
        }
        return value
    }

    private mutating func hexDigits(max: Int, terminator: Unicode.Scalar) throws(RegexSyntaxError) -> UInt32 {
        var value: UInt32 = 0
        var digits = 0
        while let scalar = current, scalar != terminator {
            guard let digit = Self.hexValue(scalar), digits < max else { throw error("bad hexadecimal escape") }
            value = value * 16 + UInt32(digit)
            digits += 1
            index += 1
        }
        guard current == terminator, digits > 0, value <= 0x10FFFF else { throw error("bad hexadecimal escape") }
        index += 1
        return value
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: Int(scalar.value - 0x30)
        case 0x41...0x46: Int(scalar.value - 0x41 + 10)
        case 0x61...0x66: Int(scalar.value - 0x61 + 10)
        default: nil
        }
    }

    // MARK: Classes

    /// A class after its `[`, up to and including its `]`.
    private mutating func parseClass() throws(RegexSyntaxError) -> ScalarSet {
        var set = ScalarSet(caseInsensitive: flags.caseInsensitive)
        if current == "^" {
            set.negated = true
            index += 1
        }
        var operands: [ScalarSet] = []
        var items: [ScalarSet.Item] = []
        var first = true
        while true {
            if flags.comments {
                while let scalar = current, scalar.properties.isWhitespace { index += 1 }
            }
            guard let scalar = current else { throw error("unterminated character class") }
            if scalar == "]", !first {
                index += 1
                break
            }
            first = false
            if scalar == "&", peek(1) == "&" {
                index += 2
                operands.append(ScalarSet(items: items, caseInsensitive: flags.caseInsensitive))
                items = []
                continue
            }
            if scalar == "[" {
                index += 1
                items.append(.set(try parseClass()))
                continue
            }
            // One scalar (maybe the start of a range) or a class escape.
            var low: UInt32
            if scalar == "\\" {
                index += 1
                if current == "Q" {
                    index += 1
                    while let next = current {
                        if next == "\\", peek(1) == "E" {
                            index += 2
                            break
                        }
                        items.append(.range(next.value, next.value))
                        index += 1
                    }
                    continue
                }
                let escaped = try parseClassEscape()
                guard escaped.items.count == 1, case .range(let a, let b) = escaped.items[0], a == b, !escaped.negated else {
                    items.append(.set(escaped))
                    continue
                }
                low = a
            } else {
                low = scalar.value
                index += 1
            }
            if current == "-", let next = peek(1), next != "]" {
                index += 1
                var high: UInt32
                if next == "\\" {
                    index += 1
                    let escaped = try parseClassEscape()
                    guard escaped.items.count == 1, case .range(let a, let b) = escaped.items[0], a == b else {
                        throw error("bad range in character class")
                    }
                    high = a
                } else if next == "[" {
                    // `a-[…]`: the hyphen is a literal before a nested class.
                    items.append(.range(low, low))
                    items.append(.range(0x2D, 0x2D))
                    continue
                } else {
                    high = next.value
                    index += 1
                }
                guard high >= low else { throw error("character range out of order") }
                items.append(.range(low, high))
            } else {
                items.append(.range(low, low))
            }
        }
        if operands.isEmpty {
            set.items = items
        } else {
            // Java: `A&&B&&C` is the intersection of the operands.
            operands.append(ScalarSet(items: items, caseInsensitive: flags.caseInsensitive))
            set.items = operands[0].items
            set.intersections = Array(operands.dropFirst())
        }
        return set
    }

    // MARK: Property names

    private static let categoryNames: [String: UInt32] = {
        let t = UnicodeTables.self
        var names: [String: UInt32] = [
            "L": t.letterMask, "M": t.markMask, "N": t.numberMask, "P": t.punctuationMask, "S": t.symbolMask,
            "Z": t.separatorMask, "C": t.otherMask, "LC": t.mask([.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]),
            "L&": t.mask([.uppercaseLetter, .lowercaseLetter, .titlecaseLetter]),
        ]
        let short: [(String, Unicode.GeneralCategory)] = [
            ("Lu", .uppercaseLetter), ("Ll", .lowercaseLetter), ("Lt", .titlecaseLetter), ("Lm", .modifierLetter),
            ("Lo", .otherLetter), ("Mn", .nonspacingMark), ("Mc", .spacingMark), ("Me", .enclosingMark),
            ("Nd", .decimalNumber), ("Nl", .letterNumber), ("No", .otherNumber), ("Pc", .connectorPunctuation),
            ("Pd", .dashPunctuation), ("Ps", .openPunctuation), ("Pe", .closePunctuation), ("Pi", .initialPunctuation),
            ("Pf", .finalPunctuation), ("Po", .otherPunctuation), ("Sm", .mathSymbol), ("Sc", .currencySymbol),
            ("Sk", .modifierSymbol), ("So", .otherSymbol), ("Zs", .spaceSeparator), ("Zl", .lineSeparator),
            ("Zp", .paragraphSeparator), ("Cc", .control), ("Cf", .format), ("Cs", .surrogate), ("Co", .privateUse),
            ("Cn", .unassigned),
        ]
        for (name, category) in short { names[name] = t.categoryBit(category) }
        let long: [(String, String)] = [
            ("Letter", "L"), ("Mark", "M"), ("Number", "N"), ("Punctuation", "P"), ("Symbol", "S"), ("Separator", "Z"),
            ("Other", "C"), ("Uppercase_Letter", "Lu"), ("Lowercase_Letter", "Ll"), ("Titlecase_Letter", "Lt"),
            ("Modifier_Letter", "Lm"), ("Other_Letter", "Lo"), ("Nonspacing_Mark", "Mn"), ("Spacing_Mark", "Mc"),
            ("Enclosing_Mark", "Me"), ("Decimal_Number", "Nd"), ("Letter_Number", "Nl"), ("Other_Number", "No"),
            ("Connector_Punctuation", "Pc"), ("Dash_Punctuation", "Pd"), ("Open_Punctuation", "Ps"),
            ("Close_Punctuation", "Pe"), ("Initial_Punctuation", "Pi"), ("Final_Punctuation", "Pf"),
            ("Other_Punctuation", "Po"), ("Math_Symbol", "Sm"), ("Currency_Symbol", "Sc"), ("Modifier_Symbol", "Sk"),
            ("Other_Symbol", "So"), ("Space_Separator", "Zs"), ("Line_Separator", "Zl"), ("Paragraph_Separator", "Zp"),
            ("Control", "Cc"), ("Format", "Cf"), ("Surrogate", "Cs"), ("Private_Use", "Co"), ("Unassigned", "Cn"),
        ]
        for (name, short) in long { names[name] = names[short] }
        return names
    }()

    private static let propertyNames: [String: ScalarProperty] = [
        "Lower": .posixLower, "Upper": .posixUpper, "ASCII": .posixASCII, "Alpha": .posixAlpha, "Digit": .posixDigit,
        "Alnum": .posixAlnum, "Punct": .posixPunct, "Graph": .posixGraph, "Print": .posixPrint, "Blank": .posixBlank,
        "Cntrl": .posixControl, "XDigit": .posixHexDigit, "Space": .posixSpace,
        "javaLowerCase": .lowercase, "javaUpperCase": .uppercase, "javaWhitespace": .whitespace,
        "javaLetter": .alphabetic, "javaAlphabetic": .alphabetic,
        "Alphabetic": .alphabetic, "Uppercase": .uppercase, "Lowercase": .lowercase, "White_Space": .unicodeWhiteSpace,
        "WhiteSpace": .unicodeWhiteSpace, "Ideographic": .ideographic,
    ]

    /// The class item a `\p{…}` name stands for, if this engine knows it.
    static func property(named rawName: String) -> ScalarSet.Item? {
        var name = rawName
        for prefix in ["general_category=", "gc=", "Is", "is"] where name.hasPrefix(prefix) && name.count > prefix.count {
            let rest = String(name.dropFirst(prefix.count))
            if categoryNames[rest] != nil || propertyNames[rest] != nil || ["Letter", "Digit", "Punctuation"].contains(rest) {
                name = rest
                break
            }
        }
        if name == "Digit" && rawName.hasPrefix("Is") { return .categories(UnicodeTables.categoryBit(.decimalNumber)) }
        if let mask = categoryNames[name] { return .categories(mask) }
        if let property = propertyNames[name] { return .property(property) }
        return nil
    }

    /// Names Java accepts that this engine does not run (scripts, blocks, other binary properties).
    private static func isKnownUnsupportedProperty(_ name: String) -> Bool {
        name.hasPrefix("In") || name.hasPrefix("Is") || name.hasPrefix("script=") || name.hasPrefix("sc=")
            || name.hasPrefix("block=") || name.hasPrefix("blk=") || name.hasPrefix("java")
    }

    private static func caseMattersForProperty(_ item: ScalarSet.Item) -> Bool {
        // Java applies (?i) to literal scalars and ranges, not to categories or properties.
        false
    }
}
