/// One sentence of the normalized corpus, with its provenance: the document, the byte range it
/// came from in the original file, and every change made to those bytes.
public struct NormalizedSegment: Sendable, Equatable {
    /// A change inside the segment, in original-file coordinates.
    public struct Edit: Sendable, Equatable {
        /// Bytes of the original file that were replaced (empty for an insertion).
        public var original: Range<Int>
        /// What replaced them.
        public var replacement: String
        public var kind: TextEdit.Kind
    }

    /// A glossary term found in the segment.
    public struct Term: Sendable, Equatable {
        /// The concept's id and English canonical form.
        public var conceptID: String
        public var english: String
        /// The glossary file the concept comes from (for the XLIFF glossary entry).
        public var glossaryFile: String
        /// Byte range of the surface in `source`, elision included (`l'OTAN`).
        public var surface: Range<Int>
        /// Byte range of the term itself in `source`, after any elision (`OTAN`).
        public var term: Range<Int>
        /// Byte range of the term itself in the original file.
        public var original: Range<Int>
        /// Whether `.txt` shows the term with its canonical form (`Koursk ⟨Kursk⟩`): false when
        /// the surface is already the canonical form or is already annotated.
        public var isAnnotated: Bool
    }

    /// 1-based position in the document.
    public var index: Int
    /// 1-based line of the original file.
    public var line: Int
    /// 1-based paragraph (kept line) the segment belongs to.
    public var paragraph: Int
    /// Byte range in the original file: applying `edits` to these bytes and trimming white space
    /// gives `source`.
    public var original: Range<Int>
    /// The normalized French.
    public var source: String
    /// What the `.txt` output shows: `source` with terms annotated or replaced, as asked.
    public var text: String
    public var edits: [Edit]
    public var terms: [Term]
}
