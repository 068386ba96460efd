import Foundation

/// Reads a French document and its English translation, splits both into sentences (through the
/// normalization pipeline, or one sentence per line), aligns them and checks their terms.
public struct PairAligner: Sendable {
    public var aligner: SentenceAligner
    /// `nil`: no glossary, so no term findings.
    public var checker: TermPairChecker?
    /// `nil`: the inputs hold one sentence per line.
    public var french: CorpusNormalizer?
    public var english: CorpusNormalizer?
    public var encoding: TextEncoding = .utf8

    public init(aligner: SentenceAligner, checker: TermPairChecker?, french: CorpusNormalizer?, english: CorpusNormalizer?) {
        self.aligner = aligner
        self.checker = checker
        self.french = french
        self.english = english
    }

    /// Normalizers for documents: Align's built-in segmentation rules and the boilerplate rules,
    /// terms left as they are (the aligner reads the text itself).
    public static func documentNormalizers(boilerplate: BoilerplateRules) -> (french: CorpusNormalizer, english: CorpusNormalizer) {
        func normalizer(_ language: String) -> CorpusNormalizer {
            var options = NormalizeOptions()
            options.language = language
            options.terms = .off
            options.removesForeignLanguage = false
            let segmenter = SRXSegmenter.compile(BuiltInSegmentationRules.document, language: language).segmenter
            return CorpusNormalizer(options: options, segmenter: segmenter, boilerplate: boilerplate, glossary: nil)
        }
        return (normalizer("fr"), normalizer("en"))
    }

    /// Aligns the files at `frenchPath` and `englishPath`; throws when one cannot be read.
    public func align(frenchPath: String, englishPath: String, standardInput: () -> [UInt8] = { [] }) throws -> BilingualAlignment {
        let frenchSentences = try sentences(of: frenchPath, normalizer: french, standardInput: standardInput)
        let englishSentences = try sentences(of: englishPath, normalizer: english, standardInput: standardInput)
        let links = aligner.align(french: frenchSentences.map(\.text), english: englishSentences.map(\.text))
        var alignment = BilingualAlignment(frenchPath: frenchPath, englishPath: englishPath, french: frenchSentences, english: englishSentences, links: links)
        if let checker { alignment.findings = checker.check(&alignment) }
        return alignment
    }

    func sentences(of path: String, normalizer: CorpusNormalizer?, standardInput: () -> [UInt8]) throws -> [AlignedSentence] {
        let bytes = path == "-" ? standardInput() : try InputFiles.read(path)
        let text: DocumentText
        do {
            text = try DocumentText(bytes: bytes, encoding: encoding)
        } catch {
            let diagnostic = error.diagnostic(path: path, consequence: "the pair is not aligned")
            let location = diagnostic.location.map { "\($0.line):\($0.column): " } ?? ""
            throw AlignError.badInput("\(path):\(location)\(diagnostic.message)")
        }
        guard let normalizer else {
            return text.lines.map { line in
                AlignedSentence(text: String(decoding: text.utf8[line.range], as: UTF8.self), line: line.number)
            }
        }
        let document = normalizer.normalize(text, path: path)
        return document.segments.map { segment in
            AlignedSentence(text: segment.source, line: segment.line, column: Self.column(of: segment.original.lowerBound, in: bytes))
        }
    }

    /// 1-based column in code points of byte `offset`, counting from the line's start.
    static func column(of offset: Int, in bytes: [UInt8]) -> Int {
        var start = min(offset, bytes.count)
        while start > 0 && bytes[start - 1] != 0x0A && bytes[start - 1] != 0x0D { start -= 1 }
        var column = 1
        var index = start
        while index < min(offset, bytes.count) {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return column
    }
}
