/// A small builder for indented XML: one element per line, two spaces per level, LF line ends.
/// Attribute order is the order given, so the same calls always give the same bytes.
struct XMLOutput {
    private(set) var text = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    private var openElements: [String] = []

    /// A line written as it is (a DOCTYPE declaration), at the current depth.
    mutating func raw(_ line: String) {
        text += indentation + line + "\n"
    }

    /// Opens `name`; every `start` needs an `end`.
    mutating func start(_ name: String, _ attributes: KeyValuePairs<String, String> = [:]) {
        text += indentation + "<" + name + Self.attributeText(attributes) + ">\n"
        openElements.append(name)
    }

    /// Closes the innermost open element.
    mutating func end() {
        let name = openElements.removeLast()
        text += indentation + "</" + name + ">\n"
    }

    /// An element holding only `content`, on one line.
    mutating func element(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text content: String) {
        text += indentation + "<" + name + Self.attributeText(attributes) + ">" + XMLEscaping.text(content) + "</" + name + ">\n"
    }

    private var indentation: String { String(repeating: "  ", count: openElements.count) }

    private static func attributeText(_ attributes: KeyValuePairs<String, String>) -> String {
        attributes.map { " \($0.key)=\"\(XMLEscaping.attribute($0.value))\"" }.joined()
    }
}
