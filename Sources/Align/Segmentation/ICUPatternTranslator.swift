/// Translates a Java regular expression (LanguageTool's SRX dialect) into one that ICU's
/// `NSRegularExpression` accepts with the same meaning, as text: inline flags ICU does not know
/// (`u`, `U`, `d`) are dropped, Java's POSIX and `java…` property names become explicit classes or
/// ICU names. `\Q…\E`, `&&` intersections and Unicode properties are ICU syntax already.
/// `ReferenceSegmenter` uses it; the fast engine parses Java syntax itself.
enum ICUPatternTranslator {
    static let propertyReplacements: [(String, String)] = [
        ("\\p{Punct}", "[!-/:-@\\[-`{-~]"), ("\\P{Punct}", "[^!-/:-@\\[-`{-~]"),
        ("\\p{Lower}", "[a-z]"), ("\\p{Upper}", "[A-Z]"), ("\\p{Alpha}", "[a-zA-Z]"), ("\\p{Digit}", "[0-9]"),
        ("\\p{Alnum}", "[a-zA-Z0-9]"), ("\\p{ASCII}", "[\\x{0}-\\x{7F}]"), ("\\p{Space}", "[ \\t\\n\\x{0B}\\f\\r]"),
        ("\\p{Blank}", "[ \\t]"), ("\\p{XDigit}", "[0-9a-fA-F]"),
        ("\\p{javaLowerCase}", "\\p{Lowercase}"), ("\\p{javaUpperCase}", "\\p{Uppercase}"),
        ("\\p{IsAlphabetic}", "\\p{Alphabetic}"), ("\\p{IsLetter}", "\\p{L}"), ("\\p{IsDigit}", "\\p{Nd}"),
        ("\\p{IsUppercase}", "\\p{Uppercase}"), ("\\p{IsLowercase}", "\\p{Lowercase}"), ("\\p{IsPunctuation}", "\\p{P}"),
        ("\\p{IsWhite_Space}", "\\p{White_Space}"),
    ]

    static func translate(_ pattern: String) -> String {
        var result = pattern
        for (java, icu) in propertyReplacements { result = result.replacingOccurrences(of: java, with: icu, options: .literal) }
        // Inline flag groups: (?iu) → (?i), (?u) → (?:) is not needed: drop u, U and d letters.
        var out = ""
        var scalars = Array(result.unicodeScalars)[...]
        while let first = scalars.first {
            if first == "\\", scalars.count > 1 {
                out.unicodeScalars.append(contentsOf: scalars.prefix(2))
                scalars = scalars.dropFirst(2)
                continue
            }
            if first == "(", scalars.dropFirst().first == "?" {
                var cursor = scalars.index(scalars.startIndex, offsetBy: 2)
                var flags = ""
                while cursor < scalars.endIndex, "imsxuUd-".unicodeScalars.contains(scalars[cursor]) {
                    flags.unicodeScalars.append(scalars[cursor])
                    cursor += 1
                }
                if !flags.isEmpty, cursor < scalars.endIndex, scalars[cursor] == ")" || scalars[cursor] == ":" {
                    let kept = flags.filter { !"uUd".contains($0) }
                    if kept.isEmpty || kept == "-" {
                        out += scalars[cursor] == ")" ? "" : "(?:"
                    } else {
                        out += "(?" + kept + String(scalars[cursor])
                    }
                    scalars = scalars[(cursor + 1)...]
                    continue
                }
            }
            out.unicodeScalars.append(first)
            scalars = scalars.dropFirst()
        }
        return out
    }
}
