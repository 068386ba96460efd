extension AlignmentWriter {
    /// A run of a sentence's text: plain text, or the surface of a glossary term.
    struct TextPiece: Equatable {
        var text: String
        var term: SentenceTerm?
    }

    /// `sentence.text` cut at its terms, in text order.
    ///
    /// Term ranges are UTF-8 byte offsets, so the text is sliced as bytes. A term is left unmarked
    /// (its text kept as plain text) when its range is empty, falls outside the text, overlaps an
    /// earlier term, or cuts a UTF-8 sequence: the ranges come from another stage, and one bad
    /// range must cost a highlight, not the output.
    static func pieces(of sentence: AlignedSentence) -> [TextPiece] {
        guard !sentence.terms.isEmpty else { return [TextPiece(text: sentence.text)] }
        let bytes = Array(sentence.text.utf8)
        func isBoundary(_ offset: Int) -> Bool {
            offset == bytes.count || bytes[offset] & 0xC0 != 0x80
        }
        func text(_ range: Range<Int>) -> String {
            String(decoding: bytes[range], as: UTF8.self)
        }
        // Stable by start, so that of two terms at the same offset the first listed wins.
        let ordered = sentence.terms.enumerated().sorted { ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset) }
        var result: [TextPiece] = []
        var cursor = 0
        for (_, term) in ordered {
            let range = term.range
            guard !range.isEmpty, range.lowerBound >= cursor, range.upperBound <= bytes.count,
                isBoundary(range.lowerBound), isBoundary(range.upperBound)
            else { continue }
            if cursor < range.lowerBound { result.append(TextPiece(text: text(cursor..<range.lowerBound))) }
            result.append(TextPiece(text: text(range), term: term))
            cursor = range.upperBound
        }
        if cursor < bytes.count { result.append(TextPiece(text: text(cursor..<bytes.count))) }
        return result
    }

    /// One glossary concept found in an aligned pair, with its surfaces on each side.
    struct PairConcept: Equatable {
        var id: String
        /// The English canonical form, as the first term of the concept gives it.
        var canonical: String
        /// Distinct French surfaces in the French sentences, in text order.
        var frenchSurfaces: [String] = []
        /// Distinct surfaces in the English sentences with their role, in text order.
        var englishSurfaces: [(surface: String, role: SentenceTerm.Role)] = []

        static func == (lhs: PairConcept, rhs: PairConcept) -> Bool {
            lhs.id == rhs.id && lhs.canonical == rhs.canonical && lhs.frenchSurfaces == rhs.frenchSurfaces
                && lhs.englishSurfaces.map(\.surface) == rhs.englishSurfaces.map(\.surface)
                && lhs.englishSurfaces.map(\.role) == rhs.englishSurfaces.map(\.role)
        }

        /// A French form to show for the concept: one found in the French text, else one left
        /// untranslated in the English text, else nil.
        var frenchSurface: String? {
            frenchSurfaces.first ?? englishSurfaces.first { $0.role == .untranslated }?.surface
        }
    }

    /// The concepts of the terms of a pair, each once: French side first, in text order, then
    /// concepts found only in the English sentences. Only terms that `pieces(of:)` marks count.
    static func concepts(french: ArraySlice<AlignedSentence>, english: ArraySlice<AlignedSentence>) -> [PairConcept] {
        var result: [PairConcept] = []
        var position: [String: Int] = [:]
        func add(_ term: SentenceTerm, surface: String, english isEnglish: Bool) {
            let index: Int
            if let known = position[term.conceptID] {
                index = known
            } else {
                index = result.count
                position[term.conceptID] = index
                result.append(PairConcept(id: term.conceptID, canonical: term.english))
            }
            if isEnglish {
                if !result[index].englishSurfaces.contains(where: { $0.surface == surface && $0.role == term.role }) {
                    result[index].englishSurfaces.append((surface, term.role))
                }
            } else if !result[index].frenchSurfaces.contains(surface) {
                result[index].frenchSurfaces.append(surface)
            }
        }
        for (sentences, isEnglish) in [(french, false), (english, true)] {
            for sentence in sentences {
                for piece in pieces(of: sentence) {
                    if let term = piece.term { add(term, surface: piece.text, english: isEnglish) }
                }
            }
        }
        return result
    }
}
