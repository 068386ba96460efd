import Testing

@testable import Align

/// The validator every document goes through, held to the standard library's UTF-8 parser.
@Suite("text: UTF-8 validation")
struct UTF8ValidationTests {
    @Test("agrees with the standard library on random text around every block offset")
    func agrees() {
        var generator = SeededGenerator(seed: 0x5EED_0201)
        let valid: [[UInt8]] = [
            Array("é".utf8), Array("À".utf8), Array("ß".utf8), Array("œ".utf8), Array("’".utf8), Array("€".utf8), Array("\u{FFFD}".utf8),
            Array("𝔘".utf8), Array("\u{10FFFF}".utf8), [0xC2, 0x80], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xF0, 0x90, 0x80, 0x80],
        ]
        let invalid: [[UInt8]] = [
            [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC3], [0xC3, 0x41], [0xC3, 0xC3], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
            [0xE2, 0x82], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE],
        ]
        var invalidSeen = 0
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &generator) {
                bytes += (0..<Int.random(in: 0...11, using: &generator)).map { _ in UInt8.random(in: 0x20...0x7E, using: &generator) }
                bytes += valid.randomElement(using: &generator)!
            }
            if Int.random(in: 0..<3, using: &generator) == 0 {
                bytes.insert(contentsOf: invalid.randomElement(using: &generator)!, at: Int.random(in: 0...bytes.count, using: &generator))
            }
            let expected = FuzzInvariants.firstInvalidUTF8(bytes)
            if expected != nil { invalidSeen += 1 }
            #expect(UTF8Validation.firstInvalidOffset(in: bytes) == expected, "\(bytes)")
        }
        #expect(invalidSeen > 500)
    }

    /// Accented letters packed close, so that whole eight-byte blocks of ASCII and two-byte
    /// sequences (checked at once) occur at every alignment, next to every kind of bad byte.
    @Test("agrees with the standard library on densely accented text")
    func agreesOnDenseText() {
        var generator = SeededGenerator(seed: 0x5EED_0202)
        let pieces: [[UInt8]] = [
            Array("é".utf8), Array("È".utf8), Array("ç".utf8), Array("œ".utf8), [0xC2, 0x80], [0xDF, 0xBF], Array("’".utf8), [0x61], [0x20], [0x7F],
        ]
        let invalid: [[UInt8]] = [[0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC3], [0xC3, 0x41], [0xC3, 0xC3], [0xC3, 0xC3, 0xA9], [0xE0, 0x80, 0x80], [0xFF]]
        var invalidSeen = 0
        var blocksSeen = 0
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            if Int.random(in: 0..<2, using: &generator) == 0 {
                bytes.insert(contentsOf: invalid.randomElement(using: &generator)!, at: Int.random(in: 0...bytes.count, using: &generator))
            }
            let expected = FuzzInvariants.firstInvalidUTF8(bytes)
            if expected != nil { invalidSeen += 1 }
            blocksSeen += stride(from: 0, to: bytes.count - 7, by: 1).count { start in
                let block = bytes[start..<(start + 8)]
                return block.contains { $0 >= 0x80 } && String(validating: block, as: UTF8.self) != nil && block.last! < 0xC0
            }
            #expect(UTF8Validation.firstInvalidOffset(in: bytes) == expected, "\(bytes)")
        }
        #expect(invalidSeen > 1000)
        #expect(blocksSeen > 10000)
    }
}

@Suite("text: code point counting")
struct UTF8CountTests {
    @Test("counts what a byte loop counts, for every start and end around the blocks")
    func agreesWithByteLoop() {
        var generator = SeededGenerator(seed: 0x5EED_0C07)
        let pieces: [[UInt8]] = [[0x61], [0x20], Array("é".utf8), Array("’".utf8), Array("𝄞".utf8), [0x80], [0xBF], [0xC0], [0xFF], [0x7F]]
        for _ in 0..<300 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &generator) { bytes += pieces.randomElement(using: &generator)! }
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return }
                for start in 0...bytes.count {
                    for end in start...bytes.count {
                        let expected = bytes[start..<end].count { $0 & 0xC0 != 0x80 }
                        #expect(UTF8Count.scalars(base, start, end) == expected)
                    }
                }
            }
        }
    }

    @Test("counts line feeds as a byte loop does, next to bytes one bit away from a line feed")
    func countsLineFeeds() {
        var generator = SeededGenerator(seed: 0x5EED_0C08)
        let alphabet: [UInt8] = [0x0A, 0x0B, 0x08, 0x8A, 0x0E, 0x2A, 0x00, 0xFF, 0x09, 0x61]
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
            let expected = bytes.count { $0 == 0x0A }
            #expect(bytes.withUnsafeBufferPointer { UTF8Count.lineFeeds(in: $0) } == expected)
        }
    }
}
