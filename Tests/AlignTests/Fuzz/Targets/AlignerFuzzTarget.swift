@testable import Align

/// The sentence aligner, on two texts taken from the input: French, a NUL byte, English; one
/// sentence per line. The first byte picks the settings (the default two passes, the first pass
/// alone, or length only).
///
/// Invariants: links are monotone and cover each sentence of both sides exactly once, with shapes
/// the aligner considers and finite scores; the same input gives the same links.
enum AlignerFuzzTarget {
    static func run(_ data: [UInt8], context: FuzzContext) -> [String] {
        var input = FuzzBytes(data)
        var options = AlignerOptions()
        switch input.choice(3) {
        case 0: break
        case 1: options.passes = 1
        default: options = .lengthOnly
        }
        let parts = input.parts(separatedBy: 0, maxParts: 2)
        let french = sentences(parts[0])
        let english = parts.count > 1 ? sentences(parts[1]) : []
        let aligner = SentenceAligner(options: options)
        let links = aligner.align(french: french, english: english)
        var problems = FuzzInvariants.monotoneCover(links, french: french.count, english: english.count)
        if aligner.align(french: french, english: english) != links { problems.append("aligning twice gave different links") }
        return problems
    }

    static func sentences(_ bytes: ArraySlice<UInt8>) -> [String] {
        bytes.isEmpty ? [] : bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map { FuzzBytes.text($0) }
    }
}
