import Testing

@testable import Align

@Suite("text: scalar folding table")
struct ScalarFoldingTests {
    /// The table is decomposed in two batched calls; each entry must still be what folding that
    /// scalar alone gives.
    @Test func batchedTableEqualsFoldingEachScalar() {
        var mismatches: [String] = []
        for value in 0..<ScalarFolding.tableLimit {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let table = ScalarFolding.fold(scalar)
            let alone = ScalarFolding.computeFold(scalar)
            if table != alone { mismatches.append("U+\(String(value, radix: 16, uppercase: true)): \(table) vs \(alone)") }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    @Test func foldsLatinLettersLigaturesAndMarks() {
        let cases: [(Unicode.Scalar, ScalarClass, String, String)] = [
            ("É", .word, "e", "E"), ("œ", .word, "oe", "oe"), ("Œ", .word, "oe", "OE"), ("ß", .word, "ss", "ss"),
            ("ǣ", .word, "ae", "ae"), ("ῷ", .word, "ω", "ω"), ("Ё", .word, "е", "Е"), ("\u{301}", .ignorable, "", ""),
            ("’", .apostrophe, "'", "'"), ("–", .hyphen, " ", " "), ("\u{A0}", .space, " ", " "), ("«", .punctuation, "«", "«"),
            ("\u{AD}", .ignorable, "", ""), ("٣", .word, "٣", "٣"),
        ]
        for (scalar, scalarClass, folded, kept) in cases {
            let fold = ScalarFolding.fold(scalar)
            #expect(fold == ScalarFold(scalarClass: scalarClass, folded: folded, foldedKeepingCase: kept), "U+\(String(scalar.value, radix: 16))")
        }
    }
}
