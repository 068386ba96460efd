import Testing

@testable import Align

/// The block hash of lower-case words: the extractor feeds it eight bytes at a time, the
/// uncovered-term finder one scalar at a time, and both must reach the same value.
@Suite("report: lower-case word hash")
struct WordHasherTests {
    @Test("the value depends on the bytes only, not on how they were appended")
    func splits() {
        var generator = SeededGenerator(seed: 0x5EED_0101)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...40, using: &generator)).map { _ in UInt8.random(in: 1...255, using: &generator) }
            var single = WordHasher()
            for byte in bytes { single.append(byte) }
            var blocks = WordHasher()
            var index = 0
            while index < bytes.count {
                let count = min(Int.random(in: 1...8, using: &generator), bytes.count - index)
                var block: UInt64 = 0
                for offset in 0..<count { block |= UInt64(bytes[index + offset]) << (8 * offset) }
                if count == 1, Bool.random(using: &generator) { blocks.append(bytes[index]) } else { blocks.append(block: block, count: count) }
                index += count
            }
            #expect(single.value == blocks.value, "\(bytes)")
            #expect(WordHash.of(bytes) == single.value, "\(bytes)")
            #expect(WordHash.of(AnySequence(bytes)) == single.value, "\(bytes)")
        }
    }

    @Test("different words, and the same word with trailing bytes, hash apart")
    func distinct() {
        var seen: [UInt64: String] = [:]
        let words = ["", "a", "aa", "aaaaaaaa", "aaaaaaaaa", "ab", "ba", "été", "ete", "abcdefgh", "abcdefghi", "abcdefgh\u{0}"]
        for word in words {
            var hasher = WordHasher()
            for byte in word.utf8 { hasher.append(byte) }
            #expect(seen[hasher.value] == nil, "\(word) collides with \(seen[hasher.value] ?? "")")
            seen[hasher.value] = word
        }
    }

    @Test("a scalar appends its UTF-8 bytes")
    func scalars() {
        for text in ["a", "é", "ß", "œuvre", "Ω", "中文", "𝔘", "x\u{10FFFF}"] {
            var byScalar = WordHasher()
            for scalar in text.unicodeScalars { byScalar.append(scalar: scalar.value) }
            var byByte = WordHasher()
            for byte in text.utf8 { byByte.append(byte) }
            #expect(byScalar.value == byByte.value, "\(text)")
        }
    }

    @Test("the extractor's lower-case words are exactly the finder's hashes of them")
    func extractorAgrees() {
        var generator = SeededGenerator(seed: 0x5EED_0103)
        let pieces = [
            "a", "e", "z", "q", "é", "è", "à", "ç", "ß", "œ", "ÿ", "E", "É", "À", "Œ", "Ω", "ω", "1", "7", "\u{0301}", "\u{00AD}", "ı", "İ", "中",
        ]
        let gaps = [" ", ", ", "-", "’", " — ", ". ", "\n", "\t", " « ", "×", "÷", "\u{00A0}"]
        for _ in 0..<60 {
            var text = ""
            for _ in 0..<Int.random(in: 1...120, using: &generator) {
                // Long runs of ASCII letters cross the eight-byte blocks at every offset.
                for _ in 0..<Int.random(in: 1...14, using: &generator) {
                    text += Int.random(in: 0..<3, using: &generator) == 0
                        ? pieces.randomElement(using: &generator)! : String(UnicodeScalar(UInt8.random(in: 0x61...0x7A, using: &generator)))
                }
                text += gaps.randomElement(using: &generator)!
            }
            var expected = Set<UInt64>()
            var word: [Unicode.Scalar] = []
            func flush() {
                defer { word = [] }
                let infos = word.map { CaseTable.info($0.value) }.filter { $0.scalarClass == ScalarClass.word.rawValue }
                guard let first = infos.first, !first.isUpper else { return }
                guard infos.count >= 2, infos.contains(where: \.isLower) else { return }
                expected.insert(CaseTable.lowercaseHash(String(String.UnicodeScalarView(word))))
            }
            for scalar in text.unicodeScalars {
                let scalarClass = CaseTable.info(scalar.value).scalarClass
                if scalarClass == ScalarClass.word.rawValue || (scalarClass == ScalarClass.ignorable.rawValue && !word.isEmpty) {
                    word.append(scalar)
                } else {
                    flush()
                }
            }
            flush()
            var bytes = Array(text.utf8)
            bytes.append(0x0A)
            var extractor = CandidateExtractor(keepsSpans: false)
            let output = bytes.withUnsafeBufferPointer { extractor.extract(UnsafeBufferPointer(rebasing: $0[..<(bytes.count - 1)]), firstLine: 1, matches: []) }
            #expect(output.lowercaseWords.count == expected.count)
            #expect(expected.allSatisfy { output.lowercaseWords.contains($0) }, "\(text)")
        }
    }

    @Test("the ASCII run of a block matches a byte loop over the fold table")
    func asciiWords() {
        var generator = SeededGenerator(seed: 0x5EED_0104)
        let fold = ByteFoldTable.shared
        let edges: [UInt8] = [0x2F, 0x30, 0x39, 0x3A, 0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x20, 0x27, 0x2D, 0x00, 0x7F, 0x80, 0xB0, 0xC1, 0xDA, 0xE1, 0xFF]
        for _ in 0..<20000 {
            let bytes = (0..<8).map { _ in
                Bool.random(using: &generator) ? UInt8.random(in: 0x30...0x7A, using: &generator) : edges.randomElement(using: &generator)!
            }
            var block: UInt64 = 0
            for (offset, byte) in bytes.enumerated() { block |= UInt64(byte) << (8 * offset) }
            let run = bytes.prefix { $0 < 0x80 && fold.asciiClass[Int($0)] == ScalarClass.word.rawValue }
            var folded: UInt64 = 0
            for (offset, byte) in run.enumerated() { folded |= UInt64(fold.asciiFolded[Int(byte)]) << (8 * offset) }
            let result = WordHasher.asciiRun(block)
            #expect(result.count == run.count, "\(bytes)")
            #expect(result.folded == folded, "\(bytes)")
            #expect(result.lower.nonzeroBitCount == run.count { $0 >= 0x61 }, "\(bytes)")
            #expect(result.upper.nonzeroBitCount == run.count { $0 >= 0x41 && $0 <= 0x5A }, "\(bytes)")
            #expect(result.digits.nonzeroBitCount == run.count { $0 <= 0x39 }, "\(bytes)")
        }
    }
}
