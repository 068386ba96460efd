@testable import Align

/// Invariants several targets share. Each returns the violations it finds as messages.
enum FuzzInvariants {
    /// The offset of the first ill-formed UTF-8 sequence by the standard library's parser: the
    /// reference `UTF8Validation` is held to, written independently of it.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// Every diagnostic about `file` names it and points inside it: line from 1 to one past the
    /// last line, column from 1 to one past the line's length, byte offset within the file. Lines
    /// end at LF, or at CR, LF and CRLF alike (readers accept both conventions).
    static func diagnosticsInside(_ diagnostics: [Diagnostic], file: [UInt8], path: String) -> [String] {
        let tables = [lineLengths(file, carriageReturnEndsLines: false), lineLengths(file, carriageReturnEndsLines: true)]
        func fits(_ location: SourceLocation, _ lengths: [Int]) -> Bool {
            guard location.line >= 1, location.line <= lengths.count + 1, location.column >= 1 else { return false }
            return location.column <= (location.line <= lengths.count ? lengths[location.line - 1] : 0) + 1
        }
        var problems: [String] = []
        for diagnostic in diagnostics {
            guard let location = diagnostic.location else { continue }
            let place = "\(diagnostic.checkID) at \(location.line):\(location.column)"
            if location.file != path {
                problems.append("\(place) names \(location.file), not \(path)")
            } else if !tables.contains(where: { fits(location, $0) }) {
                problems.append("\(place) is outside the file (\(tables[1].count) lines)")
            } else if let offset = location.byteOffset, offset < 0 || offset > file.count {
                problems.append("\(place): byte offset \(offset) outside a file of \(file.count) bytes")
            }
        }
        return problems
    }

    /// The length in bytes of every line of `file`.
    static func lineLengths(_ file: [UInt8], carriageReturnEndsLines: Bool) -> [Int] {
        var lengths = [0]
        var previous: UInt8 = 0
        for byte in file {
            defer { previous = byte }
            if byte == 0x0A && carriageReturnEndsLines && previous == 0x0D { continue }
            if byte == 0x0A || (byte == 0x0D && carriageReturnEndsLines) { lengths.append(0) } else { lengths[lengths.count - 1] += 1 }
        }
        return lengths
    }

    /// `glossary` exported to each format and read back is the same glossary, without errors,
    /// and exporting twice gives the same bytes. The native TSV writer is `fmt`'s: it writes each
    /// concept in canonical form (NFC, single spaces, variants sorted), so through TSV the glossary
    /// comes back canonical, and canonical again gives the same.
    static func roundTrips(_ glossary: Glossary, through formats: [GlossaryExchangeFormat]) -> [String] {
        var problems: [String] = []
        let canonical = Glossary(concepts: glossary.concepts.map(GlossaryWriter.canonical))
        if Glossary(concepts: canonical.concepts.map(GlossaryWriter.canonical)) != canonical { problems.append("the canonical form is not stable") }
        for format in formats {
            let expected = format == .tsv ? canonical : glossary
            let text = GlossaryExchange.export(glossary, as: format)
            if GlossaryExchange.export(glossary, as: format) != text { problems.append("\(format) export is not deterministic") }
            do {
                let (back, diagnostics) = try GlossaryExchange.read(Array(text.utf8), path: "round-trip.\(format)", format: format)
                if let error = diagnostics.first(where: { $0.severity == .error }) {
                    problems.append("\(format) round trip: the export is refused: \(error.checkID) \(error.message)")
                } else if back != expected {
                    let first = zip(expected.concepts, back.concepts).first { $0 != $1 }
                    problems.append("\(format) round trip changed the glossary (\(expected.concepts.count) → \(back.concepts.count) concepts); first difference: \(String(describing: first))")
                }
            } catch {
                problems.append("\(format) round trip: import threw \(error)")
            }
        }
        return problems
    }

    /// `links` are monotone, each has a sentence on one side at least and a shape the aligner
    /// considers, scores are finite and not negative (0 with an empty side), and together they
    /// cover French `0..<french` and English `0..<english` exactly once, in order.
    static func monotoneCover(_ links: [AlignmentLink], french: Int, english: Int) -> [String] {
        var x = 0
        var y = 0
        for (k, link) in links.enumerated() {
            let problem: String?
            if link.french.lowerBound != x || link.english.lowerBound != y {
                problem = "starts at [\(link.french.lowerBound)]:[\(link.english.lowerBound)], expected [\(x)]:[\(y)]"
            } else if link.french.isEmpty && link.english.isEmpty {
                problem = "is empty on both sides"
            } else if !BeadShape.all.contains(where: { $0.french == link.french.count && $0.english == link.english.count }) {
                problem = "has a shape the aligner does not consider"
            } else if !link.score.isFinite || link.score < 0 || ((link.french.isEmpty || link.english.isEmpty) && link.score != 0) {
                problem = "has score \(link.score)"
            } else {
                problem = nil
            }
            if let problem { return ["link \(k) \(link.bracketed) \(problem)"] }
            x = link.french.upperBound
            y = link.english.upperBound
        }
        return x == french && y == english ? [] : ["links end at [\(x)]:[\(y)], expected [\(french)]:[\(english)]"]
    }
}
