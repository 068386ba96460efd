import Foundation

/// A French→English word list that gives the sentence aligner lexical anchors.
///
/// Three file formats are read (see `Format`): dictd databases such as Debian's
/// `dict-freedict-fra-eng`, hunalign dictionaries, and two-column TSV. Whatever the format, each
/// side is trimmed, inner runs of spaces become one space, text is put in Unicode NFC, entries
/// with an empty side are dropped and repeated entries are kept once, in file order.
public struct BilingualDictionary: Sendable, Equatable {
    /// One French word or phrase with one English translation of it.
    public struct Entry: Sendable, Hashable {
        /// The French side, as the dictionary spells it (case and hyphens kept).
        public var french: String
        /// One English translation.
        public var english: String

        /// Creates an entry; the strings are taken as they are.
        public init(french: String, english: String) {
            self.french = french
            self.english = english
        }
    }

    /// The dictionary file formats `load(path:)` recognizes.
    public enum Format: String, Sendable, CaseIterable {
        /// A dictd database: `NAME.index` (`headword<TAB>offset<TAB>length`, numbers in dictd's
        /// base64) beside `NAME.dict.dz` (dictzip, that is gzip) or `NAME.dict`.
        case dictd
        /// hunalign's dictionary: one `english @ french` pair per line.
        case hunalign
        /// `french<TAB>english` per line; blank lines and `#` comment lines are ignored.
        case tsv
    }

    /// The entries, in file order, without duplicates when read from a file.
    public var entries: [Entry]

    /// A dictionary of `entries`, kept as given.
    public init(entries: [Entry]) {
        self.entries = entries
    }

    // MARK: - Loading

    /// Reads `path`, detecting the format with `format(ofPath:contents:)`; for a dictd database
    /// the path may name the `.index`, the `.dict.dz` or the `.dict` file, and the sibling is found.
    ///
    /// - Throws: `AlignError.missingInput` when a file is missing, `AlignError.badInput` when a
    ///   file is unusable, with a message naming the file and the line (`file:line: …`) or the byte
    ///   offset.
    public static func load(path: String) throws -> BilingualDictionary {
        if format(ofPath: path, contents: []) == .dictd {
            let files = try dictdFiles(for: path)
            let index = try InputFiles.read(files.index)
            let data = try InputFiles.read(files.data)
            return try parseDictd(index: index, data: data, indexPath: files.index, dataPath: files.data)
        }
        var bytes = try InputFiles.read(path)
        if Inflate.isGzip(bytes) { bytes = try gunzip(bytes, path: path) }
        return try parse(bytes, path: path)
    }

    /// The format of a dictionary file: dictd by name (`.index`, `.dict`, `.dict.dz`, in any
    /// case); otherwise hunalign when the first line that is neither blank nor a `#` comment
    /// contains ` @ `; otherwise TSV.
    public static func format(ofPath path: String, contents: [UInt8]) -> Format {
        let name = path.lowercased()
        if name.hasSuffix(".index") || name.hasSuffix(".dict") || name.hasSuffix(".dict.dz") { return .dictd }
        for line in contents.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: true) {
            let text = String(decoding: line, as: UTF8.self)
            let content = text.drop { $0 == " " || $0 == "\t" || $0 == "\u{FEFF}" }
            if content.isEmpty || content.first == "#" || content == "\r" { continue }
            return text.contains(" @ ") ? .hunalign : .tsv
        }
        return .tsv
    }

    /// The index and data files of the dictd database `path` names (its `.index`, `.dict.dz` or
    /// `.dict` file). The named file must exist; a data file is looked for as `.dict.dz`, then `.dict`.
    static func dictdFiles(for path: String) throws -> (index: String, data: String) {
        let exists = { (candidate: String) in FileManager.default.fileExists(atPath: candidate) }
        guard exists(path) else { throw AlignError.missingInput("\(path): no such file or directory") }
        let name = path.lowercased()
        if name.hasSuffix(".index") {
            let base = String(path.dropLast(".index".count))
            for data in [base + ".dict.dz", base + ".dict"] where exists(data) { return (path, data) }
            throw AlignError.missingInput(
                "\(base).dict.dz: no such file or directory (nor \(base).dict): the data of the dictd index \(path)")
        }
        let base = String(path.dropLast(name.hasSuffix(".dict.dz") ? ".dict.dz".count : ".dict".count))
        let index = base + ".index"
        guard exists(index) else {
            throw AlignError.missingInput("\(index): no such file or directory: the index of the dictd data \(path)")
        }
        return (index, path)
    }

    private static func gunzip(_ bytes: [UInt8], path: String) throws -> [UInt8] {
        do {
            return try Inflate.gunzip(bytes)
        } catch let error as Inflate.DecodingError {
            throw AlignError.badInput("\(path): corrupt gzip data: \(error)")
        }
    }

    // MARK: - Parsing

    /// Parses a hunalign or TSV dictionary, told apart as `format(ofPath:contents:)` does;
    /// `path` is only used in error messages.
    public static func parse(_ bytes: [UInt8], path: String) throws -> BilingualDictionary {
        switch format(ofPath: "", contents: bytes) {
        case .hunalign: try parseHunalign(bytes, path: path)
        case .tsv, .dictd: try parseTSV(bytes, path: path)
        }
    }

    /// Parses `french<TAB>english` lines; blank lines and lines whose first non-blank character
    /// is `#` are ignored, and a line without exactly one tab is an error.
    public static func parseTSV(_ bytes: [UInt8], path: String) throws -> BilingualDictionary {
        var collector = EntryCollector()
        for (number, line) in try lines(of: bytes, path: path) where !isBlankOrComment(line) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw lineError(
                    path, number,
                    fields.count == 1
                        ? "expected 'french<TAB>english', found no tab"
                        : "expected 'french<TAB>english', found \(fields.count) tab-separated fields")
            }
            collector.add(french: clean(fields[0]), english: clean(fields[1]))
        }
        return BilingualDictionary(entries: collector.entries)
    }

    /// Parses hunalign's `english @ french` lines (English first, as hunalign's `-hu`/`-en`
    /// dictionaries put the target language first); blank and `#` comment lines are ignored.
    public static func parseHunalign(_ bytes: [UInt8], path: String) throws -> BilingualDictionary {
        var collector = EntryCollector()
        for (number, line) in try lines(of: bytes, path: path) where !isBlankOrComment(line) {
            // Padded, so that a side left empty ("work @") still has its separator.
            let sides = (" " + line + " ").components(separatedBy: " @ ")
            guard sides.count == 2 else {
                throw lineError(
                    path, number,
                    sides.count == 1 ? "expected 'english @ french', found no ' @ '" : "expected 'english @ french', found ' @ ' \(sides.count - 1) times")
            }
            collector.add(french: clean(sides[1][...]), english: clean(sides[0][...]))
        }
        return BilingualDictionary(entries: collector.entries)
    }

    /// Parses a dictd database from its index and its data (`data` may be gzip or dictzip, as in
    /// a `.dict.dz` file). Index entries whose headword starts with `00database` or
    /// `00-database` (the database's own information) are skipped.
    ///
    /// Each entry body is read as FreeDict writes it: a first line repeating the headword, maybe
    /// followed by `/ipa/` and `<part of speech>`, then one sense per line, maybe numbered `N. `,
    /// holding comma-separated translations. The French side is the headword of that first line
    /// (the index holds a folded search key: `quatrevingtdix` for `quatre-vingt-dix`). Bracketed
    /// domain labels (`[cul]`) and parenthesised notes (`(female) duck`) are dropped; indented
    /// lines are examples or explanations under a sense, not translations, and are skipped.
    public static func parseDictd(index: [UInt8], data: [UInt8], indexPath: String, dataPath: String) throws -> BilingualDictionary {
        let data = Inflate.isGzip(data) ? try gunzip(data, path: dataPath) : data
        var collector = EntryCollector()
        for (number, line) in try lines(of: index, path: indexPath) where !line.isEmpty {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3 || fields.count == 4 else {
                throw lineError(indexPath, number, "expected 'headword<TAB>offset<TAB>length', found \(fields.count) tab-separated fields")
            }
            let headword = fields[0]
            if headword.hasPrefix("00database") || headword.hasPrefix("00-database") { continue }
            let offset = try dictdNumber(fields[1], path: indexPath, line: number)
            let length = try dictdNumber(fields[2], path: indexPath, line: number)
            guard offset <= data.count, length <= data.count - offset else {
                throw lineError(
                    indexPath, number,
                    "the entry '\(headword)' (bytes \(offset)..<\(offset + length)) runs past the end of \(dataPath) (\(data.count) bytes\(dataPath.lowercased().hasSuffix(".dz") ? " uncompressed" : ""))")
            }
            let body = data[offset..<offset + length]
            if let bad = UTF8Validation.firstInvalidOffset(in: body) {
                throw AlignError.badInput(
                    "\(dataPath): invalid UTF-8 at byte offset \(offset + bad)\(dataPath.lowercased().hasSuffix(".dz") ? " of the uncompressed data" : "") (entry '\(headword)', \(indexPath):\(number))")
            }
            addDictdBody(String(decoding: body, as: UTF8.self), indexHeadword: headword, to: &collector)
        }
        return BilingualDictionary(entries: collector.entries)
    }

    /// The entries of one dictd body (see `parseDictd`).
    private static func addDictdBody(_ body: String, indexHeadword: Substring, to collector: inout EntryCollector) {
        var lines = body.split(separator: "\n", omittingEmptySubsequences: false)[...]
        var french = clean(dictdHeadword(lines.popFirst() ?? ""))
        if french.isEmpty { french = clean(indexHeadword) }
        for line in lines {
            guard let first = line.first, first != " ", first != "\t" else { continue }
            for translation in removingNotes(droppingSenseNumber(line)).split(separator: ",") {
                collector.add(french: french, english: clean(translation))
            }
        }
    }

    /// The headword of a dictd headword line `headword [/ipa/] [<pos>]`.
    static func dictdHeadword(_ line: Substring) -> Substring {
        var text = line.trimmingSuffix { $0 == " " || $0 == "\r" }
        if text.hasSuffix(">"), let open = text.range(of: " <", options: .backwards) {
            text = text[..<open.lowerBound]
        }
        if text.hasSuffix("/"), let open = text.range(of: " /") {
            text = text[..<open.lowerBound]
        }
        return text
    }

    /// `line` without a leading sense number `N.` (followed by a space or nothing).
    private static func droppingSenseNumber(_ line: Substring) -> Substring {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return line }
        let rest = line[digits.endIndex...]
        guard rest.first == ".", rest.dropFirst().first.map({ $0 == " " || $0 == "\r" }) ?? true else { return line }
        return rest.dropFirst()
    }

    /// `text` without `[label]` and `(note)` groups; an unclosed bracket is kept as text.
    static func removingNotes(_ text: Substring) -> Substring {
        guard text.contains(where: { $0 == "(" || $0 == "[" }) else { return text }
        var result = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "(" || character == "[",
                let close = text[index...].firstIndex(of: character == "(" ? ")" : "]")
            {
                // A space, so that "(bul)rush" leaves "rush" and "a (b) c" leaves "a c" once cleaned.
                result.append(" ")
                index = text.index(after: close)
            } else {
                result.append(character)
                index = text.index(after: index)
            }
        }
        return result[...]
    }

    /// The value of a dictd base64 number: digits `A-Za-z0-9+/`, most significant first.
    private static func dictdNumber(_ digits: Substring, path: String, line: Int) throws -> Int {
        // 10 digits are 60 bits: any more would not fit an offset we could read anyway.
        guard !digits.isEmpty, digits.utf8.count <= 10 else {
            throw lineError(path, line, "'\(digits)' is not a dictd base64 number (1 to 10 digits)")
        }
        var value = 0
        for byte in digits.utf8 {
            let digit: Int
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): digit = Int(byte - UInt8(ascii: "A"))
            case UInt8(ascii: "a")...UInt8(ascii: "z"): digit = Int(byte - UInt8(ascii: "a")) + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = Int(byte - UInt8(ascii: "0")) + 52
            case UInt8(ascii: "+"): digit = 62
            case UInt8(ascii: "/"): digit = 63
            default: throw lineError(path, line, "'\(digits)' is not a dictd base64 number (digits are A-Z, a-z, 0-9, + and /)")
            }
            value = value << 6 | digit
        }
        return value
    }

    // MARK: - Lines and text

    /// The lines of `bytes` with their 1-based numbers, without line terminators (`\n` or `\r\n`)
    /// or a leading byte order mark; throws when the bytes are not UTF-8.
    private static func lines(of bytes: [UInt8], path: String) throws -> [(number: Int, text: String)] {
        if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            let line = bytes[..<bad].count(where: { $0 == UInt8(ascii: "\n") }) + 1
            throw lineError(path, line, "invalid UTF-8 at byte offset \(bad)")
        }
        var result: [(number: Int, text: String)] = []
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            var text = line[...]
            if text.last == UInt8(ascii: "\r") { text = text.dropLast() }
            var string = String(decoding: text, as: UTF8.self)
            if index == 0 && string.hasPrefix("\u{FEFF}") { string.removeFirst() }
            result.append((index + 1, string))
        }
        if result.last?.text.isEmpty == true { result.removeLast() }
        return result
    }

    private static func isBlankOrComment(_ line: String) -> Bool {
        let content = line.drop { $0 == " " || $0 == "\t" }
        return content.isEmpty || content.first == "#"
    }

    /// `text` trimmed, with runs of spaces and tabs made one space, in NFC.
    static func clean(_ text: Substring) -> String {
        let joined = text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).joined(separator: " ")
        return joined.utf8.allSatisfy { $0 < 0x80 } ? joined : joined.precomposedStringWithCanonicalMapping
    }

    private static func lineError(_ path: String, _ line: Int, _ message: String) -> AlignError {
        AlignError.badInput("\(path):\(line): \(message)")
    }

    /// Entries in first-seen order, each once, none with an empty side.
    private struct EntryCollector {
        var entries: [Entry] = []
        var seen: Set<Entry> = []

        mutating func add(french: String, english: String) {
            guard !french.isEmpty, !english.isEmpty else { return }
            let entry = Entry(french: french, english: english)
            if seen.insert(entry).inserted { entries.append(entry) }
        }
    }
}

extension Substring {
    /// The substring without trailing characters that satisfy `predicate`.
    fileprivate func trimmingSuffix(while predicate: (Character) -> Bool) -> Substring {
        var end = endIndex
        while end > startIndex, predicate(self[index(before: end)]) { end = index(before: end) }
        return self[startIndex..<end]
    }
}
