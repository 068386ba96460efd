@testable import Align

/// TBX import, both versions (TBX-Basic 2019 `<tbx>` and TBX v2 `<martif>`): the reader must
/// refuse entity declarations and malformed XML with a diagnostic, never expand or crash.
///
/// Invariants: diagnostics point inside the file; a glossary imported without errors that validates survives
/// export to every exchange format and import back unchanged.
enum TBXFuzzTarget {
    static func run(_ data: [UInt8], context: FuzzContext) -> [String] {
        let (glossary, diagnostics) = TBXReader.read(data, path: "fuzz.tbx")
        var problems = FuzzInvariants.diagnosticsInside(diagnostics, file: data, path: "fuzz.tbx")
        // Only a glossary that also passes validation (unique ids, no conflicting forms) must come back whole.
        guard !diagnostics.contains(where: { $0.severity == .error }),
            !GlossaryValidator.validate(glossary.concepts).contains(where: { $0.severity == .error })
        else { return problems }
        problems += FuzzInvariants.roundTrips(glossary, through: GlossaryExchangeFormat.allCases)
        return problems
    }
}
