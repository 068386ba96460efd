/// Completion scripts for bash, zsh and fish, generated from `AlignCommandLine.commands`, so
/// they never fall out of step with the real options.
public enum ShellCompletion {
    static var specs: [CommandSpec] { AlignCommandLine.commands.map { $0.spec } }
    static var topWords: [String] { Array(Set(specs.map { $0.path[0] })).sorted() + ["help"] }

    public static func bash() -> String {
        var out = """
            # bash completion for aligncli
            _aligncli() {
                local cur prev words cword
                cur="${COMP_WORDS[COMP_CWORD]}"
                prev="${COMP_WORDS[COMP_CWORD-1]}"
                local cmd="${COMP_WORDS[1]}"
                if [[ $COMP_CWORD -eq 1 ]]; then
                    COMPREPLY=($(compgen -W "\(topWords.joined(separator: " ")) --help --version" -- "$cur"))
                    return
                fi
                if [[ "$cmd" == "glossary" && $COMP_CWORD -eq 2 ]]; then
                    COMPREPLY=($(compgen -W "export import" -- "$cur"))
                    return
                fi
                [[ "$cmd" == "glossary" ]] && cmd="glossary ${COMP_WORDS[2]}"
                case "$cmd" in

            """
        for spec in specs {
            out += "        \"\(spec.name)\")\n            case \"$prev\" in\n"
            for option in spec.options where option.valueName != nil {
                let values = option.choices.map { "COMPREPLY=($(compgen -W \"\($0.joined(separator: " "))\" -- \"$cur\"))" } ?? "COMPREPLY=($(compgen -f -- \"$cur\"))"
                out += "                \(option.name)\(option.shortName.map { "|\($0)" } ?? "")) \(values); return ;;\n"
            }
            let words = spec.name == "completion" ? "bash zsh fish " : ""
            out += "            esac\n            COMPREPLY=($(compgen -W \"\(words)\(spec.options.map(\.name).joined(separator: " "))\" -- \"$cur\") $(compgen -f -- \"$cur\"))\n            ;;\n"
        }
        out += "    esac\n}\ncomplete -o filenames -F _aligncli aligncli\n"
        return out
    }

    public static func zsh() -> String {
        var out = "#compdef aligncli\n# zsh completion for aligncli\n_aligncli() {\n  local -a commands\n  commands=(\n"
        for word in topWords {
            let summary = specs.first { $0.path[0] == word && $0.path.count == 1 }?.summary ?? (word == "glossary" ? "Export or import glossaries." : "Show help for a command.")
            out += "    '\(word):\(summary.replacingOccurrences(of: "'", with: "'\\''"))'\n"
        }
        out += "  )\n  if (( CURRENT == 2 )); then\n    _describe 'command' commands\n    return\n  fi\n  local cmd=${words[2]}\n  [[ $cmd == glossary ]] && { if (( CURRENT == 3 )); then _values 'subcommand' export import; return; fi; cmd=\"glossary ${words[3]}\" }\n  case $cmd in\n"
        for spec in specs {
            out += "    \"\(spec.name)\")\n      _arguments -s \\\n"
            for option in spec.options {
                let help = option.help.replacingOccurrences(of: "'", with: "'\\''").replacingOccurrences(of: "[", with: "\\[").replacingOccurrences(of: "]", with: "\\]")
                if let value = option.valueName {
                    let action = option.choices.map { "(\($0.joined(separator: " ")))" } ?? "_files"
                    out += "        '\(option.name)[\(help)]:\(value.lowercased()):\(action)' \\\n"
                } else {
                    out += "        '\(option.name)[\(help)]' \\\n"
                }
            }
            out += spec.name == "completion" ? "        '1:shell:(bash zsh fish)'\n      ;;\n" : "        '*:file:_files'\n      ;;\n"
        }
        out += "  esac\n}\n_aligncli \"$@\"\n"
        return out
    }

    public static func fish() -> String {
        var out = "# fish completion for aligncli\ncomplete -c aligncli -f\n"
        for word in topWords {
            let summary = specs.first { $0.path[0] == word && $0.path.count == 1 }?.summary ?? (word == "glossary" ? "Export or import glossaries" : "Show help for a command")
            out += "complete -c aligncli -n '__fish_use_subcommand' -a \(word) -d '\(summary.replacingOccurrences(of: "'", with: "\\'"))'\n"
        }
        out += "complete -c aligncli -n '__fish_seen_subcommand_from glossary; and not __fish_seen_subcommand_from export import' -a 'export import'\n"
        for spec in specs {
            let condition = spec.path.count == 1 ? "__fish_seen_subcommand_from \(spec.path[0])" : "__fish_seen_subcommand_from \(spec.path[1])"
            for option in spec.options {
                var line = "complete -c aligncli -n '\(condition)' -l \(option.name.dropFirst(2))"
                if let short = option.shortName { line += " -s \(short.dropFirst())" }
                if let choices = option.choices { line += " -x -a '\(choices.joined(separator: " "))'" } else if option.valueName != nil { line += " -r -F" }
                line += " -d '\(option.help.replacingOccurrences(of: "'", with: "\\'"))'"
                out += line + "\n"
            }
            if spec.name == "completion" {
                out += "complete -c aligncli -n '\(condition)' -a 'bash zsh fish'\n"
            } else {
                out += "complete -c aligncli -n '\(condition)' -F\n"
            }
        }
        return out
    }
}
