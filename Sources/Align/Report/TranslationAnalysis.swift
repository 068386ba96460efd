/// What the report takes from one document and its English translation, computed on a worker
/// thread: the size of the sentence alignment and the term findings of `TermPairChecker`, each
/// placed and quoted already, so nothing of the two texts is kept. The checks that read
/// translations (`missing-canonical`, `untranslated-term`, `avoided-term`) group these.
struct TranslationAnalysis: Sendable {
    /// One finding of `TermPairChecker` in one aligned pair.
    struct Occurrence: Sendable {
        /// `missing-canonical`, `untranslated-term` or `avoided-term`.
        var check: String
        /// Index of the concept in the glossary.
        var concept: Int
        /// What it is about, as written: the English surface (`Koursk`, `Kiev`), or the French
        /// term whose canonical form is missing (`OTAN`).
        var term: String
        /// The English surface; for `missing-canonical`, the start of the English sentence that
        /// lacks the canonical form.
        var location: SourceLocation
        /// The English surface or sentence, then for `missing-canonical` the French term.
        var evidence: [Finding.Evidence]
    }

    /// Index of the French document in the report.
    var document: Int
    var summary: TranslationSummary
    /// In link order.
    var occurrences: [Occurrence]
}
