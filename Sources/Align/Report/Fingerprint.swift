/// Stable fingerprints of findings: the same problem gets the same fingerprint across runs and
/// across unrelated edits elsewhere in the file (the line number is not part of it).
public enum Fingerprint {
    /// A 16-hex-digit FNV-1a hash of the check, the file and the message.
    public static func of(_ diagnostic: Diagnostic) -> String {
        hash([diagnostic.checkID, diagnostic.location?.file ?? "", diagnostic.message])
    }

    /// FNV-1a over the parts, each followed by a separator byte.
    public static func hash(_ parts: [String]) -> String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for part in parts {
            for byte in part.utf8 {
                value ^= UInt64(byte)
                value &*= 0x100_0000_01b3
            }
            value ^= 0x1F
            value &*= 0x100_0000_01b3
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
