/// A regular expression (SRX dialect, see `RegexParser`) ready to test whole strings or to
/// search a line: what language maps and boilerplate rules use.
struct CompiledPattern: Sendable {
    /// The pattern as written.
    let source: String
    let program: RegexProgram
    /// Steps one match may take before it counts as a failure.
    static let stepBudget = 200_000

    /// Compiles `pattern`; with `wholeInput`, a match must run to the end of the text (and it is
    /// always anchored at the start).
    init(_ pattern: String, caseInsensitive: Bool = false, wholeInput: Bool = false) throws(RegexSyntaxError) {
        source = pattern
        var node = try RegexParser.parse(pattern, caseInsensitive: caseInsensitive)
        if wholeInput { node = .sequence([node, .assertion(.inputEnd)]) }
        program = try RegexProgram(node)
    }

    /// Whether the pattern matches at the start of `text` (the whole of it with `wholeInput`).
    func matches(_ text: String) -> Bool {
        var bytes = Array(text.utf8)
        return bytes.withUnsafeMutableBufferPointer { matches(UnsafeBufferPointer($0)) }
    }

    /// Whether the pattern matches at the start of `bytes` (valid UTF-8).
    func matches(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var stack: [Int] = []
        return matches(bytes, stack: &stack)
    }

    /// Whether the pattern matches at the start of `bytes`, with scratch space kept between calls.
    func matches(_ bytes: UnsafeBufferPointer<UInt8>, stack: inout [Int]) -> Bool {
        var budget = Self.stepBudget
        return program.matches(forward: true, in: bytes, at: 0, stack: &stack, budget: &budget)
    }
}
