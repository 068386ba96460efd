@testable import Align

/// The matcher, on a glossary and a text both taken from the input: the glossary part, a NUL
/// byte, then the text. Each glossary line is a concept: optional flag marks (`=` exact, `^`
/// case-sensitive), French forms separated by `|`, then optionally a tab and avoided forms.
///
/// Invariants: the fast scanner finds exactly what the reference matcher (`TermMatcher`) finds;
/// with near misses on, matches are in order, never overlap, start and end on character
/// boundaries inside the text, have the term inside the surface, and report the line and column
/// (in code points) of their first byte.
enum MatcherFuzzTarget {
    static func run(_ data: [UInt8], context: FuzzContext) -> [String] {
        let parts = FuzzBytes(data).parts(separatedBy: 0, maxParts: 2)
        let concepts = glossary(FuzzBytes.text(parts[0]))
        let text = parts.count > 1 ? FuzzBytes.text(parts[1]) : ""
        let compiled = CompiledGlossary(concepts: concepts)

        var problems: [String] = []
        let plain = TermScanner(glossary: compiled, detectsNearMisses: false).scan(text)
        let entries = compiled.entries
        let fastView = plain.map { "\($0.start)-\($0.end)@\($0.termStart) \(compiled.form(of: entries[Int($0.entry)])) #\(entries[Int($0.entry)].conceptIndex) \($0.kind)" }
        let reference = TermMatcher(concepts: concepts).occurrences(in: text)
        let referenceView = reference.map { "\($0.start)-\($0.end)@\($0.termStart) \($0.form) #\($0.conceptIndex) \($0.kind)" }
        if fastView != referenceView {
            problems.append("scanner and reference matcher disagree:\n  fast:      \(fastView)\n  reference: \(referenceView)")
        }
        for detects in [false, true] {
            let matches = detects ? TermScanner(glossary: compiled, detectsNearMisses: true).scan(text) : plain
            problems += rangeProblems(matches, text: Array(text.utf8), entryCount: entries.count)
        }
        // The shipped glossary on the same text: the same invariants.
        problems += rangeProblems(context.shippedScanner.scan(text), text: Array(text.utf8), entryCount: context.shippedGlossary.entries.count)
        return problems
    }

    /// Concepts from the glossary part of the input.
    static func glossary(_ text: String) -> [Concept] {
        var concepts: [Concept] = []
        for (index, line) in text.split(separator: "\n").enumerated() {
            var rest = Substring(line)
            var flags: GlossaryFlags = []
            while let first = rest.first, first == "=" || first == "^" {
                flags.insert(first == "=" ? .exact : .caseSensitive)
                rest = rest.dropFirst()
            }
            let cells = rest.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            let french = cells[0].split(separator: "|").map(String.init)
            let avoid = cells.count > 1 ? cells[1].split(separator: "|").map(String.init) : []
            guard !french.isEmpty else { continue }
            concepts.append(Concept(id: "c\(index)", english: "E\(index)", french: french, frenchAvoid: avoid, flags: flags))
        }
        return concepts
    }

    static func rangeProblems(_ matches: [ScanMatch], text: [UInt8], entryCount: Int) -> [String] {
        var problems: [String] = []
        var previousEnd = 0
        for match in matches {
            let place = "match \(match.start)..<\(match.end) (\(match.kind))"
            guard match.entry >= 0, Int(match.entry) < entryCount else { problems.append("\(place): entry \(match.entry) of \(entryCount)"); continue }
            guard match.start >= previousEnd, match.start <= match.termStart, match.termStart < match.end, match.end <= text.count else {
                problems.append("\(place): term at \(match.termStart), after \(previousEnd), in \(text.count) bytes")
                continue
            }
            previousEnd = match.end
            for offset in [match.start, match.termStart, match.end] where offset < text.count && text[offset] & 0xC0 == 0x80 {
                problems.append("\(place): offset \(offset) is inside a character")
            }
            let before = text[..<match.start]
            let line = 1 + before.lazy.filter { $0 == 0x0A }.count
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = 1 + text[lineStart..<match.start].lazy.filter { $0 & 0xC0 != 0x80 }.count
            if match.line != line || match.column != column {
                problems.append("\(place): reported at \(match.line):\(match.column), the text says \(line):\(column)")
            }
        }
        return problems
    }
}
