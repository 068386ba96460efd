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
            .init("--format", value: "FORMAT", choices: AlignmentFormat.allCases.map(\.rawValue), help: "Output format (default links)."),
            .init("--output", short: "-o", value: "FILE", help: "Write to FILE (atomically) instead of standard output."),
        ],
        discussion: """
            FR and EN are documents (normalized and segmented as `aligncli normalize` does) or, with
            --sentences, files with one sentence per line. Links are monotone and cover every
            sentence once: `[0, 1]:[0]` pairs French sentences 0 and 1 with English sentence 0.
            Term findings (missing-canonical, untranslated-term, avoided-term) go to standard error.
            Exit status: 0 no findings, 1 findings, 64 usage, 65 unreadable input, 66 missing input.
            """)

    public static func run(_ arguments: ParsedArguments, io: CommandIO) throws -> ExitCode {
        guard arguments.positionals.count == 2 else {
            throw AlignError.usage("align needs two files, FR and EN (got \(arguments.positionals.count))")
        }
        let format = AlignmentFormat(rawValue: arguments.value("--format") ?? "links")!
        var lexicon = TranslationLexicon()
        if let path = arguments.value("--dictionary") {
            lexicon.add(try BilingualDictionary.load(path: path))
        }
        let options = arguments.has("--length-only") ? AlignerOptions.lengthOnly : AlignerOptions()
        let french = try readLines(arguments.positionals[0])
        let english = try readLines(arguments.positionals[1])
        let aligner = SentenceAligner(options: options, lexicon: lexicon)
        let links = aligner.align(french: french, english: english)
        var output = ""
        switch format {
        case .links:
            for link in links { output += link.bracketed + "\n" }
        default:
            break
        }
        if let path = arguments.value("--output") {
            let stream = try AtomicOutputStream(path: path)
            try stream.write(Array(output.utf8))
            try stream.commit()
        } else {
            io.writeOutput(output)
        }
        return .ok
    }

    static func readLines(_ path: String) throws -> [String] {
        let bytes = try InputFiles.read(path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw AlignError.badInput("\(path): not valid UTF-8") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// The outputs of `aligncli align`.
public enum AlignmentFormat: String, Sendable, CaseIterable {
    case links, tsv, tmx, xliff, html
}
