/// Command-line arguments after parsing against a `CommandSpec`.
public struct ParsedArguments: Sendable {
    /// Values of options that take one, in order given.
    public var values: [String: [String]] = [:]
    /// Flags that were given.
    public var flags: Set<String> = []
    public var positionals: [String] = []

    /// The last value of `option`, if given.
    public func value(_ option: String) -> String? { values[option]?.last }

    public func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// Parses `arguments` (those after the command's words) against `spec`.
    public static func parse(_ arguments: [String], for spec: CommandSpec) throws -> ParsedArguments {
        var result = ParsedArguments()
        var index = 0
        var optionsEnded = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if optionsEnded || argument == "-" || !argument.hasPrefix("-") {
                result.positionals.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let option = spec.options.first(where: { $0.name == name || $0.shortName == name }) else {
                var message = "unknown option '\(name)'"
                let names = spec.options.map(\.name)
                if let near = EditDistance.suggestion(for: name, among: names) { message += "; did you mean '\(near)'?" }
                throw AlignError.usage(message)
            }
            guard option.valueName != nil else {
                if inlineValue != nil { throw AlignError.usage("option '\(option.name)' takes no value") }
                result.flags.insert(option.name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else if index < arguments.count {
                value = arguments[index]
                index += 1
            } else {
                throw AlignError.usage("option '\(option.name)' needs a value (\(option.choices?.joined(separator: ", ") ?? option.valueName!))")
            }
            if let choices = option.choices, !choices.contains(value) {
                var message = "'\(value)' is not a valid value for '\(option.name)' (one of: \(choices.joined(separator: ", ")))"
                if let near = EditDistance.suggestion(for: value, among: choices) { message += "; did you mean '\(near)'?" }
                throw AlignError.usage(message)
            }
            if result.values[option.name] != nil, !option.repeatable {
                throw AlignError.usage("option '\(option.name)' is given more than once")
            }
            result.values[option.name, default: []].append(value)
        }
        return result
    }
}
