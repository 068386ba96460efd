import Foundation

extension OccurrenceWriter {
    /// The TSV rows of one chunk, written through a raw buffer: the hot path of `scan`, which may
    /// write a row for every 80 bytes of input. Same bytes as the general path (`ByteBuffer`).
    func formatTSV(_ matches: [ScanMatch], in chunk: DocumentChunk, document: String, labels: OccurrenceLabels) -> [UInt8] {
        guard !matches.isEmpty else { return [] }
        var escapedDocument = ByteBuffer()
        escapedDocument.appendTSV(document.utf8)
        let documentBytes = escapedDocument.bytes
        // An upper bound of the rows' size, so they are written straight into the array returned
        // (growing a buffer and copying it out cost a copy of every output byte).
        let entryConcepts = labels.entryConcepts
        let starts = labels.starts
        var capacity = 0
        for match in matches {
            let concept = Int(entryConcepts[Int(match.entry)])
            // Digits of two numbers, four tabs, the kind and a line feed fit in 64.
            capacity += documentBytes.count + 2 * (match.end - match.start) + Int(starts[concept + 1] - starts[concept]) + 64
        }
        return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
            let buffer = buffer.baseAddress!
            chunk.bytes.withUnsafeBufferPointer { text in
                labels.pool.withUnsafeBufferPointer { pool in
                    starts.withUnsafeBufferPointer { starts in
                        entryConcepts.withUnsafeBufferPointer { entryConcepts in
                            documentBytes.withUnsafeBufferPointer { documentBytes in
                                var out = buffer
                                for match in matches {
                                    let concept = Int(entryConcepts[Int(match.entry)])
                                    let label = Int(starts[concept])..<Int(starts[concept + 1])
                                    out.update(from: documentBytes.baseAddress!, count: documentBytes.count)
                                    out += documentBytes.count
                                    out.pointee = 0x09
                                    out = Self.writeNumber(match.line, to: out + 1)
                                    out.pointee = 0x09
                                    out = Self.writeNumber(match.column, to: out + 1)
                                    out.pointee = 0x09
                                    out += 1
                                    for index in match.start..<match.end { out = Self.writeTSV(text[index], to: out) }
                                    out.pointee = 0x09
                                    out += 1
                                    if !label.isEmpty {
                                        out.update(from: pool.baseAddress! + label.lowerBound, count: label.count)
                                        out += label.count
                                    }
                                    out = Self.writeKind(match.kind, to: out)
                                    out.pointee = 0x0A
                                    out += 1
                                }
                                initialized = out - buffer
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes `byte` of a TSV field, escaped as `ByteBuffer.appendTSV` does (`\t`, `\n`, `\r`,
    /// `\\`), and returns the pointer past it: at most two bytes.
    @inline(__always)
    static func writeTSV(_ byte: UInt8, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        switch byte {
        case 0x09: (out[0], out[1]) = (0x5C, 0x74)
        case 0x0A: (out[0], out[1]) = (0x5C, 0x6E)
        case 0x0D: (out[0], out[1]) = (0x5C, 0x72)
        case 0x5C: (out[0], out[1]) = (0x5C, 0x5C)
        default:
            out.pointee = byte
            return out + 1
        }
        return out + 2
    }

    /// Writes the decimal digits of `value` (not negative) and returns the pointer past them.
    @inline(__always)
    static func writeNumber(_ value: Int, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        var digits = 1
        var bound = 10
        while value >= bound, digits < 19 {
            digits += 1
            bound &*= 10
        }
        var rest = value
        for position in stride(from: digits - 1, through: 0, by: -1) {
            out[position] = UInt8(truncatingIfNeeded: 48 + rest % 10)
            rest /= 10
        }
        return out + digits
    }

    @inline(__always)
    static func writeKind(_ kind: MatchKind, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        let name: StaticString =
            switch kind {
            case .avoided: "avoided"
            case .misspelled: "misspelled"
            case .inflected: "inflected"
            case .elided: "elided"
            case .variant: "variant"
            case .folded: "folded"
            case .exact: "exact"
            }
        out.update(from: name.utf8Start, count: name.utf8CodeUnitCount)
        return out + name.utf8CodeUnitCount
    }
}
