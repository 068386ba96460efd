/// Checks each aligned pair for the glossary: for every concept in the French sentences, the
/// English sentences must use its canonical form.
///
/// - `avoided-term`: the English uses a form of `en_avoid` (anywhere, whether the French has the
///   concept or not: an avoided form is wrong in any sentence);
/// - `untranslated-term`: the French has the concept and the English keeps one of its French
///   forms (`Koursk`) instead of the canonical form;
/// - `missing-canonical`: the French has the concept and the English has neither its canonical
///   form nor one of the two slips above.
///
/// A name written short in French (`Poutine`, a variant shorter than the preferred form) may be
/// written short in English too (`Putin`). Links with an empty side are not checked: a dropped or
/// added sentence has no counterpart to compare with.
public struct TermPairChecker: Sendable {
    public static let checks: [CheckDescriptor] = [
        CheckDescriptor("missing-canonical", .warning, "the English side of a pair lacks the canonical form of a French term"),
        CheckDescriptor("untranslated-term", .warning, "a French term is left untranslated in the English side of its pair"),
        CheckDescriptor("avoided-term", .warning, "the English side uses a form the glossary lists in en_avoid"),
    ]

    let glossary: CompiledGlossary
    let scanner: TermScanner
    let english: EnglishTermFinder

    public init(concepts: [Concept]) {
        glossary = CompiledGlossary(concepts: concepts)
        scanner = TermScanner(glossary: glossary, detectsNearMisses: false)
        english = EnglishTermFinder(concepts: concepts)
    }

    /// The French terms of `text`, as sentence terms (role `.french`), with whether each was a
    /// short form of a name.
    func frenchTerms(_ text: String) -> [(term: SentenceTerm, isShort: Bool)] {
        scanner.scan(text).compactMap { match in
            guard match.kind != .misspelled else { return nil }
            let entry = glossary.entries[Int(match.entry)]
            let concept = glossary.concepts[Int(entry.conceptIndex)]
            let preferredWords = concept.french.first.map { EnglishTermFinder.tokens($0, keepCase: false).count } ?? 0
            let isShort = EnglishTermFinder.tokens(glossary.form(of: entry), keepCase: false).count < preferredWords
            return (SentenceTerm(conceptID: concept.id, english: concept.english, role: .french, range: match.termStart..<match.end), isShort)
        }
    }

    /// Fills in the terms of every sentence and returns the findings, in link order.
    public func check(_ alignment: inout BilingualAlignment) -> [PairFinding] {
        var frenchShort: [[Bool]] = []
        for index in alignment.french.indices {
            let found = frenchTerms(alignment.french[index].text)
            alignment.french[index].terms = found.map(\.term)
            frenchShort.append(found.map(\.isShort))
        }
        var englishMatches: [[EnglishTermFinder.Match]] = []
        for index in alignment.english.indices {
            let found = english.matches(in: alignment.english[index].text)
            englishMatches.append(found)
            alignment.english[index].terms = found.map { match in
                let concept = english.concepts[match.conceptIndex]
                return SentenceTerm(conceptID: concept.id, english: concept.english, role: match.role, range: match.range)
            }
        }
        var findings: [PairFinding] = []
        for (linkIndex, link) in alignment.links.enumerated() {
            let englishFound = link.english.flatMap { y in englishMatches[y].map { (y, $0) } }
            for (y, match) in englishFound where match.role == .avoided {
                let concept = english.concepts[match.conceptIndex]
                let surface = Self.slice(alignment.english[y].text, match.range)
                findings.append(PairFinding(
                    check: "avoided-term", link: linkIndex, conceptID: concept.id, canonical: concept.english, french: "",
                    englishSurface: surface, location: location(alignment.englishPath, alignment.english[y], match.range),
                    message: "'\(surface)' is to be avoided: use '\(concept.english)'"))
            }
            guard !link.french.isEmpty, !link.english.isEmpty else { continue }
            var seen = Set<String>()
            for x in link.french {
                let sentence = alignment.french[x]
                for (t, term) in sentence.terms.enumerated() where seen.insert(term.conceptID).inserted {
                    let short = frenchShort[x][t]
                    let forConcept = englishFound.filter { english.concepts[$0.1.conceptIndex].id == term.conceptID }
                    if forConcept.contains(where: { $0.1.role == .canonical && (!$0.1.isShortForm || short) }) { continue }
                    if forConcept.contains(where: { $0.1.role == .avoided }) { continue }
                    let frenchSurface = Self.slice(sentence.text, term.range)
                    if let (y, match) = forConcept.first(where: { $0.1.role == .untranslated }) {
                        let surface = Self.slice(alignment.english[y].text, match.range)
                        findings.append(PairFinding(
                            check: "untranslated-term", link: linkIndex, conceptID: term.conceptID, canonical: term.english, french: frenchSurface,
                            englishSurface: surface, location: location(alignment.englishPath, alignment.english[y], match.range),
                            message: "'\(surface)' is left in French: translate '\(frenchSurface)' as '\(term.english)'"))
                    } else {
                        findings.append(PairFinding(
                            check: "missing-canonical", link: linkIndex, conceptID: term.conceptID, canonical: term.english, french: frenchSurface,
                            englishSurface: "", location: location(alignment.frenchPath, sentence, term.range),
                            message: "'\(frenchSurface)' should be '\(term.english)' in the English, which does not use it"))
                    }
                }
            }
        }
        return findings
    }

    static func slice(_ text: String, _ range: Range<Int>) -> String {
        let bytes = Array(text.utf8)
        guard range.lowerBound >= 0, range.upperBound <= bytes.count, range.lowerBound <= range.upperBound else { return "" }
        return String(decoding: bytes[range], as: UTF8.self)
    }

    /// The file position of a byte range of a sentence: sentences are single lines after
    /// normalization, so the column is the sentence's column plus the code points before.
    private func location(_ path: String, _ sentence: AlignedSentence, _ range: Range<Int>) -> SourceLocation {
        let before = Self.slice(sentence.text, 0..<range.lowerBound)
        return SourceLocation(file: path, line: sentence.line, column: sentence.column + before.unicodeScalars.count)
    }
}
