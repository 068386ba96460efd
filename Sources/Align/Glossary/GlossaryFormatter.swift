/// `aligncli fmt`: one canonical text for a glossary file, keeping every comment and every datum.
///
/// Within each block of consecutive rows (rows not separated by a comment or a blank line), rows
/// are sorted by id, so comment lines can head sections that stay where the author put them.
/// Comments are kept as written (only trailing spaces go), so a commented-out row keeps its tabs.
public enum GlossaryFormatter {
    /// The canonical text of `document`, or `nil` if the file is not safe to rewrite.
    public static func format(_ document: GlossaryDocument) -> String? {
        guard document.isRewritable, document.version != nil else { return nil }
        let columns = GlossaryWriter.canonicalColumns(document.header)
        var out = GlossaryDocument.versionMarker + "\n"
        var block: [Concept] = []
        var previousWasBlank = false
        var safe = true

        func flushBlock() {
            let sorted = block.map(GlossaryWriter.canonical).sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
            for concept in sorted {
                let row = GlossaryWriter.row(concept, columns: columns)
                // A row read back as a comment or a blank line would silently lose its concept.
                if row.hasPrefix("#") || row.allSatisfy({ $0 == " " || $0 == "\t" }) { safe = false }
                out += row + "\n"
            }
            block.removeAll()
        }

        for line in document.lines {
            switch line {
            case .row(let index):
                block.append(document.concepts[index])
                previousWasBlank = false
                continue
            default:
                flushBlock()
            }
            switch line {
            case .comment(let text):
                out += text.trimmingTrailingSpaces() + "\n"
                previousWasBlank = false
            case .blank:
                if !previousWasBlank { out += "\n" }
                previousWasBlank = true
            case .header:
                out += columns.joined(separator: "\t") + "\n"
                previousWasBlank = false
            case .unparsed(let text):
                out += text + "\n"
                previousWasBlank = false
            case .row:
                break
            }
        }
        flushBlock()
        guard safe else { return nil }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var result = self
        while result.last == " " { result.removeLast() }
        return result
    }
}
