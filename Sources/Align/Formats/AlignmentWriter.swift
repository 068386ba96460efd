import Foundation

/// The outputs of `aligncli align FR EN --format links|tsv|tmx|xliff|html`, each rendered whole
/// from a `BilingualAlignment`.
///
/// Every format is deterministic: the same alignment gives the same bytes (no dates, no
/// dictionary order). Nothing here trusts the indices in the model: a link or a term range that
/// points outside its text is clamped or left unmarked, never a crash.
public enum AlignmentWriter {
    /// The output formats, named as the `--format` flag spells them.
    public enum Format: String, CaseIterable, Sendable {
        /// One link per line, `[0, 1]:[0]`, as hunalign's ladder tools and `score.py` read it.
        case links
        /// `French<TAB>English<TAB>score` per link.
        case tsv
        /// TMX 1.4b, one translation unit per link with both sides.
        case tmx
        /// XLIFF 2.1 with the glossary module, one unit per link with both sides.
        case xliff
        /// One self-contained HTML page, French and English side by side.
        case html
    }

    /// The whole output of `alignment` in `format`.
    ///
    /// - Parameters:
    ///   - toolVersion: written as the creating tool's version (TMX header, HTML footer).
    ///   - glossary: where XLIFF glossary entries find a concept's note and source file; optional.
    public static func render(_ alignment: BilingualAlignment, as format: Format, toolVersion: String = AlignVersion.current, glossary: Glossary? = nil) -> String {
        switch format {
        case .links: links(alignment)
        case .tsv: tsv(alignment)
        case .tmx: tmx(alignment, toolVersion: toolVersion)
        case .xliff: xliff(alignment, glossary: glossary)
        case .html: html(alignment, toolVersion: toolVersion)
        }
    }

    /// One line per link, in order, as `AlignmentLink.bracketed` writes it (`[0, 1]:[0]`), links
    /// with an empty side (`[2]:[]`) included.
    public static func links(_ alignment: BilingualAlignment) -> String {
        var out = ""
        for link in alignment.links {
            out += link.bracketed + "\n"
        }
        return out
    }

    /// One line per link: the French sentences joined by a space, a tab, the English sentences
    /// joined by a space, a tab, and the score with three decimals. Tabs and line breaks inside
    /// the text become spaces, so every link stays one line of three fields; an empty side is an
    /// empty field.
    public static func tsv(_ alignment: BilingualAlignment) -> String {
        var out = ""
        for link in alignment.links {
            out += tsvField(joinedText(french(of: link, in: alignment))) + "\t"
            out += tsvField(joinedText(english(of: link, in: alignment))) + "\t"
            out += scoreText(link.score) + "\n"
        }
        return out
    }

    // MARK: - Shared by the formats

    /// The French sentences of `link`; indices outside `alignment.french` are left out.
    static func french(of link: AlignmentLink, in alignment: BilingualAlignment) -> ArraySlice<AlignedSentence> {
        alignment.french[link.french.clamped(to: alignment.french.indices)]
    }

    /// The English sentences of `link`; indices outside `alignment.english` are left out.
    static func english(of link: AlignmentLink, in alignment: BilingualAlignment) -> ArraySlice<AlignedSentence> {
        alignment.english[link.english.clamped(to: alignment.english.indices)]
    }

    /// The links that become translation units (TMX `<tu>`, XLIFF `<unit>`): both sides hold a
    /// sentence. With their index in `alignment.links`.
    static func bilingualLinks(_ alignment: BilingualAlignment) -> [(index: Int, link: AlignmentLink)] {
        alignment.links.enumerated().compactMap { index, link in
            french(of: link, in: alignment).isEmpty || english(of: link, in: alignment).isEmpty ? nil : (index, link)
        }
    }

    /// The sentences' text joined by a space: one side of a pair as a single segment.
    static func joinedText(_ sentences: ArraySlice<AlignedSentence>) -> String {
        sentences.map(\.text).joined(separator: " ")
    }

    /// `score` with three decimals, `0.750`; the POSIX format, whatever the locale.
    static func scoreText(_ score: Double) -> String {
        String(format: "%.3f", score)
    }

    /// `1-2` for one French sentence paired with two English ones.
    static func linkType(_ link: AlignmentLink) -> String {
        "\(link.french.count)-\(link.english.count)"
    }

    /// The findings of each link index, in their order.
    static func findingsByLink(_ alignment: BilingualAlignment) -> [Int: [PairFinding]] {
        Dictionary(grouping: alignment.findings, by: \.link)
    }

    private static func tsvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "\t" || $0.isNewline }) else { return text }
        // Character by character, so that CR LF (one Character) becomes one space, not two.
        return String(text.map { $0 == "\t" || $0.isNewline ? " " : $0 })
    }
}
