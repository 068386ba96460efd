/// One glossary concept: French forms mapped to one English canonical form.
public struct Concept: Sendable, Codable {
    /// A column that Align does not know, carried along unchanged.
    public struct ExtraField: Sendable, Codable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Where the concept was read from, for diagnostics. Not part of a concept's identity.
    ///
    /// It keeps the row's text and the file's header (shared by all rows) and works out columns
    /// only when a diagnostic asks: loading a 100,000-row glossary must not build per-row tables.
    public struct Origin: Sendable, Codable, Hashable {
        public var file: String
        public var line: Int
        /// Byte offset of the line in the file.
        public var lineByteOffset: Int
        /// The column names of the file's header, and the row as written (tab-separated).
        public var header: [String]
        public var rowText: String

        public init(file: String, line: Int, lineByteOffset: Int = 0, header: [String] = [], rowText: String = "") {
            self.file = file
            self.line = line
            self.lineByteOffset = lineByteOffset
            self.header = header
            self.rowText = rowText
        }

        /// The 1-based column of the cell of `name`, and of each non-empty item of a list cell
        /// (after the white space that trimming removes).
        public func columns(of name: String) -> (cell: Int, items: [Int])? {
            guard let index = header.firstIndex(of: name) else { return nil }
            var column = 1
            for (cellIndex, cell) in rowText.fields(separatedBy: 0x09).enumerated() {
                if cellIndex == index {
                    var items: [Int] = []
                    if GlossaryColumn(rawValue: name)?.isList == true, !cell.utf8.allSatisfy({ $0 == 0x20 }) {
                        var itemColumn = column
                        for raw in cell.fields(separatedBy: 0x7C) {
                            if !raw.trimmingSpaces().isEmpty {
                                items.append(itemColumn + raw.unicodeScalars.prefix(while: \.isHorizontalWhitespace).count)
                            }
                            itemColumn += raw.unicodeScalars.count + 1
                        }
                    }
                    return (column, items)
                }
                column += cell.unicodeScalars.count + 1
            }
            return nil
        }
    }

    /// Stable kebab-case identifier.
    public var id: String
    /// The English canonical form.
    public var english: String
    /// French forms; the first is preferred, the others admitted.
    public var french: [String]
    /// English forms to avoid.
    public var englishAvoid: [String]
    /// French forms that are wrong or deprecated.
    public var frenchAvoid: [String]
    public var flags: GlossaryFlags
    public var note: String
    /// Sentences that must contain a match of this concept.
    public var examples: [String]
    /// Sentences that must not contain a match of this concept.
    public var counterexamples: [String]
    /// Unknown columns, in header order.
    public var extra: [ExtraField]
    public var origin: Origin?

    public init(
        id: String, english: String, french: [String], englishAvoid: [String] = [], frenchAvoid: [String] = [],
        flags: GlossaryFlags = [], note: String = "", examples: [String] = [], counterexamples: [String] = [],
        extra: [ExtraField] = [], origin: Origin? = nil
    ) {
        self.id = id
        self.english = english
        self.french = french
        self.englishAvoid = englishAvoid
        self.frenchAvoid = frenchAvoid
        self.flags = flags
        self.note = note
        self.examples = examples
        self.counterexamples = counterexamples
        self.extra = extra
        self.origin = origin
    }

    /// The preferred French form.
    public var preferredFrench: String { french.first ?? "" }

    /// The location of a cell, or of one item of a list cell.
    public func location(of column: GlossaryColumn, item: Int? = nil) -> SourceLocation? {
        location(ofColumnNamed: column.rawValue, item: item)
    }

    func location(ofColumnNamed name: String, item: Int? = nil) -> SourceLocation? {
        guard let origin else { return nil }
        let columns = origin.columns(of: name)
        var column = columns?.cell ?? 1
        if let item, let items = columns?.items, item < items.count { column = items[item] }
        return SourceLocation(file: origin.file, line: origin.line, column: column)
    }

    /// The value of any column by its header name, as written in a cell.
    public func cellText(forColumn name: String) -> String {
        switch GlossaryColumn(rawValue: name) {
        case .id: id
        case .en: english
        case .fr: french.joined(separator: "|")
        case .enAvoid: englishAvoid.joined(separator: "|")
        case .frAvoid: frenchAvoid.joined(separator: "|")
        case .flags: flags.cellText
        case .note: note
        case .examples: examples.joined(separator: "|")
        case .counterexamples: counterexamples.joined(separator: "|")
        case nil: extra.first { $0.name == name }?.value ?? ""
        }
    }
}

extension Concept: Equatable {
    /// Two concepts are equal when their content is; where they were read from does not count.
    public static func == (lhs: Concept, rhs: Concept) -> Bool {
        lhs.id == rhs.id && lhs.english == rhs.english && lhs.french == rhs.french
            && lhs.englishAvoid == rhs.englishAvoid && lhs.frenchAvoid == rhs.frenchAvoid
            && lhs.flags == rhs.flags && lhs.note == rhs.note && lhs.examples == rhs.examples
            && lhs.counterexamples == rhs.counterexamples && lhs.extra == rhs.extra
    }
}
