/// The declaration of one command: its options and arguments, from which parsing, help, "did you
/// mean" and shell completions are all derived.
public struct CommandSpec: Sendable {
    public struct Option: Sendable {
        /// `--format`.
        public var name: String
        /// `-o`, if any.
        public var shortName: String?
        /// The value's placeholder (`FILE`), or `nil` for a flag.
        public var valueName: String?
        /// The values allowed, if there is a fixed list.
        public var choices: [String]?
        public var help: String
        /// Whether the option may be given several times.
        public var repeatable = false

        public init(_ name: String, short: String? = nil, value: String? = nil, choices: [String]? = nil, repeatable: Bool = false, help: String) {
            self.name = name
            self.shortName = short
            self.valueName = value
            self.choices = choices
            self.help = help
            self.repeatable = repeatable
        }
    }

    /// The words after `aligncli` (`["glossary", "export"]`).
    public var path: [String]
    public var summary: String
    /// Positional arguments as shown in the usage line (`[PATH...]`).
    public var arguments: String
    public var options: [Option]
    /// Extra paragraphs for `--help`.
    public var discussion: String

    public init(_ path: [String], summary: String, arguments: String = "", options: [Option] = [], discussion: String = "") {
        self.path = path
        self.summary = summary
        self.arguments = arguments
        self.options = options + [Option("--help", short: "-h", help: "Show help for this command.")]
        self.discussion = discussion
    }

    public var name: String { path.joined(separator: " ") }

    /// `aligncli validate [--format text|json] [PATH...]`.
    public var usage: String {
        var parts = ["aligncli", name]
        for option in options where option.name != "--help" {
            if let value = option.valueName {
                parts.append("[\(option.name) \(option.choices?.joined(separator: "|") ?? value)]")
            } else {
                parts.append("[\(option.name)]")
            }
        }
        if !arguments.isEmpty { parts.append(arguments) }
        return parts.joined(separator: " ")
    }

    /// The text of `aligncli help COMMAND`.
    public var helpText: String {
        var out = "OVERVIEW: \(summary)\n\nUSAGE: \(usage)\n"
        if !discussion.isEmpty { out += "\n" + discussion + "\n" }
        out += "\nOPTIONS:\n"
        for option in options {
            var label = option.shortName.map { "\($0), \(option.name)" } ?? option.name
            if let value = option.valueName { label += " <\(value)>" }
            var help = option.help
            if let choices = option.choices { help += " (\(choices.joined(separator: ", ")))" }
            out += "  " + label.padding(toLength: max(label.count, 26), withPad: " ", startingAt: 0) + "  " + help + "\n"
        }
        return out
    }
}
