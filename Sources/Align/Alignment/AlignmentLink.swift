/// One link of a sentence alignment: consecutive French sentences paired with consecutive English
/// sentences. Either side may be empty (a sentence the translator dropped or added).
public struct AlignmentLink: Sendable, Hashable {
    /// Indices of the French sentences, 0-based.
    public var french: Range<Int>
    /// Indices of the English sentences, 0-based.
    public var english: Range<Int>
    /// The lexical overlap of the two sides, from 0 (nothing in common, or one side empty) to 1.
    public var score: Double

    public init(french: Range<Int>, english: Range<Int>, score: Double) {
        self.french = french
        self.english = english
        self.score = score
    }

    /// `[0, 1]:[0]`, the form `score.py` and hunalign's ladder tools read.
    public var bracketed: String {
        "[\(french.map(String.init).joined(separator: ", "))]:[\(english.map(String.init).joined(separator: ", "))]"
    }
}
