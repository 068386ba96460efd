import Foundation
import Testing

@testable import Align

/// The DEFLATE and gzip decoder. The binary fixtures in `Fixtures/dictionary/` were written once
/// by `Fixtures/dictionary/make-fixtures.py` (Python's zlib and gzip, plus a small bit writer for
/// streams zlib never produces: a match exactly 32,768 bytes back, a distance past the start, an
/// over-subscribed code); run it again to regenerate them.
@Suite("Inflate")
struct InflateTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        try InputFiles.read(RepositoryPaths.fixtures + "/dictionary/" + name)
    }

    /// The text every `text-*` fixture compresses.
    static func text() throws -> [UInt8] { try fixture("text.txt") }

    /// The problem `body` throws, or `nil` when it does not throw an `Inflate.DecodingError`.
    static func problem(_ body: () throws -> [UInt8]) -> (Inflate.DecodingError.Problem, Int)? {
        do {
            _ = try body()
            return nil
        } catch let error as Inflate.DecodingError {
            return (error.problem, error.offset)
        } catch {
            return nil
        }
    }

    /// Expects `body` to throw `problem` found at byte `offset`.
    static func expect(
        _ problem: Inflate.DecodingError.Problem, at offset: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation,
        _ body: () throws -> [UInt8]
    ) {
        let found = Self.problem(body)
        #expect(found?.0 == problem && found?.1 == offset, "found \(String(describing: found))", sourceLocation: sourceLocation)
    }

    // MARK: Valid data

    @Test(
        "raw deflate: stored, fixed Huffman and dynamic Huffman blocks",
        arguments: ["text-stored.deflate", "text-fixed.deflate", "text-dynamic.deflate"])
    func blockTypes(name: String) throws {
        #expect(try Inflate.inflate(Self.fixture(name)) == Self.text())
    }

    @Test("gzip made by Python at levels 0, 1 and 9 decodes to the original text", arguments: [0, 1, 9])
    func pythonLevels(level: Int) throws {
        #expect(try Inflate.gunzip(Self.fixture("text-level\(level).gz")) == Self.text())
    }

    static let pythonEnabled = ExternalTool.isAvailable("python3") || ExternalTool.isCI

    @Test(
        "round trip through Python's gzip and zlib at levels 0, 1 and 9 (300 KB, multi-block)",
        .enabled(if: pythonEnabled), arguments: [0, 1, 9])
    func pythonRoundTrip(level: Int) throws {
        // Words drawn from a skewed distribution: long literal codes (subtables) and many blocks.
        var random = SeededGenerator(seed: UInt64(level) + 1)
        let words = ["le", "la", "œuvre", "été", "déjà", "the", "of", "work", "cessez-le-feu", "négociation", "peace", "—", "’"]
        var text: [UInt8] = []
        while text.count < 300_000 {
            let roll = Int(random.next() % 1000)
            if roll < 40 {
                text.append(UInt8(truncatingIfNeeded: random.next()))  // any byte value
            } else {
                text += Array(words[roll % words.count].utf8) + [roll % 17 == 0 ? 10 : 32]
            }
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("inflate-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("text").path
        try Data(text).write(to: URL(fileURLWithPath: input))
        let script = """
            import gzip, sys, zlib
            data = open(sys.argv[1], 'rb').read()
            level = int(sys.argv[2])
            open(sys.argv[1] + '.gz', 'wb').write(gzip.compress(data, level, mtime=0))
            raw = zlib.compressobj(level, zlib.DEFLATED, -15)
            open(sys.argv[1] + '.deflate', 'wb').write(raw.compress(data) + raw.flush())
            """
        let outcome = try ExternalTool.run("python3", ["-c", script, input, String(level)])
        try #require(outcome.status == 0, "\(outcome.output)")
        #expect(try Inflate.gunzip(InputFiles.read(input + ".gz")) == text)
        #expect(try Inflate.inflate(InputFiles.read(input + ".deflate")) == text)
    }

    @Test("a match copies from exactly 32,768 bytes back, the largest distance")
    func maximumDistance() throws {
        let output = try Inflate.inflate(Self.fixture("long-distance.deflate"))
        try #require(output.count == 32768 + 300)
        #expect(output[0..<300] == output[32768...])
        #expect(output[300..<32768].allSatisfy { $0 == UInt8(ascii: "a") })
    }

    @Test("zlib's own long matches, 32,500 bytes back")
    func longDistanceFromZlib() throws {
        let output = try Inflate.gunzip(Self.fixture("long-distance.gz"))
        try #require(output.count == 32500 + 512)
        #expect(output[0..<512] == output[32500...])
        #expect(output[512..<32500].allSatisfy { $0 == UInt8(ascii: "a") })
    }

    @Test("several members: FEXTRA, FNAME, FCOMMENT and FHCRC headers, an empty member, a stored one")
    func multiMember() throws {
        let output = try Inflate.gunzip(Self.fixture("multi-member.gz"))
        #expect(String(decoding: output, as: UTF8.self) == "première partie\nsecond member\nthird member, stored\n")
    }

    @Test("zero padding after the last member is ignored; anything else is trailing garbage")
    func padding() throws {
        let member = try Self.fixture("text-level9.gz")
        #expect(try Inflate.gunzip(member + [0, 0, 0, 0]) == Self.text())
        Self.expect(.trailingGarbage, at: member.count + 2) { try Inflate.gunzip(member + [0, 0, 7]) }
        Self.expect(.trailingGarbage, at: member.count) { try Inflate.gunzip(member + Array("x".utf8)) }
    }

    @Test("empty data: a gzip of nothing and a deflate stream of one empty block")
    func empty() throws {
        #expect(try Inflate.gunzip(Self.fixture("empty.gz")) == [])
        #expect(try Inflate.inflate([0x03, 0x00]) == [])  // fixed block holding only end-of-block
        #expect(try Inflate.inflate([0x01, 0x00, 0x00, 0xFF, 0xFF]) == [])  // empty stored block
        Self.expect(.truncated, at: 0) { try Inflate.gunzip([]) }
        Self.expect(.truncated, at: 0) { try Inflate.inflate([]) }
    }

    @Test("a dictzip file (gzip with an RA chunk table, flushed every 64 bytes) decodes whole")
    func dictzip() throws {
        #expect(try Inflate.gunzip(Self.fixture("tiny.dict.dz")) == Self.fixture("plain/tiny.dict"))
    }

    @Test("output beyond the limit is an error, not a gzip bomb")
    func outputLimit() throws {
        let bomb = try Self.fixture("bomb.gz")
        #expect(try Inflate.gunzip(bomb).count == 2 << 20)
        let (problem, _) = try #require(Self.problem { try Inflate.gunzip(bomb, maximumOutput: 1 << 20) })
        #expect(problem == .outputTooLarge(limit: 1 << 20))
        #expect(Inflate.defaultMaximumOutput == 1 << 30)
        let stored = try Self.fixture("text-stored.deflate")
        #expect(Self.problem { try Inflate.inflate(stored, maximumOutput: 100) }?.0 == .outputTooLarge(limit: 100))
    }

    // MARK: Errors

    @Test("every truncation of a gzip file is reported as truncated, at its end")
    func truncated() throws {
        let file = try Self.fixture("text-level9.gz")
        for length in 0..<file.count {
            Self.expect(.truncated, at: length) { try Inflate.gunzip(Array(file[..<length])) }
        }
        let deflate = try Self.fixture("text-dynamic.deflate")
        for length in stride(from: 0, to: deflate.count, by: 7) {
            #expect(Self.problem { try Inflate.inflate(Array(deflate[..<length])) }?.0 == .truncated)
        }
    }

    @Test("a flipped CRC-32 or ISIZE in the trailer")
    func trailer() throws {
        var file = try Self.fixture("text-level1.gz")
        let crcOffset = file.count - 8
        file[crcOffset] ^= 0x01
        let (crcProblem, offset) = try #require(Self.problem { try Inflate.gunzip(file) })
        guard case .crcMismatch(let expected, let actual) = crcProblem else {
            Issue.record("expected a CRC mismatch, got \(crcProblem)")
            return
        }
        #expect(expected ^ actual == 0x01)
        #expect(offset == crcOffset)
        file[crcOffset] ^= 0x01
        file[file.count - 4] ^= 0x01
        let text = try Self.text()
        let size = UInt32(text.count)
        Self.expect(.sizeMismatch(expected: size ^ 1, actual: size), at: file.count - 4) { try Inflate.gunzip(file) }
    }

    @Test("a corrupted payload byte fails the CRC check")
    func corruptPayload() throws {
        var file = try Self.fixture("text-level0.gz")
        file[200] ^= 0x20  // inside the stored block: still decodes, to the wrong text
        #expect(Self.problem { try Inflate.gunzip(file) }.map { if case .crcMismatch = $0.0 { true } else { false } } == true)
    }

    @Test("block type 3 is refused")
    func badBlockType() throws {
        Self.expect(.badBlockType, at: 0) { try Inflate.inflate([0x07]) }
        var file = try Self.fixture("text-level9.gz")
        file[10] |= 0x06  // the first block header follows the 10-byte gzip header
        Self.expect(.badBlockType, at: 10) { try Inflate.gunzip(file) }
    }

    @Test("a distance further back than the data so far")
    func badDistance() throws {
        let (problem, offset) = try #require(Self.problem { try Inflate.inflate(Self.fixture("bad-distance.deflate")) })
        #expect(problem == .distanceTooFar(distance: 2, available: 1))
        #expect(offset == 2)
    }

    @Test("over-subscribed code lengths")
    func badCodeLengths() throws {
        let file = try Self.fixture("bad-code-lengths.deflate")
        Self.expect(.badCodeLengths("over-subscribed code-length code"), at: 0) { try Inflate.inflate(file) }
    }

    @Test("a stored block whose length is not matched by its complement")
    func storedLength() {
        Self.expect(.storedLengthMismatch, at: 1) { try Inflate.inflate([0x01, 0x05, 0x00, 0x00, 0x00]) }
        Self.expect(.truncated, at: 6) { try Inflate.inflate([0x01, 0x05, 0x00, 0xFA, 0xFF, 0x41]) }
    }

    @Test("gzip headers: magic number, method, reserved flags, header checksum")
    func headers() throws {
        let file = try Self.fixture("multi-member.gz")
        Self.expect(.notGzip, at: 0) { try Inflate.gunzip(Array("plain text".utf8)) }
        var method = file
        method[2] = 7
        Self.expect(.unsupportedMethod(7), at: 2) { try Inflate.gunzip(method) }
        var flags = file
        flags[3] |= 0x20
        Self.expect(.reservedFlags(flags[3]), at: 3) { try Inflate.gunzip(flags) }
        var name = file
        name[20] ^= 0x01  // inside FNAME "part1.txt": the FHCRC no longer matches
        let (problem, _) = try #require(Self.problem { try Inflate.gunzip(name) })
        #expect(problem == .headerCRCMismatch)
    }

    @Test("messages name the problem and the byte offset")
    func messages() {
        let error = Inflate.DecodingError(.crcMismatch(expected: 0xDEAD_BEEF, actual: 0x0000_0001), offset: 42)
        #expect(error.description == "CRC-32 mismatch (trailer says 0xdeadbeef, data has 0x00000001) at byte offset 42")
        #expect(Inflate.DecodingError(.distanceTooFar(distance: 9, available: 3), offset: 5).description
            == "distance too far back (9 bytes, only 3 decoded) at byte offset 5")
        #expect(Inflate.DecodingError(.badBlockType, offset: 0).description == "invalid deflate block type 3 at byte offset 0")
    }

    // MARK: Robustness

    /// Mutations of valid files: each either decodes or throws `DecodingError`, never crashes,
    /// hangs or throws anything else. The generator is seeded, so every run tries the same inputs.
    @Test("4,000 seeded mutations of valid gzip and deflate data decode or throw")
    func mutations() throws {
        let sources = [
            (try Self.fixture("text-level9.gz"), true), (try Self.fixture("multi-member.gz"), true),
            (try Self.fixture("tiny.dict.dz"), true), (try Self.fixture("text-fixed.deflate"), false),
            (try Self.fixture("text-dynamic.deflate"), false),
        ]
        var random = SeededGenerator(seed: 1951)
        var decoded = 0
        var failures = 0
        for round in 0..<4000 {
            let (source, isGzip) = sources[round % sources.count]
            var bytes = source
            for _ in 0...(random.next() % 3) { Self.mutate(&bytes, &random) }
            do {
                _ = try isGzip ? Inflate.gunzip(bytes, maximumOutput: 1 << 22) : Inflate.inflate(bytes, maximumOutput: 1 << 22)
                decoded += 1
            } catch is Inflate.DecodingError {
                failures += 1
            } catch {
                Issue.record("round \(round): unexpected error \(error)")
            }
        }
        #expect(decoded + failures == 4000)
        #expect(failures > 1000)
    }

    static func mutate(_ bytes: inout [UInt8], _ random: inout SeededGenerator) {
        guard !bytes.isEmpty else {
            bytes.append(UInt8(truncatingIfNeeded: random.next()))
            return
        }
        let position = Int(random.next() % UInt64(bytes.count))
        switch random.next() % 6 {
        case 0: bytes[position] ^= 1 << UInt8(random.next() % 8)
        case 1: bytes[position] = UInt8(truncatingIfNeeded: random.next())
        case 2: bytes.removeSubrange(position...)
        case 3: bytes.removeSubrange(position..<min(bytes.count, position + 1 + Int(random.next() % 16)))
        case 4: bytes.insert(contentsOf: (0..<(1 + random.next() % 8)).map { _ in UInt8(truncatingIfNeeded: random.next()) }, at: position)
        default:
            let end = min(bytes.count, position + 1 + Int(random.next() % 64))
            bytes.insert(contentsOf: bytes[position..<end], at: Int(random.next() % UInt64(bytes.count)))
        }
    }

    // MARK: Speed

    @Test("inflates about 1 MB well within a second, even in a debug build")
    func speed() throws {
        // 320 copies of a 1 KB member: 1 MB of dynamic-Huffman text.
        let member = try Self.fixture("text-level9.gz")
        let file = Array([[UInt8]](repeating: member, count: 320).joined())
        let clock = ContinuousClock()
        var output: [UInt8] = []
        let elapsed = try clock.measure { output = try Inflate.gunzip(file) }
        #expect(output.count == 320 * (try Self.text()).count)
        // The budget is loose because the tests share the machine; the report prints the real time.
        #expect(elapsed < .seconds(2), "inflating \(output.count) bytes took \(elapsed)")
        print("inflate: \(output.count) bytes in \(elapsed)")
    }
}

