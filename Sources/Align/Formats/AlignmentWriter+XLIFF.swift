extension AlignmentWriter {
    /// XLIFF 2.1 (`srcLang="fr"`, `trgLang="en"`), valid against the OASIS schemas with the
    /// glossary and metadata modules and the Schematron rules.
    ///
    /// One `<file>` whose id is the French file name (as an XML name token) and whose `original`
    /// is the French path. One `<unit>` per link with a sentence on both sides, `u1`, `u2`…
    /// (numbered as the TMX units are), named after the link (`[0, 1]:[0]`), holding:
    /// - `<gls:glossary>`: one `<gls:glossEntry>` per concept found in the pair, whose `ref`
    ///   points at the concept's first marked term; `<gls:term>` is the French form found in the
    ///   French text (else the one left in the English text, else the glossary's preferred French
    ///   form, else the concept id), its `source` the glossary file and concept id;
    ///   `<gls:translation>` is the English canonical form, and `<gls:definition>` the concept's
    ///   note when `glossary` has one;
    /// - `<mda:metadata>`: the link and its score;
    /// - `<notes>`: one `<note category="align:CHECK" appliesTo="target">` per finding;
    /// - one `<segment>`, whose `<source>` and `<target>` are the sentences of each side joined by
    ///   a space, every term a `<mrk type="term">` pointing at its glossary entry (`m1`… in the
    ///   source, `t1`… in the target, since target ids must either repeat a source id for the
    ///   same span or be unique in the unit).
    public static func xliff(_ alignment: BilingualAlignment, glossary: Glossary? = nil) -> String {
        var known: [String: Concept] = [:]
        for concept in glossary?.concepts ?? [] where known[concept.id] == nil { known[concept.id] = concept }
        let fileID = nameToken(fileName(alignment.frenchPath))
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" xmlns:gls=\"urn:oasis:names:tc:xliff:glossary:2.0\""
        out += " xmlns:mda=\"urn:oasis:names:tc:xliff:metadata:2.0\" version=\"2.1\" srcLang=\"fr\" trgLang=\"en\">\n"
        out += "  <file id=\"\(XMLEscaping.attribute(fileID))\" original=\"\(XMLEscaping.attribute(alignment.frenchPath))\">\n"
        let findings = findingsByLink(alignment)
        // As in TMX, links with an empty side have no unit: a unit is a source with its target.
        for (number, (index, link)) in zip(1..., bilingualLinks(alignment)) {
            let unitID = "u\(number)"
            let french = french(of: link, in: alignment)
            let english = english(of: link, in: alignment)
            let concepts = concepts(french: french, english: english)
            let entryNumber = Dictionary(uniqueKeysWithValues: concepts.enumerated().map { ($1.id, $0 + 1) })
            var marks = XLIFFMarks(fileID: fileID, unitID: unitID, entryNumber: entryNumber)
            let source = marks.content(french, prefix: "m")
            let target = marks.content(english, prefix: "t")

            out += "    <unit id=\"\(unitID)\" name=\"\(XMLEscaping.attribute(link.bracketed))\">\n"
            if !concepts.isEmpty {
                out += "      <gls:glossary>\n"
                for (number, concept) in zip(1..., concepts) {
                    let entry = known[concept.id]
                    let preferred = entry?.preferredFrench ?? ""
                    let term = concept.frenchSurface ?? (preferred.isEmpty ? concept.id : preferred)
                    let origin = entry?.origin?.file ?? ""
                    out += "        <gls:glossEntry id=\"g\(number)\""
                    if let mark = marks.firstMark[concept.id] { out += " ref=\"#\(mark)\"" }
                    out += ">\n"
                    out += "          <gls:term source=\"\(XMLEscaping.attribute(origin.isEmpty ? concept.id : origin + "#" + concept.id))\">\(XMLEscaping.text(term))</gls:term>\n"
                    out += "          <gls:translation>\(XMLEscaping.text(concept.canonical))</gls:translation>\n"
                    if let note = entry?.note, !note.isEmpty {
                        out += "          <gls:definition>\(XMLEscaping.text(note))</gls:definition>\n"
                    }
                    out += "        </gls:glossEntry>\n"
                }
                out += "      </gls:glossary>\n"
            }
            out += "      <mda:metadata>\n        <mda:metaGroup category=\"align\">\n"
            out += "          <mda:meta type=\"link\">\(XMLEscaping.text(link.bracketed))</mda:meta>\n"
            out += "          <mda:meta type=\"score\">\(scoreText(link.score))</mda:meta>\n"
            out += "        </mda:metaGroup>\n      </mda:metadata>\n"
            if let unitFindings = findings[index], !unitFindings.isEmpty {
                out += "      <notes>\n"
                for finding in unitFindings {
                    // Every check is about the English side: a canonical form missing from it, or
                    // a form in it that should not be there.
                    out += "        <note category=\"\(XMLEscaping.attribute("align:" + finding.check))\" appliesTo=\"target\">\(XMLEscaping.text(finding.message))</note>\n"
                }
                out += "      </notes>\n"
            }
            out += "      <segment id=\"s1\" state=\"translated\">\n"
            // Preserved: the text is the sentences as aligned, tabs and line breaks included, and
            // XLIFF's default lets a reader collapse white space.
            out += "        <source xml:space=\"preserve\">\(source)</source>\n"
            out += "        <target xml:space=\"preserve\">\(target)</target>\n"
            out += "      </segment>\n    </unit>\n"
        }
        out += "  </file>\n</xliff>\n"
        return out
    }

    /// The last component of a `/`-separated path.
    static func fileName(_ path: String) -> String {
        path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
    }

    /// `text` as an XML name token (`NMTOKEN`, the type of XLIFF ids): letters, digits, `.`,
    /// `-` and `_` are kept, anything else becomes `_`; `f1` when nothing is left. Only letters
    /// that every edition of XML 1.0 accepts in names are kept, since validators differ.
    static func nameToken(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            out.append(isNameTokenScalar(scalar) ? scalar : "_")
        }
        return out.isEmpty ? "f1" : String(out)
    }

    private static func isNameTokenScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x2D, 0x2E, 0x5F: return true
        // Latin-1 and Latin Extended-A letters (é, ç, œ) that XML 1.0's first editions list as
        // letters too; the later editions accept all of these.
        case 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x131, 0x134...0x13E, 0x141...0x148, 0x14A...0x17E: return true
        default: return false
        }
    }
}

/// Writes the `<source>`/`<target>` content of an XLIFF unit, numbering its term marks and
/// remembering the first mark of each concept for the glossary entry's `ref`.
private struct XLIFFMarks {
    let fileID: String
    let unitID: String
    /// The glossary entry number (`gN`) of each concept of the unit.
    let entryNumber: [String: Int]
    /// The id of the first mark of each concept.
    private(set) var firstMark: [String: String] = [:]
    private var count: [String: Int] = [:]

    init(fileID: String, unitID: String, entryNumber: [String: Int]) {
        self.fileID = fileID
        self.unitID = unitID
        self.entryNumber = entryNumber
    }

    /// The sentences joined by a space, escaped, terms marked with ids `PREFIX1`, `PREFIX2`….
    mutating func content(_ sentences: ArraySlice<AlignedSentence>, prefix: String) -> String {
        var out = ""
        for (position, sentence) in sentences.enumerated() {
            if position > 0 { out += " " }
            for piece in AlignmentWriter.pieces(of: sentence) {
                guard let term = piece.term, let entry = entryNumber[term.conceptID] else {
                    out += XMLEscaping.text(piece.text)
                    continue
                }
                let number = (count[prefix] ?? 0) + 1
                count[prefix] = number
                let id = "\(prefix)\(number)"
                if firstMark[term.conceptID] == nil { firstMark[term.conceptID] = id }
                out += "<mrk id=\"\(id)\" type=\"term\" ref=\"#/f=\(fileID)/u=\(unitID)/gls=g\(entry)\">\(XMLEscaping.text(piece.text))</mrk>"
            }
        }
        return out
    }
}
