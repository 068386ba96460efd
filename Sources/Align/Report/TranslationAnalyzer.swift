import Dispatch

/// Aligns each document of the report with its English translation (`ReportDocument.translation`)
/// and checks the glossary terms across every aligned pair, as `aligncli align` does: one
/// `PairAligner` built once, the documents on all cores, results in document order.
struct TranslationAnalyzer: Sendable {
    /// The analyses of the documents that could be paired, and the problems met reading translations.
    struct Outcome: Sendable {
        var analyses: [TranslationAnalysis] = []
        var diagnostics: [Diagnostic] = []
    }

    let pair: PairAligner
    let conceptIndex: [String: Int]
    let encoding: TextEncoding

    init(concepts: [Concept], options: ReportOptions) {
        let (french, english) = PairAligner.documentNormalizers(boilerplate: options.translationBoilerplate)
        let glossary = Glossary(concepts: concepts)
        var lexicon = TranslationLexicon()
        lexicon.add(glossary)
        var pair = PairAligner(
            aligner: SentenceAligner(options: AlignerOptions(), lexicon: lexicon), checker: TermPairChecker(concepts: concepts), french: french, english: english)
        pair.encoding = options.encoding
        self.pair = pair
        conceptIndex = Dictionary(concepts.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        encoding = options.encoding
    }

    /// Every document of `documents` that has a translation, in document order.
    func analyze(_ documents: [ReportDocument]) -> Outcome {
        let pairs = documents.indices.filter { documents[$0].translation != nil && documents[$0].path != "-" }
        let results = ResultSlots<Outcome>(count: pairs.count)
        DispatchQueue.concurrentPerform(iterations: pairs.count) { slot in
            let index = pairs[slot]
            results.set(slot, analyze(document: index, french: documents[index].path, english: documents[index].translation!))
        }
        var outcome = Outcome()
        for result in results.values {
            outcome.analyses += result.analyses
            outcome.diagnostics += result.diagnostics
        }
        return outcome
    }

    /// One document and its translation: the analysis, or the problem reading the translation (a
    /// French document that cannot be read is the scan's to report).
    func analyze(document: Int, french: String, english: String) -> Outcome {
        let alignment: BilingualAlignment
        do {
            alignment = try pair.align(frenchPath: french, englishPath: english)
        } catch {
            return Outcome(diagnostics: diagnose(english))
        }
        var texts = SourceTexts(encoding: encoding)
        var occurrences: [TranslationAnalysis.Occurrence] = []
        for finding in alignment.findings {
            guard let concept = conceptIndex[finding.conceptID] else { continue }
            if finding.check == MissingCanonicalCheck.descriptor.id {
                let link = alignment.links[finding.link]
                let sentences = link.english.map { alignment.english[$0] }
                var evidence = sentences.map { Self.sentenceEvidence($0, path: alignment.englishPath) }
                evidence.append(texts.evidence(at: finding.location, surface: finding.french))
                occurrences.append(
                    TranslationAnalysis.Occurrence(check: finding.check, concept: concept, term: finding.french, location: evidence[0].location, evidence: evidence))
            } else {
                let evidence = texts.evidence(at: finding.location, surface: finding.englishSurface)
                occurrences.append(
                    TranslationAnalysis.Occurrence(check: finding.check, concept: concept, term: finding.englishSurface, location: evidence.location, evidence: [evidence]))
            }
        }
        let summary = TranslationSummary(path: english, frenchSentences: alignment.french.count, englishSentences: alignment.english.count, links: alignment.links.count)
        return Outcome(analyses: [TranslationAnalysis(document: document, summary: summary, occurrences: occurrences)])
    }

    /// An English sentence as evidence: where it starts, and its text (the words past
    /// `sentenceLimit` characters cut).
    static func sentenceEvidence(_ sentence: AlignedSentence, path: String) -> Finding.Evidence {
        let scalars = sentence.text.unicodeScalars
        var shown = String.UnicodeScalarView(scalars.prefix(sentenceLimit))
        let cut = shown.count < scalars.count
        if cut, let space = shown.lastIndex(of: " ") { shown = String.UnicodeScalarView(shown[..<space]) }
        return Finding.Evidence(
            location: SourceLocation(file: path, line: sentence.line, column: sentence.column), surface: String(shown), before: "", after: cut ? " …" : "")
    }

    /// The characters of an English sentence quoted as evidence.
    static let sentenceLimit = 4 * Finding.Evidence.context

    /// Why the translation at `path` cannot be read, as diagnostics; none when it can (then the
    /// French document failed, and the scan reports it).
    func diagnose(_ path: String) -> [Diagnostic] {
        let start = SourceLocation(file: path, line: 1, column: 1)
        let bytes: [UInt8]
        do {
            bytes = try InputFiles.read(path)
        } catch {
            let message = (error as? AlignError)?.message ?? "cannot be read"
            return [Diagnostic(.error, "unreadable-file", message + "; the translation is not checked", at: start)]
        }
        do {
            _ = try DocumentText(bytes: bytes, encoding: encoding)
        } catch {
            return [error.diagnostic(path: path, consequence: "the translation is not checked")]
        }
        return []
    }
}
