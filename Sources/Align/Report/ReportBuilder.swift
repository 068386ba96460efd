import Dispatch

/// Runs the terminology report: one streaming pass of the scanner over the corpus, with the
/// chunk analysis on all cores and the aggregation in document order, the alignment of each
/// document with its English translation alongside, then the checks.
public struct ReportBuilder: Sendable {
    public var options: ReportOptions

    public init(options: ReportOptions = ReportOptions()) {
        self.options = options
    }

    /// The report of `glossary` (read from `glossaryFiles`) over `documents`. Problems with a
    /// document become diagnostics; the run goes on with the next one.
    public func build(
        glossary: Glossary, glossaryFiles: [String], documents: [ReportDocument], standardInput: (() -> [UInt8])? = nil,
        progress: ((CorpusScanner.Statistics) -> Void)? = nil
    ) throws -> TerminologyReport {
        let clock = ContinuousClock()
        let started = clock.now
        let (analysis, diagnostics) = try analyze(glossary: glossary, documents: documents, standardInput: standardInput, progress: progress)
        let analyzed = clock.now
        var result = report(from: analysis, findings: ReportChecks.findings(in: analysis), glossaryFiles: glossaryFiles, diagnostics: diagnostics)
        result.timings = analysis.timings + [("checks", Self.seconds(clock.now - analyzed)), ("total", Self.seconds(clock.now - started))]
        return result
    }

    /// The one pass over the corpus: the aggregated analysis the checks read, and the problems
    /// met reading documents.
    public func analyze(
        glossary: Glossary, documents: [ReportDocument], standardInput: (() -> [UInt8])? = nil,
        progress: ((CorpusScanner.Statistics) -> Void)? = nil
    ) throws -> (CorpusAnalysis, [Diagnostic]) {
        let clock = ContinuousClock()
        let compileStarted = clock.now
        // Documents with a translation are aligned with it on other cores while the glossary is
        // compiled and the corpus read: first, as it is the longest task on a small corpus.
        let translated = SerialBox(TranslationAnalyzer.Outcome())
        let translating = SerialBox(Duration.zero)
        let translationsReady = DispatchGroup()
        let hasTranslations = documents.contains { $0.translation != nil }
        if hasTranslations {
            DispatchQueue.global().async(group: translationsReady) { [concepts = glossary.concepts, options] in
                let before = clock.now
                translated.value = TranslationAnalyzer(concepts: concepts, options: options).analyze(documents)
                translating.value = clock.now - before
            }
        }
        let compiled = CompiledGlossary(concepts: glossary.concepts)
        let scanner = TermScanner(glossary: compiled, detectsNearMisses: options.detectsNearMisses)
        var corpusScanner = CorpusScanner(scanner: scanner, writer: OccurrenceWriter(format: .tsv), encoding: options.encoding)
        corpusScanner.chunkBytes = options.chunkBytes
        let aggregator = SerialBox<CorpusAggregator?>(CorpusAggregator(glossary: compiled, documents: documents, options: options))
        var diagnostics: [Diagnostic] = []
        let examples = options.evidencePerFinding
        let keepsSpans = options.keepsDocumentText
        // The near-duplicate index depends on the glossary only: build it while the corpus is read.
        let neighbors = SerialBox<GlossaryNeighbors?>(nil)
        let neighborsReady = DispatchGroup()
        DispatchQueue.global().async(group: neighborsReady) { [concepts = glossary.concepts] in
            neighbors.value = GlossaryNeighbors(concepts: concepts)
        }
        let started = clock.now
        let merging = SerialBox(Duration.zero)
        let statistics = try corpusScanner.analyze(
            documents: documents.map(\.path), standardInput: standardInput, diagnostics: &diagnostics, progress: progress,
            analyze: { chunk, matches in ChunkAnalysis(chunk: chunk, matches: matches, examples: examples, keepsSpans: keepsSpans) },
            consume: { chunk, analysis in
                let before = clock.now
                aggregator.value!.add(chunk, analysis)
                merging.value += clock.now - before
            })
        let scanned = clock.now
        let problemFiles = Set(diagnostics.compactMap { $0.location?.file })
        let skipped = Set(documents.indices.filter { problemFiles.contains(documents[$0].path) })
        var analysis = aggregator.value!.finish(statistics: statistics, skipped: skipped) {
            neighborsReady.wait()
            return neighbors.value!
        }
        // Freeing the aggregator's tables takes a while: not on the way to the output.
        DispatchQueue.global().async { aggregator.value = nil }
        let resolved = clock.now
        translationsReady.wait()
        // A French document the scan could not read has no trustworthy pairs.
        analysis.translations = translated.value.analyses.filter { !skipped.contains($0.document) }
        diagnostics += translated.value.diagnostics
        analysis.timings = [
            ("compile", Self.seconds(started - compileStarted)), ("scan, analyze and merge", Self.seconds(scanned - started)),
            ("of which merging, overlapped", Self.seconds(merging.value)), ("resolve", Self.seconds(resolved - scanned)),
        ]
        if hasTranslations {
            analysis.timings += [("translations, overlapped", Self.seconds(translating.value)), ("waiting for translations", Self.seconds(clock.now - resolved))]
        }
        return (analysis, Diagnostic.ordered(diagnostics))
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    func report(from analysis: CorpusAnalysis, findings: [Finding], glossaryFiles: [String], diagnostics: [Diagnostic]) -> TerminologyReport {
        let statistics = analysis.statistics
        let inputs = TerminologyReport.Inputs(
            glossaries: glossaryFiles, concepts: analysis.concepts.count, documents: statistics.documents, skipped: statistics.skipped,
            bytes: statistics.bytes, occurrences: statistics.occurrences)
        let shown = UncoveredTermCheck.shown(analysis).count
        var documents = analysis.documentSummaries
        for translation in analysis.translations { documents[translation.document].translation = translation.summary }
        var report = TerminologyReport(
            inputs: inputs,
            summary: TerminologyReport.Summary(
                errors: 0, warnings: 0, notes: 0, checks: [], moreCandidates: analysis.candidates.count - shown, failOn: FailThreshold.error.rawValue,
                failed: false),
            findings: findings, concepts: analysis.conceptSummaries, documents: documents,
            diagnostics: Diagnostic.ordered(diagnostics))
        report.texts = analysis.texts
        report.markSpellings = analysis.spellings.map { ($0.concept, $0.status, $0.display) }
        report.glossaryConcepts = analysis.concepts
        report.candidateTerms = analysis.candidates.map(\.term)
        report.evaluate(failOn: .error, baseline: nil, baselinePath: nil)
        return report
    }
}

extension TerminologyReport {
    /// Compares the findings with `baseline` (if any) and sets the summary and verdict.
    public mutating func evaluate(failOn threshold: FailThreshold, baseline: ReportBaseline?, baselinePath: String?) {
        if let baseline {
            baseline.apply(to: &findings)
        } else {
            for index in findings.indices { findings[index].baseline = nil }
        }
        let fresh = newFindings
        summary.errors = findings.count { $0.severity == .error }
        summary.warnings = findings.count { $0.severity == .warning }
        summary.notes = findings.count { $0.severity == .note }
        summary.checks = ReportChecks.descriptors.map { descriptor in
            Summary.CheckCount(
                check: descriptor.id, severity: descriptor.defaultSeverity, count: findings.count { $0.check == descriptor.id },
                new: fresh.count { $0.check == descriptor.id })
        }
        summary.failOn = threshold.rawValue
        summary.failed = fresh.contains { threshold.fails(on: $0.severity) }
        summary.baseline = baselinePath
    }
}
