@testable import Align

/// SRX loading and rule compilation, then segmentation with the loaded rules. The input is the SRX
/// file, optionally followed by a NUL byte and a text to segment (a sample is used otherwise).
///
/// Invariants: breaks are strictly increasing, inside the text and on character boundaries; the
/// same rules give the same breaks twice.
enum SRXFuzzTarget {
    static let sample = Array("M. Dupont est arrivé à 10 h. Il a dit : « Non ! » Puis il est parti… L'OTAN (cf. p. 3) a répondu. Fin".utf8)

    static func run(_ data: [UInt8], context: FuzzContext) -> [String] {
        let parts = FuzzBytes(data).parts(separatedBy: 0, maxParts: 2)
        let srx = Array(parts[0])
        let text = parts.count > 1 ? Array(String(decoding: parts[1], as: UTF8.self).utf8) : sample
        let document: SRXDocument
        do {
            document = try SRXDocument.parse(srx, source: "fuzz.srx")
        } catch let error as AlignError {
            guard case .badInput = error else { return ["SRX parse threw \(error), not a bad-input error"] }
            return []
        } catch {
            return ["SRX parse threw \(error), not an AlignError"]
        }
        var problems: [String] = []
        for language in ["fr", "en", document.maps.first.map { String($0.pattern.prefix(8)) } ?? "de"] {
            let (segmenter, _) = SRXSegmenter.compile(document, language: language)
            let breaks = segment(text, with: segmenter)
            var previous = 0
            for offset in breaks {
                if offset <= previous || offset >= text.count {
                    problems.append("break \(offset) after \(previous) in a text of \(text.count) bytes (language \(language))")
                } else if text[offset] & 0xC0 == 0x80 {
                    problems.append("break \(offset) inside a character (language \(language))")
                }
                previous = offset
            }
            if segment(text, with: segmenter) != breaks { problems.append("segmenting twice gave different breaks (language \(language))") }
        }
        return problems
    }

    static func segment(_ text: [UInt8], with segmenter: SRXSegmenter) -> [Int] {
        var scratch = SRXSegmenter.Scratch()
        return text.withUnsafeBufferPointer { segmenter.breaks(in: $0, scratch: &scratch) }
    }
}
