import Foundation

/// The simple, slow SRX segmenter the fast one (`SRXSegmenter`) is tested against: every rule
/// is an `NSRegularExpression` (ICU) translated from the SRX file's Java syntax, tried at every
/// position between two scalars. `beforebreak` is matched as `(?:before)\z` in a window that ends at
/// the position (transparent bounds, so `\b` and lookarounds see past it), `afterbreak` anchored
/// at the position. For tests on small texts only.
struct ReferenceSegmenter {
    struct Rule {
        var isBreak: Bool
        var before: NSRegularExpression?
        var after: NSRegularExpression?
    }

    let rules: [Rule]
    /// Characters of context a `beforebreak` may look back over.
    static let window = 200

    /// Compiles the rules for `language`; rules ICU rejects are left out.
    init(_ document: SRXDocument, language: String) throws {
        var rules: [Rule] = []
        for rule in document.rules(for: language).rules {
            let before = rule.before.isEmpty ? nil : try? NSRegularExpression(pattern: "(?:" + ICUPatternTranslator.translate(rule.before) + ")\\z")
            let after = rule.after.isEmpty ? nil : try? NSRegularExpression(pattern: ICUPatternTranslator.translate(rule.after))
            if (before == nil && !rule.before.isEmpty) || (after == nil && !rule.after.isEmpty) { continue }
            rules.append(Rule(isBreak: rule.isBreak, before: before, after: after))
        }
        self.rules = rules
    }

    /// Break positions of `text`, as byte offsets into its UTF-8 (as `SRXSegmenter.breaks`).
    func breaks(in text: String) -> [Int] {
        let string = text as NSString
        let length = string.length
        var result: [Int] = []
        var utf8Offset = 0
        var index = 0
        while index < length {
            // Positions between scalars: step one scalar (a surrogate pair is two UTF-16 units).
            let unit = string.character(at: index)
            let width = (0xD800...0xDBFF).contains(unit) ? 2 : 1
            utf8Offset += String(string.substring(with: NSRange(location: index, length: width))).utf8.count
            index += width
            guard index < length else { break }
            if decides(at: index, in: string, length: length) { result.append(utf8Offset) }
        }
        return result
    }

    private func decides(at position: Int, in string: NSString, length: Int) -> Bool {
        let text = string as String
        for rule in rules {
            if let after = rule.after {
                let range = NSRange(location: position, length: length - position)
                guard after.firstMatch(in: text, options: [.anchored, .withTransparentBounds], range: range) != nil else { continue }
            }
            if let before = rule.before {
                let start = max(0, position - Self.window)
                let range = NSRange(location: start, length: position - start)
                guard before.firstMatch(in: text, options: [.withTransparentBounds], range: range) != nil else { continue }
            }
            return rule.isBreak
        }
        return false
    }
}
