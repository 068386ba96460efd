/// Encodings of input text. Single-byte encodings are decoded to UTF-8 before scanning; offsets
/// reported to the user are still offsets in the original bytes.
public enum TextEncoding: String, CaseIterable, Sendable {
    case utf8 = "utf-8"
    case latin1
    case windows1252 = "windows-1252"

    /// Windows-1252 code points for bytes 0x80–0x9F (undefined ones map to the C1 control of the same value).
    static let windows1252High: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// `bytes` in UTF-8 (for single-byte encodings; UTF-8 is returned as is).
    public func decodeToUTF8(_ bytes: some Collection<UInt8>) -> [UInt8] {
        if self == .utf8 { return Array(bytes) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            var value = UInt32(byte)
            if self == .windows1252, byte >= 0x80, byte <= 0x9F { value = Self.windows1252High[Int(byte - 0x80)] }
            if value < 0x80 {
                out.append(UInt8(value))
            } else if value < 0x800 {
                out.append(UInt8(0xC0 | (value >> 6)))
                out.append(UInt8(0x80 | (value & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (value >> 12)))
                out.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                out.append(UInt8(0x80 | (value & 0x3F)))
            }
        }
        return out
    }
}
