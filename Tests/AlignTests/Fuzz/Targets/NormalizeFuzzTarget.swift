@testable import Align

/// The decoder and the normalizer. The first byte picks the encoding and options; the rest is the
/// document, normalized with the built-in segmentation rules, the shipped boilerplate rules and
/// the shipped glossary.
///
/// Invariants: a document is either refused (NUL byte, invalid UTF-8 at the byte offset a reference
/// validator finds, a line over the limit) or normalized; then the provenance of every segment rebuilds its text from the original
/// bytes; segments and removals never overlap and stay inside the file; term ranges stay inside
/// their segment; and in UTF-8, every byte that is neither kept nor logged as removed is white space.
enum NormalizeFuzzTarget {
    static func run(_ data: [UInt8], context: FuzzContext) -> [String] {
        var input = FuzzBytes(data)
        let choice = input.byte()
        let encoding = TextEncoding.allCases[Int(choice & 3) % TextEncoding.allCases.count]
        var options = NormalizeOptions()
        options.apostrophe = choice & 4 == 0 ? .ascii : .typographic
        options.frenchSpacing = NormalizeOptions.FrenchSpacing.allCases[Int(choice >> 3 & 3) % 3]
        options.dash = NormalizeOptions.Dash.allCases[Int(choice >> 5 & 3) % 3]
        options.keepBoilerplate = choice & 0x80 != 0
        let original = Array(input.bytes)

        let document: DocumentText
        do {
            document = try DocumentText(bytes: original, encoding: encoding)
        } catch {
            switch error {
            case .binary(let offset):
                return offset >= 0 && offset < original.count && original[offset] == 0 ? [] : ["binary at \(offset), which is not a NUL byte"]
            case .invalidUTF8(let offset, let line, let column):
                guard encoding == .utf8, offset < original.count, line >= 1, column >= 1 else {
                    return ["invalid UTF-8 reported at \(offset) (\(line):\(column)) in \(encoding) text of \(original.count) bytes"]
                }
                let reference = FuzzInvariants.firstInvalidUTF8(Array(original))
                return reference == offset ? [] : ["invalid UTF-8 reported at \(offset), the reference validator says \(String(describing: reference))"]
            case .lineTooLong(let line, let offset):
                return original.count > InputLimits.maximumLineLength ? [] : ["line \(line) at \(offset) reported too long in a file of \(original.count) bytes"]
            }
        }
        let normalizer = CorpusNormalizer(options: options, segmenter: context.segmenter, boilerplate: context.boilerplate, glossary: context.shippedGlossary)
        let result = normalizer.normalize(document, path: "fuzz.txt")
        return provenanceProblems(result, original: original, encoding: encoding)
    }

    /// The original bytes of `range` as UTF-8 text (single-byte encodings decode piece by piece).
    static func decoded(_ original: [UInt8], _ range: Range<Int>, _ encoding: TextEncoding) -> [UInt8] {
        encoding.decodeToUTF8(original[range])
    }

    static func provenanceProblems(_ result: NormalizedDocument, original: [UInt8], encoding: TextEncoding) -> [String] {
        var problems: [String] = []
        var covered = [Bool](repeating: false, count: original.count)
        func claim(_ range: Range<Int>, _ what: String) {
            guard range.lowerBound >= 0, range.upperBound <= original.count, range.lowerBound <= range.upperBound else {
                problems.append("\(what) \(range) is outside the file of \(original.count) bytes")
                return
            }
            for index in range {
                if covered[index] { problems.append("\(what) \(range) overlaps at byte \(index)"); return }
                covered[index] = true
            }
        }
        for segment in result.segments {
            claim(segment.original, "segment \(segment.index)")
            guard segment.original.upperBound <= original.count else { continue }
            var rebuilt: [UInt8] = []
            var cursor = segment.original.lowerBound
            for edit in segment.edits {
                guard edit.original.lowerBound >= cursor, edit.original.upperBound <= segment.original.upperBound else {
                    problems.append("segment \(segment.index): edit \(edit.original) out of order or outside \(segment.original)")
                    break
                }
                rebuilt += decoded(original, cursor..<edit.original.lowerBound, encoding)
                rebuilt += Array(edit.replacement.utf8)
                cursor = edit.original.upperBound
            }
            rebuilt += decoded(original, cursor..<segment.original.upperBound, encoding)
            let text = String(decoding: rebuilt, as: UTF8.self)
            if text.trimmingCharacters(in: .whitespaces) != segment.source {
                problems.append("segment \(segment.index): provenance rebuilds \(text.debugDescription), the segment is \(segment.source.debugDescription)")
            }
            for term in segment.terms {
                let sourceCount = segment.source.utf8.count
                if !segment.original.contains(term.original.lowerBound) || term.original.upperBound > segment.original.upperBound {
                    problems.append("segment \(segment.index): term \(term.conceptID) at \(term.original) is outside the segment \(segment.original)")
                }
                if term.surface.upperBound > sourceCount || term.term.lowerBound < term.surface.lowerBound || term.term.upperBound != term.surface.upperBound {
                    problems.append("segment \(segment.index): term \(term.conceptID) ranges \(term.surface)/\(term.term) do not fit a source of \(sourceCount) bytes")
                }
            }
        }
        for removal in result.removals { claim(removal.original, "removal \(removal.rule)") }
        if encoding == .utf8 {
            var index = 0
            while index < original.count {
                defer { index += 1 }
                if covered[index] || [0x20, 0x0A, 0x0D, 0x09, 0x0B, 0x0C].contains(original[index]) { continue }
                // A byte order mark, and white space characters of more than one byte, may be trimmed.
                if index < 3, original.starts(with: [0xEF, 0xBB, 0xBF]) { continue }
                let lead = original[index]
                let scalarEnd = index + (lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4)
                if scalarEnd <= original.count, let scalar = String(decoding: original[index..<scalarEnd], as: UTF8.self).unicodeScalars.first,
                    scalar.properties.isWhitespace || scalar.properties.generalCategory == .format || scalar.properties.generalCategory == .control
                {
                    index = scalarEnd - 1
                    continue
                }
                problems.append("byte \(index) (0x\(String(original[index], radix: 16))) is neither kept nor logged as removed")
                break
            }
        }
        return problems
    }
}
