import Foundation
import Testing

@testable import Align

/// Every fuzz target on its checked-in seeds (`Fuzz/corpus/<target>`, regressions included) and on
/// seeded mutations of them: no trap, and every invariant holds. libFuzzer's own runs are
/// `scripts/fuzz.sh`; this keeps the targets and their invariants honest in every `swift test`.
@Suite("Fuzz targets: seeds and seeded mutations")
struct FuzzSmokeTests {
    static let context = FuzzContext(root: RepositoryPaths.root)

    static func seeds(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = RepositoryPaths.root + "/Fuzz/corpus/" + target
        return try FileManager.default.contentsOfDirectory(atPath: folder).sorted().map { name in
            (name, Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + name))))
        }
    }

    /// A mutation in libFuzzer's spirit: flip, insert, delete or duplicate a few bytes.
    static func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
        var out = bytes
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = out.isEmpty ? 0 : Int.random(in: 0..<out.count, using: &generator)
            switch Int.random(in: 0..<5, using: &generator) {
            case 0 where !out.isEmpty: out[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
            case 1: out.insert(UInt8.random(in: 0...255, using: &generator), at: position)
            case 2 where !out.isEmpty: out.remove(at: position)
            case 3 where !out.isEmpty:
                let end = min(out.count, position + Int.random(in: 1...16, using: &generator))
                out.insert(contentsOf: out[position..<end], at: position)
            default: out.insert(contentsOf: [0x0A, 0x00, 0x3C, 0x22, 0xC3, 0xA9].shuffled(using: &generator).prefix(2), at: position)
            }
        }
        return out
    }

    @Test("every target has seeds, and the list matches scripts/fuzz.sh")
    func targetsHaveSeeds() throws {
        let script = try String(contentsOfFile: RepositoryPaths.root + "/scripts/fuzz.sh", encoding: .utf8)
        let names = FuzzTarget.all.map(\.name)
        #expect(script.contains("targets=(\(names.joined(separator: " ")))"))
        for name in names { #expect(try Self.seeds(name).count >= 4, "\(name)") }
    }

    @Test("seeds and 40 mutations of each seed (regressions as they are) break no invariant", arguments: FuzzTarget.all.map(\.name))
    func seedsAndMutations(target name: String) throws {
        let target = try #require(FuzzTarget.named(name))
        var generator = SeededGenerator(seed: UInt64(name.utf8.reduce(0) { $0 &* 31 &+ Int($1) }.magnitude))
        for seed in try Self.seeds(name) {
            var input = seed.bytes
            // Regressions are kept for what they are; some are large and slow (a 16 KB aligner input).
            for round in 0...(seed.name.hasPrefix("regression-") ? 0 : 40) {
                let problems = target.run(input, Self.context)
                #expect(problems.isEmpty, "\(name) \(seed.name) mutation \(round): \(problems.joined(separator: "\n"))")
                if !problems.isEmpty { break }
                input = Self.mutate(round % 8 == 7 ? seed.bytes : input, using: &generator)
            }
        }
    }
}
