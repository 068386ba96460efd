/// A sentence of one side of an aligned pair, with the glossary terms found in it.
public struct AlignedSentence: Sendable, Equatable {
    /// The sentence text (normalized when the input was a document).
    public var text: String
    /// 1-based line of the input where the sentence starts.
    public var line: Int
    /// 1-based column (in code points) of the input where the sentence starts.
    public var column: Int
    /// Glossary terms in `text`, in text order.
    public var terms: [SentenceTerm]

    public init(text: String, line: Int, column: Int = 1, terms: [SentenceTerm] = []) {
        self.text = text
        self.line = line
        self.column = column
        self.terms = terms
    }
}

/// A glossary term found in an aligned sentence.
public struct SentenceTerm: Sendable, Equatable {
    /// What the surface is, for the concept it belongs to.
    public enum Role: String, Sendable, Equatable {
        /// A French form of the concept, in a French sentence.
        case french
        /// The English canonical form (or its short form), in an English sentence.
        case canonical
        /// A form listed in `en_avoid`, in an English sentence.
        case avoided
        /// A French form left as it is in an English sentence.
        case untranslated
    }

    public var conceptID: String
    /// The English canonical form of the concept.
    public var english: String
    public var role: Role
    /// UTF-8 byte offsets of the surface within the sentence text.
    public var range: Range<Int>

    public init(conceptID: String, english: String, role: Role, range: Range<Int>) {
        self.conceptID = conceptID
        self.english = english
        self.role = role
        self.range = range
    }
}
