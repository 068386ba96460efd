/// The rules that remove web debris from articles: one pattern per kind of debris, each with a
/// reason, read from a file the user can edit (`normalize/boilerplate.tsv`; format in
/// `docs/normalize.md`).
///
/// A rule's pattern (the SRX regular expression dialect, Java/ICU syntax) must match a whole
/// line, after normalization and trimming; case is ignored unless the pattern says `(?-i)`.
/// Lines longer than `maximumLineBytes` are article text, never debris, and are not tested.
public struct BoilerplateRules: Sendable {
    /// One rule.
    public struct Rule: Sendable {
        /// Kebab-case identifier, logged with every removal.
        public var id: String
        /// The kind of debris (`navigation`, `comments`, `captcha`, `ticker`, `share`, `credits`, `video`).
        public var category: String
        public var pattern: String
        /// Why such a line is removed, for the removal log.
        public var reason: String
        /// 1-based line in the rules file.
        public var line: Int
        let compiled: CompiledPattern
        let firstScalars: SRXSegmenter.Trigger?
        /// ASCII letters every match contains (lower-case, compared ignoring case): a quick test
        /// before the pattern runs.
        let requiredLetters: [UInt8]
    }

    /// The version this code reads (`# align-boilerplate 1`).
    public static let formatVersion = 1
    /// Longer lines are never tested.
    public static let maximumLineBytes = 400

    public private(set) var rules: [Rule]
    public var source: String
    /// The quick tests of every rule laid out flat, so that skipping a rule (most rules, on most
    /// lines) reads plain integers: going through `Rule` retained and released its arrays for
    /// every rule of every line, a visible share of `normalize`.
    private let firstLatin1: [UInt64]
    private let letters: [UInt8]
    private let letterStarts: [Int]

    public init(rules: [Rule], source: String) {
        self.rules = rules
        self.source = source
        var firstLatin1: [UInt64] = []
        var letters: [UInt8] = []
        var letterStarts: [Int] = [0]
        for rule in rules {
            // First scalars below U+0100, 4 words a rule; a rule that may start anywhere has all bits.
            var words: [UInt64] = [0, 0, 0, 0]
            for value in 0..<256 where rule.firstScalars?.contains(UInt32(value)) ?? true {
                words[value >> 6] |= 1 &<< UInt64(value & 63)
            }
            firstLatin1 += words
            letters += rule.requiredLetters
            letterStarts.append(letters.count)
        }
        self.firstLatin1 = firstLatin1
        self.letters = letters
        self.letterStarts = letterStarts
    }

    /// No rules at all.
    public static let none = BoilerplateRules(rules: [], source: "")

    /// Reads a rules file; problems in it are diagnostics (a rule that cannot be used is skipped),
    /// a file that is not a rules file at all stops the run.
    public static func load(path: String) throws -> (rules: BoilerplateRules, diagnostics: [Diagnostic]) {
        let bytes = try InputFiles.read(path)
        return try parse(bytes, source: path)
    }

    /// Parses the text of a rules file.
    public static func parse(_ bytes: [UInt8], source: String) throws -> (rules: BoilerplateRules, diagnostics: [Diagnostic]) {
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            throw AlignError.badInput("\(source): invalid UTF-8 at byte offset \(bad)")
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        guard let marker = lines.first, marker.hasPrefix("# align-boilerplate ") else {
            throw AlignError.badInput("\(source): line 1 must be the version marker '# align-boilerplate \(formatVersion)'")
        }
        let version = Int(marker.dropFirst("# align-boilerplate ".count).trimmingSpaces()) ?? 0
        guard version >= 1, version <= formatVersion else {
            throw AlignError.badInput("\(source): boilerplate rules version \(marker.dropFirst(20)) is not supported (this aligncli reads version \(formatVersion))")
        }
        var diagnostics: [Diagnostic] = []
        var header: [String]?
        var rules: [Rule] = []
        var ids = Set<String>()
        for (offset, raw) in lines.enumerated().dropFirst() {
            let number = offset + 1
            let line = String(raw)
            if line.trimmingSpaces().isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let columns = header else {
                header = fields
                for required in ["id", "category", "pattern", "reason"] where !fields.contains(required) {
                    throw AlignError.badInput("\(source):\(number): the header has no '\(required)' column")
                }
                continue
            }
            let location = SourceLocation(file: source, line: number, column: 1)
            guard fields.count == columns.count else {
                diagnostics.append(Diagnostic(.error, "boilerplate-rule", "rule has \(fields.count) fields, the header has \(columns.count); rule skipped", at: location))
                continue
            }
            func field(_ name: String) -> String { fields[columns.firstIndex(of: name)!] }
            let id = field("id")
            guard !id.isEmpty, ids.insert(id).inserted else {
                diagnostics.append(Diagnostic(.error, "boilerplate-rule", id.isEmpty ? "rule without an id; rule skipped" : "duplicate rule id '\(id)'; rule skipped", at: location))
                continue
            }
            do {
                let node = try RegexParser.parse(field("pattern"), caseInsensitive: true)
                let compiled = try CompiledPattern(field("pattern"), caseInsensitive: true, wholeInput: true)
                let first = node.isNullable ? nil : node.firstSets.map(SRXSegmenter.Trigger.init)
                rules.append(
                    Rule(
                        id: id, category: field("category"), pattern: field("pattern"), reason: field("reason"), line: number, compiled: compiled,
                        firstScalars: first, requiredLetters: node.requiredLetters.count >= 4 ? node.requiredLetters : []))
            } catch {
                diagnostics.append(Diagnostic(.error, "boilerplate-rule", "rule '\(id)': pattern cannot be used: \(error.message); rule skipped", at: location))
            }
        }
        return (BoilerplateRules(rules: rules, source: source), diagnostics)
    }

    /// The first rule that matches the whole normalized `line`, if any.
    func match(_ line: UnsafeBufferPointer<UInt8>) -> Rule? {
        var stack: [Int] = []
        return match(line, stack: &stack)
    }

    /// The first rule that matches the whole normalized `line`, with scratch space kept between calls.
    func match(_ line: UnsafeBufferPointer<UInt8>, stack: inout [Int]) -> Rule? {
        guard !line.isEmpty, line.count <= Self.maximumLineBytes else { return nil }
        let first = UTF8Decoding.scalar(line, at: 0).value
        let found = firstLatin1.withUnsafeBufferPointer { firstLatin1 in
            letters.withUnsafeBufferPointer { letters in
                letterStarts.withUnsafeBufferPointer { letterStarts -> Int? in
                    for index in 0..<letterStarts.count - 1 {
                        if first < 256 {
                            if firstLatin1[index &* 4 &+ Int(first >> 6)] & (1 &<< UInt64(first & 63)) == 0 { continue }
                        } else if rules[index].firstScalars?.contains(first) == false {
                            continue
                        }
                        let required = UnsafeBufferPointer(rebasing: letters[letterStarts[index]..<letterStarts[index + 1]])
                        if !required.isEmpty, !Self.contains(required, in: line) { continue }
                        if rules[index].compiled.matches(line, stack: &stack) { return index }
                    }
                    return nil
                }
            }
        }
        return found.map { rules[$0] }
    }

    /// Whether `line` contains `letters` (lower-case ASCII letters), ignoring ASCII case.
    static func contains(_ letters: UnsafeBufferPointer<UInt8>, in line: UnsafeBufferPointer<UInt8>) -> Bool {
        guard letters.count <= line.count else { return false }
        let first = letters[0]
        for start in 0...(line.count - letters.count) where line[start] | 0x20 == first {
            var offset = 1
            while offset < letters.count, line[start + offset] | 0x20 == letters[offset] { offset += 1 }
            if offset == letters.count { return true }
        }
        return false
    }
}

extension RegexNode {
    /// The longest run of ASCII letters that every match of the node contains, lower-cased.
    var requiredLetters: [UInt8] {
        switch self {
        case .sequence(let nodes):
            var best: [UInt8] = []
            var run: [UInt8] = []
            for node in nodes {
                if let letter = node.asciiLetter {
                    run.append(letter)
                    continue
                }
                if run.count > best.count { best = run }
                run = []
                let inner = node.requiredLetters
                if inner.count > best.count { best = inner }
            }
            return run.count > best.count ? run : best
        case .repetition(let node, let min, _, _) where min >= 1:
            return node.requiredLetters
        default:
            return asciiLetter.map { [$0] } ?? []
        }
    }

    /// The lower-case letter, if the node is one ASCII letter (either case).
    private var asciiLetter: UInt8? {
        guard case .scalar(let set) = self, !set.negated, set.intersections.isEmpty, set.items.count == 1,
            case .range(let lower, let upper) = set.items[0], lower == upper, lower < 0x80
        else { return nil }
        let byte = UInt8(lower) | 0x20
        return byte >= 0x61 && byte <= 0x7A ? byte : nil
    }
}
