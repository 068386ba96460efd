extension Unicode.Scalar {
    /// Whether a glossary refuses this character in a cell or column name: C0 and C1 controls,
    /// DEL, and the noncharacters U+FFFE and U+FFFF. None of them has a place in a term, and
    /// the exchange formats could not carry them all (XML 1.0 allows neither C0 controls other
    /// than tab and line ends, nor U+FFFE and U+FFFF), so a glossary holding them could not be
    /// exported and read back unchanged.
    var isRefusedInGlossary: Bool { Self.isRefusedInGlossary(value) }

    /// `isRefusedInGlossary` for a code point read from bytes (the glossary parser's cell check).
    static func isRefusedInGlossary(_ value: UInt32) -> Bool {
        value < 0x20 || (0x7F...0x9F).contains(value) || value == 0xFFFE || value == 0xFFFF
    }
}
