@testable import Align

/// The native TSV reader and the CSV reader. The first byte picks the reader; the rest is the file.
///
/// Invariants: every diagnostic points inside the file (line and column from 1, line at most one
/// past the last); a TSV parse for errors only (what `scan` does) finds the same errors and
/// concepts as a full one; a glossary read without errors that validates survives export to every exchange format and
/// import back unchanged, and the same glossary always exports to the same bytes.
enum GlossaryFuzzTarget {
    static func run(_ data: [UInt8], context: FuzzContext) -> [String] {
        var input = FuzzBytes(data)
        let csv = input.byte() & 1 == 1
        let file = Array(input.bytes)
        let path = csv ? "fuzz.csv" : "fuzz.tsv"
        let (glossary, diagnostics) = csv ? CSVGlossaryCodec.read(file, path: path) : {
            let parsed = GlossaryParser.parse(file, path: path)
            return (Glossary(concepts: parsed.document.concepts), parsed.diagnostics)
        }()
        var problems = FuzzInvariants.diagnosticsInside(diagnostics, file: file, path: path)
        if !csv {
            let lean = GlossaryParser.parse(file, path: path, detail: .errorsOnly)
            if lean.diagnostics.filter({ $0.severity == .error }) != diagnostics.filter({ $0.severity == .error }) {
                problems.append("a parse for errors only found other errors than a full parse")
            }
            if lean.document.concepts != glossary.concepts { problems.append("a parse for errors only made other concepts than a full parse") }
        }
        // Only a glossary that also passes validation (unique ids, no conflicting forms) must come back whole.
        guard !diagnostics.contains(where: { $0.severity == .error }),
            !GlossaryValidator.validate(glossary.concepts).contains(where: { $0.severity == .error })
        else { return problems }
        problems += FuzzInvariants.roundTrips(glossary, through: GlossaryExchangeFormat.allCases)
        return problems
    }
}
