import Foundation

/// `aligncli align FR EN`: pairs the sentences of a French text with its English translation and
/// checks that each French term's canonical English form is used in the pair.
public enum AlignPairCommand: AlignCommand {
    public static let spec = CommandSpec(
        ["align"], summary: "Align a French text with its English translation and check terms across each pair.",
        arguments: "FR EN",
        options: [
            .init("--glossary", short: "-g", value: "PATH", repeatable: true, help: "Glossary file or folder (default: glossaries/); repeatable."),
            .init("--no-glossary", help: "Align without a glossary: no term anchors, no term findings."),
            .init("--dictionary", value: "FILE", help: "Bilingual French-English dictionary: dictd .index (FreeDict), hunalign 'en @ fr' lines, or fr<TAB>en lines."),
            .init("--sentences", help: "The inputs hold one sentence per line (no normalization or segmentation)."),
            .init("--length-only", help: "Align by sentence length alone (Gale-Church), without lexical anchors."),
            .init("--rules", value: "FILE", help: "Boilerplate rules for documents (default: normalize/boilerplate.tsv when it exists)."),
            .init("--encoding", value: "ENCODING", choices: TextEncoding.allCases.map(\.rawValue), help: "Encoding of both inputs (default utf-8)."),
            .init("--format", value: "FORMAT", choices: AlignmentWriter.Format.allCases.map(\.rawValue), help: "Output format (default links)."),
            .init("--output", short: "-o", value: "FILE", help: "Write to FILE (atomically) instead of standard output."),
        ],
        discussion: """
            FR and EN are documents, normalized and split into sentences as `aligncli normalize`
            does, or, with --sentences, files with one sentence per line. Links are monotone and
            cover every sentence once: `[0, 1]:[0]` pairs French sentences 0 and 1 with English
            sentence 0 (0-based). Formats: links (read by align-gold's score.py), tsv (French,
            English, score), tmx (TMX 1.4b), xliff (XLIFF 2.1 with glossary entries), html
            (side-by-side review page).
            Term findings go to standard error: missing-canonical (the English lacks the
            canonical form of a French term), untranslated-term (a French form left in the
            English), avoided-term (an en_avoid form in the English).
            Exit status: 0 no findings, 1 findings, 64 usage error, 65 unreadable input,
            66 missing input.
            """)

    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> ExitCode {
        guard arguments.positionals.count == 2 else {
            throw AlignError.usage("align needs two files, FR and EN (got \(arguments.positionals.count))")
        }
        if arguments.positionals[0] == "-" && arguments.positionals[1] == "-" {
            throw AlignError.usage("only one of FR and EN can be standard input")
        }
        for path in arguments.positionals where path != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw AlignError.missingInput("\(path): no such file or directory") }
            if isDirectory.boolValue { throw AlignError.usage("\(path) is a folder; align takes two files (for a corpus with fr/ and en/ folders, use `aligncli report`)") }
        }
        let format = AlignmentWriter.Format(rawValue: arguments.value("--format") ?? "links")!
        let pair = try makeAligner(arguments, io: io, sentences: arguments.has("--sentences"))
        let alignment = try pair.aligner.align(frenchPath: arguments.positionals[0], englishPath: arguments.positionals[1], standardInput: io.readInput)
        let output = AlignmentWriter.render(alignment, as: format, glossary: pair.glossary)
        if let path = arguments.value("--output") {
            let stream = try AtomicOutputStream(path: path)
            do {
                try stream.write(Array(output.utf8))
                try stream.commit()
            } catch {
                stream.discard()
                throw error
            }
        } else {
            io.writeOutput(output)
        }
        let diagnostics = alignment.findings.map { finding in
            Diagnostic(.warning, finding.check, finding.message, at: finding.location)
        }
        if !diagnostics.isEmpty {
            io.writeError(DiagnosticRenderer(rules: TermPairChecker.checks, useColor: io.colorErrors).render(diagnostics, as: .text))
        }
        let oneToOne = alignment.links.filter { $0.french.count == 1 && $0.english.count == 1 }.count
        io.writeError("\(plural(alignment.links.count, "link")) (\(oneToOne) 1-1) for \(alignment.french.count) French and \(alignment.english.count) English sentences; \(plural(alignment.findings.count, "finding"))\n")
        return alignment.findings.isEmpty ? .ok : .findings
    }

    /// The aligner the options ask for, shared with `report`.
    static func makeAligner(_ arguments: ParsedArguments, io: CommandIO, sentences: Bool) throws -> (aligner: PairAligner, glossary: Glossary?) {
        var lexicon = TranslationLexicon()
        if let path = arguments.value("--dictionary") {
            lexicon.add(try BilingualDictionary.load(path: path))
        }
        var glossary: Glossary?
        if !arguments.has("--no-glossary") {
            let paths = arguments.values["--glossary"] ?? ["glossaries"]
            if arguments.values["--glossary"] != nil || FileManager.default.fileExists(atPath: "glossaries") {
                glossary = try ScanCommand.loadGlossary(paths, io: io)
            }
        }
        if let glossary { lexicon.add(glossary) }
        let options = arguments.has("--length-only") ? AlignerOptions.lengthOnly : AlignerOptions()
        var french: CorpusNormalizer?
        var english: CorpusNormalizer?
        if !sentences {
            var boilerplate = BoilerplateRules.none
            let rulesPath = arguments.value("--rules") ?? "normalize/boilerplate.tsv"
            if arguments.value("--rules") != nil || FileManager.default.fileExists(atPath: rulesPath) {
                let loaded = try BoilerplateRules.load(path: rulesPath)
                boilerplate = loaded.rules
                if !loaded.diagnostics.isEmpty {
                    io.writeError(DiagnosticRenderer(rules: [], useColor: io.colorErrors).render(loaded.diagnostics, as: .text))
                }
            }
            (french, english) = PairAligner.documentNormalizers(boilerplate: boilerplate)
        }
        var aligner = PairAligner(
            aligner: SentenceAligner(options: options, lexicon: lexicon), checker: glossary.map { TermPairChecker(concepts: $0.concepts) },
            french: french, english: english)
        aligner.encoding = TextEncoding(rawValue: arguments.value("--encoding") ?? "utf-8")!
        return (aligner, glossary)
    }
}
