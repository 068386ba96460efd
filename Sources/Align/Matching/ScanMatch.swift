/// One occurrence found by `TermScanner`, located in the scanned bytes.
public struct ScanMatch: Sendable, Equatable, Hashable {
    /// Index of the glossary form (`CompiledGlossary` entry) that matched, or that a misspelling resembles.
    public var entry: Int32
    /// Byte offset of the surface, elision included.
    public var start: Int
    /// Byte offset of the term itself, after any elision.
    public var termStart: Int
    /// Byte offset just past the surface.
    public var end: Int
    /// 1-based line of `start`.
    public var line: Int
    /// 1-based column of `start`, in code points.
    public var column: Int
    public var kind: MatchKind
}
