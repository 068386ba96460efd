import Foundation

/// Findings accepted earlier (`--write-baseline FILE`), so CI fails only on new ones
/// (`--baseline FILE`). A finding is new when its fingerprint is not in the baseline, or when it
/// now has more occurrences than the baseline recorded. Format in docs/report.md.
public struct ReportBaseline: Sendable, Codable, Equatable {
    /// The version of the baseline format.
    public static let currentVersion = 1

    /// One accepted finding.
    public struct Entry: Sendable, Codable, Equatable {
        public var fingerprint: String
        public var check: String
        public var term: String
        public var occurrences: Int
    }

    public var format = "align-baseline"
    public var version = ReportBaseline.currentVersion
    /// Sorted by fingerprint, so the file is byte-identical for the same findings.
    public var findings: [Entry]

    /// A baseline accepting `findings`.
    public init(findings: [Finding]) {
        self.findings = findings.map { Entry(fingerprint: $0.fingerprint, check: $0.check, term: $0.term, occurrences: $0.occurrences) }
            .sorted { $0.fingerprint != $1.fingerprint ? $0.fingerprint < $1.fingerprint : $0.check < $1.check }
    }

    /// Reads a baseline file; a missing file is `missingInput`, anything unreadable `badInput`.
    public static func read(_ path: String) throws -> ReportBaseline {
        let bytes = try InputFiles.read(path)
        let baseline: ReportBaseline
        do {
            baseline = try JSONDecoder().decode(ReportBaseline.self, from: Data(bytes))
        } catch {
            throw AlignError.badInput("\(path): not an aligncli baseline (\(Self.describe(error)))")
        }
        guard baseline.format == "align-baseline" else { throw AlignError.badInput("\(path): not an aligncli baseline (format '\(baseline.format)')") }
        guard baseline.version <= currentVersion else {
            throw AlignError.badInput("\(path): baseline version \(baseline.version) is newer than this aligncli reads (\(currentVersion))")
        }
        return baseline
    }

    static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing key '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context): "wrong value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        case DecodingError.dataCorrupted: "invalid JSON"
        default: "unreadable"
        }
    }

    /// The baseline as written to a file.
    public var rendered: String { JSONOutput.encode(self) }

    /// Marks each finding `unchanged` when the baseline accepts it (same fingerprint, no more
    /// occurrences than then), else `new`.
    public func apply(to findings: inout [Finding]) {
        let accepted = Dictionary(self.findings.map { ($0.fingerprint, $0.occurrences) }, uniquingKeysWith: max)
        for index in findings.indices {
            let known = accepted[findings[index].fingerprint].map { findings[index].occurrences <= $0 } ?? false
            findings[index].baseline = known ? .unchanged : .new
        }
    }
}
