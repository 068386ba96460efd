/// Matching options of a concept, written in the `flags` column separated by commas.
public struct GlossaryFlags: OptionSet, Sendable, Hashable, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// `case`: match case-sensitively (diacritics are still folded).
    public static let caseSensitive = GlossaryFlags(rawValue: 1 << 0)
    /// `exact`: no inflected forms.
    public static let exact = GlossaryFlags(rawValue: 1 << 1)

    /// Every flag with its name in the file, in canonical order.
    public static let named: [(name: String, flag: GlossaryFlags)] = [("case", .caseSensitive), ("exact", .exact)]

    /// The names of the flags that are set, in canonical order.
    public var names: [String] { Self.named.filter { contains($0.flag) }.map(\.name) }

    /// The `flags` cell for these flags (`case,exact`).
    public var cellText: String { names.joined(separator: ",") }

    /// The flag called `name`, if there is one.
    public static func flag(named name: String) -> GlossaryFlags? {
        named.first { $0.name == name }?.flag
    }

    public init(from decoder: Decoder) throws {
        let names = try decoder.singleValueContainer().decode([String].self)
        var flags: GlossaryFlags = []
        for name in names {
            guard let flag = Self.flag(named: name) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown flag \(name)"))
            }
            flags.insert(flag)
        }
        self = flags
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(names)
    }
}
