import Foundation

/// One JSON encoder configuration for every machine-readable output: sorted keys, two-space
/// indentation, no escaped slashes, a final newline. Deterministic by construction.
public enum JSONOutput {
    /// Encodes `value`; encoding our own `Encodable` types cannot fail, so a failure is a bug.
    public static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            let data = try encoder.encode(value)
            return String(decoding: data, as: UTF8.self) + "\n"
        } catch {
            preconditionFailure("JSON encoding of a report value failed: \(error)")
        }
    }
}
