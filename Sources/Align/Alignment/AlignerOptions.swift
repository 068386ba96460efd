/// The settings of the sentence aligner. The defaults were tuned once on the four align-gold books
/// (`scripts/align-eval.sh`); they are few on purpose, so that they carry over to other texts.
public struct AlignerOptions: Sendable, Equatable {
    /// Weight of the lexical similarity against the length cost. 0 gives plain Gale–Church.
    public var lexicalWeight = 5.0
    /// Variance per character of the length difference (Gale & Church's s², in their units 6.8;
    /// literary translation varies more).
    public var lengthVariance = 10.0
    /// Half-width of the search band around the diagonal, in sentences, at the first try; the band
    /// doubles while the best path touches its edge.
    public var initialBand = 40
    /// Passes of the aligner: the second and later ones also use a lexicon learned from the links
    /// of the pass before.
    public var passes = 2
    /// A token anchors only when it occurs in at most this share of the sentences (and at most 3):
    /// words on every line say nothing about which line pairs with which.
    public var rareShare = 0.02

    public init() {}

    /// Gale–Church: length only, one pass.
    public static var lengthOnly: AlignerOptions {
        var options = AlignerOptions()
        options.lexicalWeight = 0
        options.passes = 1
        return options
    }
}
