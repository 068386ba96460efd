import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed XML element: just what the TBX reader needs, as a value.
struct XMLTree: Sendable {
    /// The local name (`administrativeStatus` for `<min:administrativeStatus>`).
    var name: String
    /// The namespace URI, empty when there is none.
    var namespace: String
    /// Attributes by qualified name (`xml:lang`, `type`).
    var attributes: [String: String]
    var children: [XMLTree] = []
    /// All character data inside the element, child elements' included, in document order.
    var text = ""
    /// Where the start tag ends (what `XMLParser` reports), 1-based.
    var line: Int
    var column: Int

    /// `xml:lang`, lower-cased (also accepted without its prefix, as some tools write it).
    var language: String? {
        (attributes["xml:lang"] ?? attributes["lang"])?.lowercased()
    }

    /// The result of parsing a document.
    enum ParseResult: Sendable {
        case document(XMLTree)
        /// The document is not well-formed; `code` is the libxml2 / `XMLParser.ErrorCode` number.
        case malformed(code: Int, line: Int, column: Int)
        /// The parser met an entity declaration (the prolog scan should have caught it first).
        case entityDeclaration(line: Int, column: Int)
        /// A UTF-8 document (as declared, or by default) with invalid UTF-8 at byte `offset`.
        case invalidUTF8(offset: Int, line: Int, column: Int)
        /// The XML declaration names an encoding other than UTF-8, Latin-1 and Windows-1252.
        case unsupportedEncoding(String)
        /// Elements nested deeper than `maximumDepth`, at the start tag that went too deep.
        case tooDeep(line: Int, column: Int)
    }

    /// The deepest element nesting Align reads (TBX needs 6 levels, SRX 5). Deeper documents are
    /// refused: the tree is a value type that is built, read and freed recursively, so a file of
    /// 100,000 nested elements would otherwise overflow the stack.
    static let maximumDepth = 64

    /// Parses `bytes` with `XMLParser`: namespaces processed, external entities never resolved.
    static func parse(_ bytes: [UInt8]) -> ParseResult {
        // FoundationXML traps on invalid UTF-8 inside a tag name (it builds a `String` without
        // checking what libxml2 passes on), and on names libxml2 transcoded from an encoding it
        // guessed. So it only ever sees valid UTF-8: Latin-1 and Windows-1252 documents are decoded
        // here (one character per byte, so lines and columns do not move) and relabelled.
        let prolog = XMLProlog(bytes)
        var text = bytes
        if !prolog.isUTF8 {
            guard let encoding = prolog.singleByteEncoding, let declared = prolog.declaredEncoding else {
                return .unsupportedEncoding(prolog.declaredEncoding ?? "")
            }
            text = encoding.decodeToUTF8(bytes)
            if let label = text.firstRange(of: Array(declared.utf8)) {
                text.replaceSubrange(label, with: Array("UTF-8".utf8))
            }
        } else if let bad = UTF8Validation.firstInvalidOffset(in: bytes) {
            let position = LineIndex(bytes: bytes).position(ofByte: bad)
            return .invalidUTF8(offset: bad, line: position.line, column: position.column)
        }
        let placeholders = placeholderPositions(text)
        let lineIndex = placeholders.isEmpty ? nil : LineIndex(bytes: text)
        let positions = PositionMap(lines: placeholders.map { lineIndex!.position(ofByte: $0) }, text: text)
        text = inserting(placeholders, into: text)
        let parser = XMLParser(data: Data(text))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder(positions: positions)
        parser.delegate = builder
        let succeeded = parser.parse()
        if let (line, column) = builder.entityDeclaration {
            return .entityDeclaration(line: line, column: column)
        }
        if let (line, column) = builder.tooDeep { return .tooDeep(line: line, column: column) }
        // `parse()` returns true on Linux even after an error: the delegate's report is what counts.
        if let error = builder.error { return .malformed(code: error.code, line: error.line, column: error.column) }
        guard succeeded, let root = builder.root else {
            let code = (parser.parserError as NSError?)?.code ?? 0
            let (line, column) = positions.original(parser.lineNumber, parser.columnNumber)
            return .malformed(code: code, line: line, column: column)
        }
        return .document(root)
    }

    /// `bytes` with a placeholder in every processing instruction that has no data (`<?target?>`
    /// becomes `<?target _?>`): FoundationXML calls `strlen` on the missing data and crashes.
    /// Align ignores processing instructions, so the placeholder changes nothing it reads; the
    /// positions the parser reports are mapped back (`PositionMap`).
    static func withDataInProcessingInstructions(_ bytes: [UInt8]) -> [UInt8] {
        inserting(placeholderPositions(bytes), into: bytes)
    }

    /// `bytes` with ` _` inserted at each of `positions` (ascending).
    static func inserting(_ positions: [Int], into bytes: [UInt8]) -> [UInt8] {
        guard !positions.isEmpty else { return bytes }
        var out = bytes
        for position in positions.reversed() { out.insert(contentsOf: [0x20, UInt8(ascii: "_")], at: position) }
        return out
    }

    /// Where processing instructions without data end their target: every `<?` outside comments
    /// and CDATA counts (the XML declaration at the very start is not one, `<?xml?>` elsewhere is).
    static func placeholderPositions(_ bytes: [UInt8]) -> [Int] {
        func matches(_ index: Int, _ literal: StaticString) -> Bool {
            let count = literal.utf8CodeUnitCount
            return index + count <= bytes.count
                && literal.withUTF8Buffer { bytes[index..<(index + count)].elementsEqual($0) }
        }
        func end(of terminator: StaticString, from index: Int) -> Int {
            var index = index
            while index < bytes.count, !matches(index, terminator) { index += 1 }
            return min(bytes.count, index + terminator.utf8CodeUnitCount)
        }
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        var insertions: [Int] = []
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else {
                index += 1
                continue
            }
            if matches(index, "<!--") {
                index = end(of: "-->", from: index + 4)
            } else if matches(index, "<![CDATA[") {
                index = end(of: "]]>", from: index + 9)
            } else if matches(index, "<?") {
                var targetEnd = index + 2
                while targetEnd < bytes.count, !isSpace(bytes[targetEnd]), !matches(targetEnd, "?>") { targetEnd += 1 }
                var dataStart = targetEnd
                while dataStart < bytes.count, isSpace(bytes[dataStart]) { dataStart += 1 }
                let atStart = index == 0 || (index == 3 && bytes.starts(with: [0xEF, 0xBB, 0xBF]))
                let isDeclaration = atStart && bytes[(index + 2)..<targetEnd].elementsEqual("xml".utf8)
                if matches(dataStart, "?>"), !isDeclaration { insertions.append(targetEnd) }
                // Not past the `?>`: after an invalid character libxml2 gives up on a processing
                // instruction and finds the next `<?` inside it.
                index = targetEnd
            } else {
                index += 1
            }
        }
        return insertions
    }

    /// A short, lower-case description of an `XMLParser` error code.
    static func describe(errorCode code: Int) -> String {
        switch code {
        case 4: "the document is empty"
        case 5: "the document ends too early, or has content after the root element"
        case 6, 7, 8: "invalid character reference"
        case 9: "a character that XML does not allow"
        case 23, 25: "an entity or character reference without its ';'"
        case 26, 27: "undeclared entity (only &amp; &lt; &gt; &quot; &apos; and character references are allowed)"
        case 31, 32, 79, 81: "unsupported or wrong encoding"
        case 38: "'<' inside an attribute value"
        case 39, 40, 41: "malformed attribute"
        case 42: "an attribute appears twice on one element"
        case 45: "unterminated comment"
        case 61: "unterminated DOCTYPE declaration"
        case 63: "unterminated CDATA section"
        case 64: "XML declaration not at the start of the document"
        case 68: "a name is expected"
        case 73: "'>' expected"
        case 76: "closing tag does not match the open element"
        case 77: "unterminated tag"
        case 85: "elements are not well balanced"
        case 86: "content after the root element"
        case 201, 202, 203: "undeclared namespace prefix"
        default: "not well-formed"
        }
    }
}

/// Builds an `XMLTree` from `XMLParser` events. A class because `XMLParserDelegate` requires one;
/// it lives only for one `XMLTree.parse` call.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    let positions: PositionMap

    init(positions: PositionMap) { self.positions = positions }

    /// Where the parser is, in the document as given.
    func position(_ parser: XMLParser) -> (line: Int, column: Int) { positions.original(parser.lineNumber, parser.columnNumber) }

    var stack: [XMLTree] = []
    var root: XMLTree?
    var error: (code: Int, line: Int, column: Int)?
    var entityDeclaration: (line: Int, column: Int)?
    var tooDeep: (line: Int, column: Int)?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        guard stack.count < XMLTree.maximumDepth else {
            if tooDeep == nil { tooDeep = position(parser) }
            parser.abortParsing()
            return
        }
        stack.append(
            XMLTree(
                name: elementName, namespace: namespaceURI ?? "", attributes: attributes,
                line: position(parser).line, column: position(parser).column))
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        guard let element = stack.popLast() else { return }
        if stack.isEmpty {
            root = element
        } else {
            stack[stack.count - 1].text += element.text
            stack[stack.count - 1].children.append(element)
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if !stack.isEmpty { stack[stack.count - 1].text += string }
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        if !stack.isEmpty { stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self) }
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuseEntity(parser)
    }

    func parser(_ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?) {
        refuseEntity(parser)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
        // Later errors are usually consequences of the first.
        if error == nil, entityDeclaration == nil, tooDeep == nil {
            let (line, column) = position(parser)
            error = ((parseError as NSError).code, line, column)
        }
    }

    private func refuseEntity(_ parser: XMLParser) {
        if entityDeclaration == nil { entityDeclaration = position(parser) }
        parser.abortParsing()
    }
}

/// Maps positions in the text the parser saw (with placeholders inserted) back to the document:
/// two columns fewer for each placeholder earlier on the same line, and never past the line's end.
struct PositionMap: Sendable {
    /// Line and column of each placeholder, in the original text.
    let placeholders: [(line: Int, column: Int)]
    /// The length in columns (code points) of each line of the original text, plus one.
    let lineEnds: [Int]

    init(lines placeholders: [(line: Int, column: Int)], text: [UInt8]) {
        self.placeholders = placeholders
        var ends = [1]
        for byte in text {
            if byte == 0x0A { ends.append(1) } else if byte & 0xC0 != 0x80 { ends[ends.count - 1] += 1 }
        }
        lineEnds = ends
    }

    func original(_ line: Int, _ column: Int) -> (line: Int, column: Int) {
        let line = min(max(1, line), lineEnds.count)
        var column = max(1, column)
        for placeholder in placeholders where placeholder.line == line && placeholder.column < column {
            column = max(placeholder.column, column - 2)
        }
        return (line, min(column, lineEnds[line - 1]))
    }
}
