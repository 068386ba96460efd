/// A place in the corpus, ordered as the corpus is read: document, line, column.
struct CorpusPosition: Sendable, Hashable, Comparable {
    var document: Int
    var line: Int
    var column: Int

    static func < (lhs: CorpusPosition, rhs: CorpusPosition) -> Bool {
        (lhs.document, lhs.line, lhs.column) < (rhs.document, rhs.line, rhs.column)
    }
}
