import Testing

@testable import Align

/// The regular expression engine behind SRX rules and boilerplate patterns: Java syntax, matching
/// forward from a position and backward up to it, and what it refuses.
@Suite("Normalize: regular expression engine")
struct RegexEngineTests {
    /// Whether `pattern` matches `text` starting at byte `offset` (forward) or ending there (backward).
    func matches(_ pattern: String, _ text: String, at offset: Int, forward: Bool) throws -> Bool {
        let program = try RegexProgram(RegexParser.parse(pattern))
        var bytes = Array(text.utf8)
        var stack: [Int] = []
        var budget = 100_000
        return bytes.withUnsafeMutableBufferPointer { program.matches(forward: forward, in: UnsafeBufferPointer($0), at: offset, stack: &stack, budget: &budget) }
    }

    /// Byte offset of the end of the first occurrence of `marker` in `text`.
    func offset(after marker: String, in text: String) -> Int {
        let bytes = Array(text.utf8)
        let needle = Array(marker.utf8)
        for start in 0...(bytes.count - needle.count) where Array(bytes[start..<(start + needle.count)]) == needle {
            return start + needle.count
        }
        return -1
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var pattern: String
        var text: String
        /// The position is just after this marker in the text.
        var after: String
        var forward: Bool
        var expected: Bool
        var testDescription: String { "\(pattern) \(forward ? "from" : "up to") '\(after)' in '\(text)'" }
    }

    static let cases: [Case] = [
        Case(pattern: "\\bM\\.", text: "Selon M. Dupont", after: "M.", forward: false, expected: true),
        Case(pattern: "\\bM\\.", text: "Selon ÉM. Dupont", after: "M.", forward: false, expected: false),
        Case(pattern: "\\s+\\p{Lu}", text: "fin. École", after: "fin.", forward: true, expected: true),
        Case(pattern: "\\s+\\p{Lu}", text: "fin. école", after: "fin.", forward: true, expected: false),
        Case(pattern: "[\\p{L}&&[^rwn]]\\.\\s", text: "le p. 3", after: "p. ", forward: false, expected: true),
        Case(pattern: "[\\p{L}&&[^rwn]]\\.\\s", text: "le r. 3", after: "r. ", forward: false, expected: false),
        Case(pattern: "[^\\s](\\Q...\\E|…)\\s", text: "attends... oui", after: "... ", forward: false, expected: true),
        Case(pattern: "\\b(?iu)mgr\\.\\s", text: "le MGR. Jean", after: "MGR. ", forward: false, expected: true),
        Case(pattern: "\\b(?iu)mgr\\.\\s", text: "le MGX. Jean", after: "MGX. ", forward: false, expected: false),
        Case(pattern: "(?-i:A)b", text: "xAB", after: "x", forward: true, expected: false),
        Case(pattern: "\\p{Lu}[^\\p{Lu}]", text: "x Éa", after: "x ", forward: true, expected: true),
        Case(pattern: "\\p{Lu}[^\\p{Lu}]", text: "x ÉA", after: "x ", forward: true, expected: false),
        Case(pattern: "([A-Z]\\.){2,}", text: "the U.S. Army", after: "U.S.", forward: false, expected: true),
        Case(pattern: "([A-Z]\\.){2,}", text: "the S. Army", after: "S.", forward: false, expected: false),
        Case(pattern: "(?<=œ)uf", text: "bœuf", after: "bœ", forward: true, expected: true),
        Case(pattern: "(?<!œ)uf", text: "bœuf", after: "bœ", forward: true, expected: false),
        Case(pattern: "\\.(?=\\s—)", text: "fin. — Oui", after: "fin", forward: true, expected: true),
        Case(pattern: "^Le", text: "Le chat", after: "", forward: true, expected: true),
        Case(pattern: "chat$", text: "Le chat", after: "chat", forward: false, expected: true),
        Case(pattern: "\\u00AB\\x{A0}", text: "dit «\u{A0}oui", after: "dit ", forward: true, expected: true),
        Case(pattern: "\\u00AB\\x{A0}", text: "dit « oui", after: "dit ", forward: true, expected: false),
        Case(pattern: "é{2,3}", text: "ééé!", after: "ééé", forward: false, expected: true),
        Case(pattern: "[\\u0002|'|\"|«|\\)|\\]|\\}¹²³]?\\s+", text: "fin.» Puis", after: "fin.» ", forward: false, expected: true),
        Case(pattern: "\\d+-(:?oz|kc)", text: "8-oz glass", after: "8-oz", forward: false, expected: true),
        Case(pattern: "\\p{Punct}", text: "a;b", after: "a", forward: true, expected: true),
        Case(pattern: "\\p{Punct}", text: "a«b", after: "a", forward: true, expected: false),
    ]

    @Test("matches forward from a position and backward up to it", arguments: cases)
    func matching(_ example: Case) throws {
        let position = example.after.isEmpty ? 0 : offset(after: example.after, in: example.text)
        #expect(position >= 0)
        #expect(try matches(example.pattern, example.text, at: position, forward: example.forward) == example.expected)
    }

    @Test("Java constructs the engine does not run are reported as unsupported, mistakes as invalid", arguments: [
        ("(a)\\1", true), ("a*+", true), ("(?>ab)", true), ("\\p{InGreek}", true), ("\\G", true),
        ("[a-", false), ("(ab", false), ("ab)", false), ("*a", false), ("\\y", false), ("[z-a]", false),
    ])
    func refusals(pattern: String, unsupported: Bool) {
        #expect(throws: RegexSyntaxError.self) { try RegexParser.parse(pattern) }
        do {
            _ = try RegexParser.parse(pattern)
        } catch {
            #expect(error.isUnsupported == unsupported, "\(pattern): \(error.message)")
        }
    }

    @Test("a pathological pattern stops at its step budget instead of hanging")
    func budget() throws {
        let program = try RegexProgram(RegexParser.parse("(a*)*b"))
        var bytes = Array(String(repeating: "a", count: 40).utf8)
        var stack: [Int] = []
        var budget = 10_000
        let found = bytes.withUnsafeMutableBufferPointer { program.matches(forward: true, in: UnsafeBufferPointer($0), at: 0, stack: &stack, budget: &budget) }
        #expect(!found)
        #expect(budget < 0)
    }

    @Test("whole-input patterns (language maps, boilerplate) match all of a string or nothing")
    func wholeInput() throws {
        let pattern = try CompiledPattern("(FR|fr).*", wholeInput: true)
        #expect(pattern.matches("fr_FR"))
        #expect(!pattern.matches("en"))
        let insensitive = try CompiledPattern("laisser un commentaire", caseInsensitive: true, wholeInput: true)
        #expect(insensitive.matches("Laisser un COMMENTAIRE"))
        #expect(!insensitive.matches("Laisser un commentaire ici"))
    }
}
