/// Sentence segmentation with SRX rules, compiled for one language.
///
/// At each position between two scalars the rules are tried in order; the first whose
/// `beforebreak` matches up to the position and whose `afterbreak` matches from it decides
/// (break or not); if none does, there is no break. Only positions where some break rule could
/// match are visited: each rule knows which scalars can come just before the position (the last
/// scalars its `beforebreak` can consume) and just after it, as bitmaps, so a scan of the text
/// costs one table lookup per scalar and the regular expressions run only at candidates.
public struct SRXSegmenter: Sendable {
    struct CompiledRule: Sendable {
        var isBreak: Bool
        var before: RegexProgram?
        var after: RegexProgram?
        /// Scalars that may come just before the position, or `nil` for any (a nullable `before`).
        var beforeTrigger: Trigger?
        /// Scalars that may come just after the position, or `nil` for any.
        var afterTrigger: Trigger?
        var line: Int
    }

    /// A conservative set of scalars: a bitmap below the table limit, and whether any scalar past it may belong.
    struct Trigger: Sendable {
        var words: [UInt64]
        var high: Bool

        init(_ sets: [ScalarSet]) {
            words = [UInt64](repeating: 0, count: RegexProgram.wordsPerSet)
            high = false
            for set in sets {
                let bitmap = ScalarTable.bitmap(of: set)
                for index in words.indices { words[index] |= bitmap[index] }
                high = high || set.mayContainHighScalars
            }
        }

        mutating func formUnion(_ other: Trigger) {
            for index in words.indices { words[index] |= other.words[index] }
            high = high || other.high
        }

        @inline(__always)
        func contains(_ value: UInt32) -> Bool {
            value < UnicodeTables.tableLimit ? ScalarTable.test(words, value) : high
        }
    }

    /// The language the rules were chosen for.
    public let language: String
    /// How many of the language's rules are in use (the others could not be translated).
    public var ruleCount: Int { rules.count }
    let rules: [CompiledRule]
    let flat: FlatRules
    /// Candidate positions: after a scalar in `candidateBefore`, before one in `candidateAfter`,
    /// or everywhere.
    let candidateBefore: Trigger
    let candidateAfter: Trigger
    let hasAfterCandidates: Bool
    let breaksAnywhere: Bool
    /// For each byte: an ASCII byte in `candidateBefore`, or a byte that starts a multibyte scalar.
    let leadBytes: [Bool]
    /// Steps one rule test may take.
    static let stepBudget = 20_000

    /// Compiles the rules of `document` for `language`. Rules whose expressions cannot be
    /// translated are left out, each with a diagnostic; the others still run.
    public static func compile(_ document: SRXDocument, language: String) -> (segmenter: SRXSegmenter, diagnostics: [Diagnostic]) {
        let (rules, mapDiagnostics) = document.rules(for: language)
        var diagnostics = mapDiagnostics
        if rules.isEmpty {
            diagnostics.append(
                Diagnostic(.warning, "srx-no-rules", "no segmentation rules apply to language '\(language)'", at: SourceLocation(file: document.source, line: 1, column: 1)))
        }
        var compiled: [CompiledRule] = []
        for rule in rules {
            do {
                compiled.append(try Self.compile(rule))
            } catch {
                let kind = error.isUnsupported ? "uses what Align does not translate" : "is not a valid expression"
                diagnostics.append(
                    Diagnostic(
                        .warning, "srx-untranslated-rule", "rule skipped: its pattern \(kind): \(error.message)",
                        at: SourceLocation(file: document.source, line: max(1, rule.line), column: 1),
                        notes: [.init("beforebreak: \(rule.before)"), .init("afterbreak: \(rule.after)")]))
            }
        }
        return (SRXSegmenter(language: language, rules: compiled), diagnostics)
    }

    init(language: String, rules: [CompiledRule]) {
        self.language = language
        self.rules = rules
        self.flat = FlatRules(rules)
        var before = Trigger([])
        var after = Trigger([])
        var anywhere = false
        var hasAfter = false
        for rule in rules where rule.isBreak {
            if let trigger = rule.beforeTrigger {
                before.formUnion(trigger)
            } else if let trigger = rule.afterTrigger {
                after.formUnion(trigger)
                hasAfter = true
            } else {
                anywhere = true
            }
        }
        candidateBefore = before
        candidateAfter = after
        leadBytes = (0..<256).map { $0 >= 0xC0 || ($0 < 0x80 && before.contains(UInt32($0))) }
        hasAfterCandidates = hasAfter
        breaksAnywhere = anywhere
    }

    static func compile(_ rule: SRXDocument.Rule) throws(RegexSyntaxError) -> CompiledRule {
        let beforeNode = try RegexParser.parse(rule.before)
        let afterNode = try RegexParser.parse(rule.after)
        var result = CompiledRule(isBreak: rule.isBreak, line: rule.line)
        if beforeNode != .empty { result.before = try RegexProgram(beforeNode) }
        if afterNode != .empty { result.after = try RegexProgram(afterNode) }
        if !beforeNode.isNullable, let sets = beforeNode.reversed.firstSets { result.beforeTrigger = Trigger(sets) }
        if !afterNode.isNullable, let sets = afterNode.firstSets { result.afterTrigger = Trigger(sets) }
        return result
    }

    /// Scratch space reused across calls (backtracking stack, step counter).
    public struct Scratch: Sendable {
        var stack: [Int] = []
        /// Rule tests stopped by the step budget (counted as no match).
        public internal(set) var exhausted = 0

        public init() { stack.reserveCapacity(256) }
    }

    /// The break positions (byte offsets, strictly inside the text, ascending) of `text`, one
    /// paragraph of valid UTF-8.
    public func breaks(in text: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> [Int] {
        var result: [Int] = []
        breaks(in: text, into: &result, scratch: &scratch)
        return result
    }

    /// Appends the break positions of `text` to `result` (a buffer reused between lines).
    public func breaks(in text: UnsafeBufferPointer<UInt8>, into result: inout [Int], scratch: inout Scratch) {
        let count = text.count
        guard count > 1 else { return }
        if breaksAnywhere || hasAfterCandidates {
            result += breaksEverywhere(in: text, scratch: &scratch)
            return
        }
        // Only the scalar before a position matters: skip bytes that cannot end a candidate scalar.
        leadBytes.withUnsafeBufferPointer { lead in
            var index = 0
            while index < count {
                let byte = text[index]
                guard lead[Int(byte)] else {
                    index += 1
                    continue
                }
                let (value, width) = byte < 0x80 ? (UInt32(byte), 1) : UTF8Decoding.scalar(text, at: index)
                index += width
                guard index < count, byte < 0x80 || candidateBefore.contains(value) else { continue }
                if decides(at: index, previous: value, in: text, scratch: &scratch) { result.append(index) }
            }
        }
    }

    /// The general scan, for rules that may break after any scalar (a nullable `beforebreak`).
    func breaksEverywhere(in text: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> [Int] {
        var result: [Int] = []
        let count = text.count
        var index = 0
        while index < count {
            let (value, width) = UTF8Decoding.scalar(text, at: index)
            index += width
            guard index < count else { break }
            var candidate = breaksAnywhere || candidateBefore.contains(value)
            if !candidate, hasAfterCandidates { candidate = candidateAfter.contains(UTF8Decoding.scalar(text, at: index).value) }
            if candidate, decides(at: index, previous: value, in: text, scratch: &scratch) { result.append(index) }
        }
        return result
    }

    /// Whether the first rule that matches at `position` is a break rule.
    func decides(at position: Int, previous: UInt32, in text: UnsafeBufferPointer<UInt8>, scratch: inout Scratch) -> Bool {
        let next = UTF8Decoding.scalar(text, at: position).value
        // Without a matching break rule there is no break, whatever the other rules say: test the
        // break rules first, and the rules before the first that matches only then.
        guard let firstBreak = firstMatch(at: position, previous: previous, next: next, in: text, breakRules: true, below: flat.isBreak.count, scratch: &scratch)
        else { return false }
        let earlier = firstMatch(at: position, previous: previous, next: next, in: text, breakRules: false, below: firstBreak, scratch: &scratch)
        return earlier == nil
    }

    /// The first rule below `below` that matches at `position`, among the break rules (or the
    /// no-break rules).
    private func firstMatch(
        at position: Int, previous: UInt32, next: UInt32, in text: UnsafeBufferPointer<UInt8>, breakRules: Bool, below limit: Int,
        scratch: inout Scratch
    ) -> Int? {
        let words = RegexProgram.wordsPerSet
        return flat.triggers.withUnsafeBufferPointer { triggers in
            flat.programs.withUnsafeBufferPointer { programs in
                for index in 0..<limit where flat.isBreak[index] == breakRules {
                    // Each rule: triggers 2·index (before) and 2·index+1 (after); -1 programs are empty patterns.
                    if flat.hasBeforeTrigger[index] {
                        let base = 2 * index * words
                        if previous < UnicodeTables.tableLimit {
                            if triggers[base + Int(previous >> 6)] & (1 << UInt64(previous & 63)) == 0 { continue }
                        } else if !flat.beforeHigh[index] {
                            continue
                        }
                    }
                    if flat.hasAfterTrigger[index] {
                        let base = (2 * index + 1) * words
                        if next < UnicodeTables.tableLimit {
                            if triggers[base + Int(next >> 6)] & (1 << UInt64(next & 63)) == 0 { continue }
                        } else if !flat.afterHigh[index] {
                            continue
                        }
                    }
                    var budget = Self.stepBudget
                    let after = flat.after[index]
                    if after >= 0, !programs[after].matches(forward: true, in: text, at: position, stack: &scratch.stack, budget: &budget) {
                        if budget < 0 { scratch.exhausted += 1 }
                        continue
                    }
                    let before = flat.before[index]
                    if before >= 0, !programs[before].matches(forward: false, in: text, at: position, stack: &scratch.stack, budget: &budget) {
                        if budget < 0 { scratch.exhausted += 1 }
                        continue
                    }
                    return index
                }
                return nil
            }
        }
    }

    /// The rules laid out flat for `decides`: no optional or nested value is copied per test.
    struct FlatRules: Sendable {
        var isBreak: [Bool] = []
        var before: [Int] = []
        var after: [Int] = []
        var programs: [RegexProgram] = []
        var hasBeforeTrigger: [Bool] = []
        var hasAfterTrigger: [Bool] = []
        var beforeHigh: [Bool] = []
        var afterHigh: [Bool] = []
        var triggers: [UInt64] = []

        init(_ rules: [CompiledRule]) {
            let empty = [UInt64](repeating: 0, count: RegexProgram.wordsPerSet)
            for rule in rules {
                isBreak.append(rule.isBreak)
                if let program = rule.before {
                    before.append(programs.count)
                    programs.append(program)
                } else {
                    before.append(-1)
                }
                if let program = rule.after {
                    after.append(programs.count)
                    programs.append(program)
                } else {
                    after.append(-1)
                }
                hasBeforeTrigger.append(rule.beforeTrigger != nil)
                hasAfterTrigger.append(rule.afterTrigger != nil)
                beforeHigh.append(rule.beforeTrigger?.high ?? true)
                afterHigh.append(rule.afterTrigger?.high ?? true)
                triggers += rule.beforeTrigger?.words ?? empty
                triggers += rule.afterTrigger?.words ?? empty
            }
        }
    }

    /// Breaks of a string, as byte offsets into its UTF-8 (for tests and small inputs).
    public func breaks(in text: String) -> [Int] {
        var bytes = Array(text.utf8)
        var scratch = Scratch()
        return bytes.withUnsafeMutableBufferPointer { breaks(in: UnsafeBufferPointer($0), scratch: &scratch) }
    }

    /// The sentences of `text`, trimmed of white space (for tests and small inputs).
    public func sentences(of text: String) -> [String] {
        let bytes = Array(text.utf8)
        var pieces: [String] = []
        var start = 0
        for end in breaks(in: text) + [bytes.count] {
            let piece = String(decoding: bytes[start..<end], as: UTF8.self).trimmingSpacesAndLineBreaks()
            if !piece.isEmpty { pieces.append(piece) }
            start = end
        }
        return pieces
    }
}

extension StringProtocol {
    /// The text without leading and trailing white space of any kind (line breaks included).
    func trimmingSpacesAndLineBreaks() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard scalars[before].properties.isWhitespace else { break }
            end = before
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }
}
