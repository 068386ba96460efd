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
        /// The column names of the file's header.
        public var header: [String]
        /// The row as written (tab-separated).
        public var rowText: String {
            get { row.text }
            set { row = RowText(newValue) }
        }
        private var row: RowText

        public init(file: String, line: Int, lineByteOffset: Int = 0, header: [String] = [], rowText: String = "") {
            self.init(file: file, line: line, lineByteOffset: lineByteOffset, header: header, row: RowText(rowText))
        }

        init(file: String, line: Int, lineByteOffset: Int, header: [String], row: RowText) {
            self.file = file
            self.line = line
            self.lineByteOffset = lineByteOffset
            self.header = header
            self.row = row
        }

        enum CodingKeys: String, CodingKey {
            case file, line, lineByteOffset, header, rowText
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                file: try container.decode(String.self, forKey: .file), line: try container.decode(Int.self, forKey: .line),
                lineByteOffset: try container.decode(Int.self, forKey: .lineByteOffset), header: try container.decode([String].self, forKey: .header),
                rowText: try container.decode(String.self, forKey: .rowText))
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(lineByteOffset, forKey: .lineByteOffset)
            try container.encode(header, forKey: .header)
            try container.encode(rowText, forKey: .rowText)
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

    /// A glossary file's bytes, shared by the origins of its rows.
    final class SharedBytes: Sendable {
        let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    /// A row's text: a string, or the row's bytes in its file (valid UTF-8), made a string only
    /// when asked. Measured reason: a string per row was about a tenth of loading a glossary
    /// (validation, allocation and copy of every row), for text read only by diagnostics.
    struct RowText: Sendable, Hashable {
        private enum Storage: Sendable {
            case text(String)
            case shared(SharedBytes, start: Int, count: Int)
        }

        private let storage: Storage

        init(_ text: String) { storage = .text(text) }

        /// `bytes.bytes[start..<(start + count)]`, which must be valid UTF-8.
        init(shared bytes: SharedBytes, start: Int, count: Int) { storage = .shared(bytes, start: start, count: count) }

        var text: String {
            switch storage {
            case .text(let text): text
            case .shared(let shared, let start, let count): String(decoding: shared.bytes[start..<(start + count)], as: UTF8.self)
            }
        }

        static func == (lhs: RowText, rhs: RowText) -> Bool { lhs.text == rhs.text }
        func hash(into hasher: inout Hasher) { hasher.combine(text) }
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
