@testable import Align

/// One fuzz target: a function of arbitrary bytes that must not crash, hang or trap, and that
/// returns the invariants the input broke (empty when all hold).
///
/// The same targets run under libFuzzer (`Fuzz/main.swift`, built by `scripts/fuzz.sh`), where a
/// broken invariant aborts the process so libFuzzer keeps the input, and in `swift test`
/// (`FuzzSmokeTests`), where every checked-in seed and seeded mutations of it must pass.
struct FuzzTarget: Sendable {
    /// The name `scripts/fuzz.sh` and the seed folder `Fuzz/corpus/<name>` use.
    let name: String
    let run: @Sendable ([UInt8], FuzzContext) -> [String]

    /// Every target, in the order the fuzz script runs them.
    static let all: [FuzzTarget] = [
        FuzzTarget(name: "glossary", run: GlossaryFuzzTarget.run),
        FuzzTarget(name: "tbx", run: TBXFuzzTarget.run),
        FuzzTarget(name: "srx", run: SRXFuzzTarget.run),
        FuzzTarget(name: "normalize", run: NormalizeFuzzTarget.run),
        FuzzTarget(name: "matcher", run: MatcherFuzzTarget.run),
        FuzzTarget(name: "aligner", run: AlignerFuzzTarget.run),
        FuzzTarget(name: "cli", run: CommandLineFuzzTarget.run),
    ]

    static func named(_ name: String) -> FuzzTarget? { all.first { $0.name == name } }
}
