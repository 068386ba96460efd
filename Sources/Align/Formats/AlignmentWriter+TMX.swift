extension AlignmentWriter {
    /// TMX 1.4b (valid against `tmx14.dtd`): one `<tu>` per link with a sentence on both sides,
    /// `tuid` `u1`, `u2`… numbered as the XLIFF units are.
    ///
    /// Each `<tu>` carries the link (`x-align-link`, `[0, 1]:[0]`) and its score
    /// (`x-align-score`) as props, each glossary concept of the pair as an `x-align-concept` prop
    /// (its id) and a `<note>` (`term ID: French → canonical`), and each finding as a `<note>`
    /// (`check-id: message`). The `<seg>` of a side is its sentences joined by a space.
    ///
    /// The header has no `creationdate` (optional in the DTD), so that the same alignment always
    /// gives the same bytes.
    public static func tmx(_ alignment: BilingualAlignment, toolVersion: String) -> String {
        var out = XMLOutput()
        out.raw("<!DOCTYPE tmx SYSTEM \"tmx14.dtd\">")
        out.start("tmx", ["version": "1.4"])
        out.start("header", [
            "creationtool": "Align", "creationtoolversion": toolVersion, "segtype": "sentence", "o-tmf": "Align",
            "adminlang": "en", "srclang": "fr", "datatype": "plaintext",
        ])
        out.element("prop", ["type": "x-align-french-file"], text: alignment.frenchPath)
        out.element("prop", ["type": "x-align-english-file"], text: alignment.englishPath)
        out.end()
        out.start("body")
        let findings = findingsByLink(alignment)
        // Links with an empty side (a sentence dropped or added by the translator: 1-0, 0-1) are
        // not written: a translation unit pairs a text with its translation, and TMX has no way to
        // say "no translation" that a translation memory would not take as an empty target.
        for (number, (index, link)) in zip(1..., bilingualLinks(alignment)) {
            let french = french(of: link, in: alignment)
            let english = english(of: link, in: alignment)
            out.start("tu", ["tuid": "u\(number)"])
            out.element("prop", ["type": "x-align-link"], text: link.bracketed)
            out.element("prop", ["type": "x-align-score"], text: scoreText(link.score))
            let concepts = concepts(french: french, english: english)
            for concept in concepts {
                out.element("prop", ["type": "x-align-concept"], text: concept.id)
            }
            for concept in concepts {
                let forms = concept.frenchSurfaces.isEmpty ? concept.frenchSurface.map { [$0] } ?? [] : concept.frenchSurfaces
                let mapping = forms.isEmpty ? concept.canonical : forms.joined(separator: ", ") + " → " + concept.canonical
                out.element("note", text: "term \(concept.id): \(mapping)")
            }
            for finding in findings[index] ?? [] {
                out.element("note", text: "\(finding.check): \(finding.message)")
            }
            out.start("tuv", ["xml:lang": "fr"])
            out.element("seg", text: joinedText(french))
            out.end()
            out.start("tuv", ["xml:lang": "en"])
            out.element("seg", text: joinedText(english))
            out.end()
            out.end()
        }
        out.end()
        out.end()
        return out.text
    }
}
