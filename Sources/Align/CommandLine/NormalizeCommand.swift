import Dispatch
import Foundation

/// `aligncli normalize`: clean, sentence-segmented French for bilingual review, with provenance.
public enum NormalizeCommand: AlignCommand {
    public static let spec = CommandSpec(
        ["normalize"], summary: "Clean and segment French text for review, with terms annotated and every change traceable.",
        arguments: "[PATH...]",
        options: [
            .init("--output", short: "-o", value: "DIR", help: "Folder for the outputs (required unless --diff); mirrors the input folders."),
            .init("--glossary", short: "-g", value: "PATH", repeatable: true, help: "Glossary file or folder (default: glossaries/); repeatable."),
            .init("--terms", value: "MODE", choices: NormalizeOptions.Terms.allCases.map(\.rawValue), help: "Glossary terms in the text: 'Koursk ⟨Kursk⟩', the canonical form instead, or as they are (default annotate)."),
            .init("--rules", value: "FILE", help: "Boilerplate rules file (default: normalize/boilerplate.tsv)."),
            .init("--keep-boilerplate", help: "Keep every line: no boilerplate, duplicate or foreign-language removal."),
            .init("--srx", value: "FILE", help: "SRX 2.0 segmentation rules (default: Align's French and English rules)."),
            .init("--language", value: "LANG", help: "Language of the documents, for segmentation rules and foreign-language detection (default fr)."),
            .init("--encoding", value: "ENCODING", choices: TextEncoding.allCases.map(\.rawValue), help: "Encoding of the input files (default utf-8)."),
            .init("--apostrophe", value: "FORM", choices: NormalizeOptions.Apostrophe.allCases.map(\.rawValue), help: "Apostrophe written between letters (default ascii)."),
            .init("--french-spacing", value: "SPACE", choices: NormalizeOptions.FrenchSpacing.allCases.map(\.rawValue), help: "Space before : ; ! ? and inside « » (default space)."),
            .init("--dash", value: "DASH", choices: NormalizeOptions.Dash.allCases.map(\.rawValue), help: "Dash written for spaced dashes (default en)."),
            .init("--diff", help: "Print original → normalized for every changed line."),
            .init("--timings", help: "Print the time of each phase on standard error."),
        ],
        discussion: """
            PATH is a text file, a folder searched recursively for *.txt, or - for standard input
            (default: corpus/). For each document NAME it writes, under the output folder and
            mirroring the input folders: NAME.txt (one segment per line), NAME.segments.jsonl
            (id, document, original byte range, text, edits, terms), NAME.removed.tsv (every
            line or segment left out, with its rule and reason) and NAME.xlf (XLIFF 2.1, one
            unit per segment, terms marked). A line is a paragraph: segments and terms never
            span a line break. The output folder must not be inside an input folder; files are
            written atomically. See docs/normalize.md.
            Exit status: 0 done, 65 a document or a rules file could not be read, 66 a path does not exist.
            """)

    /// One input document and where its outputs go.
    struct Input {
        var path: String
        /// Output path without extension, relative to the output folder (`fr/000_abc`).
        var outputStem: String
    }

    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> ExitCode {
        let clock = ContinuousClock()
        var timings: [(String, Duration)] = []
        var phaseStart = clock.now
        func phase(_ name: String) {
            let now = clock.now
            timings.append((name, now - phaseStart))
            phaseStart = now
        }

        var options = NormalizeOptions()
        options.terms = NormalizeOptions.Terms(rawValue: arguments.value("--terms") ?? "annotate")!
        options.apostrophe = NormalizeOptions.Apostrophe(rawValue: arguments.value("--apostrophe") ?? "ascii")!
        options.frenchSpacing = NormalizeOptions.FrenchSpacing(rawValue: arguments.value("--french-spacing") ?? "space")!
        options.dash = NormalizeOptions.Dash(rawValue: arguments.value("--dash") ?? "en")!
        options.keepBoilerplate = arguments.has("--keep-boilerplate")
        options.language = arguments.value("--language") ?? "fr"
        let encoding = TextEncoding(rawValue: arguments.value("--encoding") ?? "utf-8")!
        let outputFolder = arguments.value("--output")
        let showDiff = arguments.has("--diff")
        guard outputFolder != nil || showDiff else { throw AlignError.usage("normalize needs --output DIR (or --diff to only show the changes)") }

        let inputs = try expandInputs(arguments.positionals.isEmpty ? ["corpus"] : arguments.positionals)
        if let outputFolder { try checkOutputFolder(outputFolder, inputs: arguments.positionals.isEmpty ? ["corpus"] : arguments.positionals, documents: inputs) }

        var diagnostics: [Diagnostic] = []
        let srx = try arguments.value("--srx").map(SRXDocument.load(path:)) ?? BuiltInSegmentationRules.document
        let (segmenter, srxDiagnostics) = SRXSegmenter.compile(srx, language: options.language)
        diagnostics += srxDiagnostics
        var boilerplate = BoilerplateRules.none
        if !options.keepBoilerplate {
            let loaded = try BoilerplateRules.load(path: arguments.value("--rules") ?? "normalize/boilerplate.tsv")
            boilerplate = loaded.rules
            diagnostics += loaded.diagnostics
        }
        var glossary: CompiledGlossary?
        if options.terms != .off {
            glossary = CompiledGlossary(concepts: try ScanCommand.loadGlossary(arguments.values["--glossary"] ?? ["glossaries"], io: io).concepts)
        }
        let normalizer = CorpusNormalizer(options: options, segmenter: segmenter, boilerplate: boilerplate, glossary: glossary)
        phase("load")

        var totals = (documents: 0, segments: 0, removed: 0, bytes: 0)
        var readTime = Duration.zero
        var normalizeTime = Duration.zero
        var writeTime = Duration.zero
        let batchSize = max(1, ProcessInfo.processInfo.activeProcessorCount * 2)
        var batchStart = 0
        while batchStart < inputs.count {
            let batch = Array(inputs[batchStart..<min(inputs.count, batchStart + batchSize)])
            batchStart += batch.count
            let slots = ResultSlots<DocumentResult>(count: batch.count)
            let started = clock.now
            DispatchQueue.concurrentPerform(iterations: batch.count) { index in
                slots.set(index, process(batch[index], normalizer: normalizer, encoding: encoding, io: io, diff: showDiff))
            }
            normalizeTime += clock.now - started
            // One serial place writes, in input order.
            for (input, result) in zip(batch, slots.values) {
                readTime += result.readTime
                diagnostics += result.diagnostics
                guard let document = result.document else { continue }
                totals.documents += 1
                totals.segments += document.segments.count
                totals.removed += document.removals.count
                totals.bytes += document.byteCount
                if let diff = result.diff { io.writeOutput(diff) }
                if let outputFolder {
                    let writeStart = clock.now
                    try write(document, to: outputFolder + "/" + input.outputStem, language: options.language)
                    writeTime += clock.now - writeStart
                }
            }
        }
        timings.append(("read", readTime))
        timings.append(("normalize", normalizeTime - readTime))
        timings.append(("write", writeTime))
        phase("total")

        if !diagnostics.isEmpty {
            io.writeError(DiagnosticRenderer(rules: [], useColor: io.colorErrors).render(Diagnostic.ordered(diagnostics), as: .text))
        }
        io.writeError("\(plural(totals.documents, "document")): \(plural(totals.segments, "segment")), \(plural(totals.removed, "removal")) logged\n")
        if arguments.has("--timings") {
            for (name, duration) in timings {
                io.writeError("  " + name.padding(toLength: 10, withPad: " ", startingAt: 0) + String(format: "%8.3f s\n", seconds(duration)))
            }
            let megabytes = Double(totals.bytes) / 1e6
            let work = seconds(normalizeTime + writeTime)
            let normalizing = seconds(normalizeTime)
            io.writeError(String(format: "  %.1f MB, %.1f MB/s (read, normalize, segment, annotate and write)\n", megabytes, work > 0 ? megabytes / work : 0))
            io.writeError(String(format: "  %.1f MB/s (read, normalize, segment and annotate: the outputs not written)\n", normalizing > 0 ? megabytes / normalizing : 0))
        }
        return diagnostics.contains { $0.severity == .error } ? .dataError : .ok
    }

    private static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }

    struct DocumentResult: Sendable {
        var document: NormalizedDocument?
        var diagnostics: [Diagnostic] = []
        var diff: String?
        var readTime = Duration.zero
    }

    static func process(_ input: Input, normalizer: CorpusNormalizer, encoding: TextEncoding, io: CommandIO, diff: Bool) -> DocumentResult {
        var result = DocumentResult()
        let clock = ContinuousClock()
        let started = clock.now
        let bytes: [UInt8]
        do {
            bytes = input.path == "-" ? io.readInput() : try InputFiles.read(input.path)
        } catch let error as AlignError {
            result.diagnostics.append(Diagnostic(.error, "unreadable-file", error.message, at: SourceLocation(file: input.path, line: 1, column: 1)))
            return result
        } catch {
            result.diagnostics.append(Diagnostic(.error, "unreadable-file", "\(error)", at: SourceLocation(file: input.path, line: 1, column: 1)))
            return result
        }
        let text: DocumentText
        do {
            text = try DocumentText(bytes: bytes, encoding: encoding)
        } catch {
            result.diagnostics.append(error.diagnostic(path: input.path, consequence: "the document is not normalized"))
            return result
        }
        result.readTime = clock.now - started
        let document = normalizer.normalize(text, path: input.path)
        result.document = document
        if document.ruleTestsStopped > 0 {
            result.diagnostics.append(
                Diagnostic(
                    .warning, "srx-step-budget", "\(document.ruleTestsStopped) segmentation rule tests took too many steps and counted as no match (a pathological SRX pattern?)",
                    at: SourceLocation(file: input.path, line: 1, column: 1)))
        }
        if diff { result.diff = NormalizeDiffWriter.render(document, original: text) }
        return result
    }

    /// Writes the four outputs of a document, each atomically.
    static func write(_ document: NormalizedDocument, to stem: String, language: String) throws {
        let folder = URL(fileURLWithPath: stem).deletingLastPathComponent().path
        try OutputFile.createFolder(folder)
        try writeStreamed(to: stem + ".txt") { flush in
            var out = OutputBytes(flush: flush)
            for segment in document.segments {
                try out.flushIfFull()
                out.appendRaw(segment.text)
                out.appendByte(0x0A)
            }
            try out.finish()
        }
        try writeStreamed(to: stem + ".segments.jsonl") { try SegmentLogWriter.write(document, flush: $0) }
        try writeStreamed(to: stem + ".removed.tsv") { try $0(RemovalLogWriter.render(document)) }
        try writeStreamed(to: stem + ".xlf") { try XLIFFSegmentWriter.write(document, language: language, flush: $0) }
    }

    /// Writes a file atomically from chunks: a temporary file beside it, renamed into place.
    static func writeStreamed(to path: String, _ produce: (@escaping ([UInt8]) throws -> Void) throws -> Void) throws {
        let stream = try AtomicOutputStream(path: path)
        do {
            try produce { try stream.write($0) }
            try stream.commit()
        } catch {
            stream.discard()
            throw error
        }
    }

    /// The documents named by `paths`, with their output stems mirroring the input folders.
    static func expandInputs(_ paths: [String]) throws -> [Input] {
        var inputs: [Input] = []
        var stems = Set<String>()
        for path in paths {
            if path == "-" {
                inputs.append(Input(path: "-", outputStem: "stdin"))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw AlignError.missingInput("\(path): no such file or directory")
            }
            for file in try InputFiles.expand(CorpusLayout.frenchRoot(path), extensions: ["txt"]) {
                var relative = URL(fileURLWithPath: file).lastPathComponent
                if isDirectory.boolValue {
                    let root = path.hasSuffix("/") ? path : path + "/"
                    if file.hasPrefix(root) { relative = String(file.dropFirst(root.count)) }
                }
                let stem = relative.hasSuffix(".txt") ? String(relative.dropLast(4)) : relative
                guard stems.insert(stem).inserted else {
                    throw AlignError.usage("two inputs would write the same outputs '\(stem).*' (\(path)); normalize them separately")
                }
                inputs.append(Input(path: file, outputStem: stem))
            }
        }
        return inputs
    }

    /// Refuses an output folder that is, or is inside, an input folder, and outputs that would
    /// overwrite an input file.
    static func checkOutputFolder(_ output: String, inputs paths: [String], documents: [Input]) throws {
        let outputPath = resolved(output)
        for path in paths where path != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { continue }
            let root = resolved(path)
            if outputPath == root || outputPath.hasPrefix(root + "/") {
                throw AlignError.usage("the output folder '\(output)' is inside the input folder '\(path)'; choose a folder outside the inputs")
            }
        }
        let inputFiles = Set(documents.filter { $0.path != "-" }.map { resolved($0.path) })
        for document in documents {
            for suffix in [".txt", ".segments.jsonl", ".removed.tsv", ".xlf"] where inputFiles.contains(resolved(output + "/" + document.outputStem + suffix)) {
                throw AlignError.usage("normalizing would overwrite the input '\(document.outputStem + suffix)'; choose another output folder")
            }
        }
    }

    /// An absolute path with symbolic links resolved (for the part that exists).
    static func resolved(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            missing.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        var result = url.resolvingSymlinksInPath().path
        for component in missing { result += (result.hasSuffix("/") ? "" : "/") + component }
        return result
    }
}
