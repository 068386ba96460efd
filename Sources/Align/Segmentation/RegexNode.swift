/// The syntax tree of a regular expression in the dialect of SRX files.
indirect enum RegexNode: Sendable, Hashable {
    /// Matches the empty string.
    case empty
    /// One scalar from a set.
    case scalar(ScalarSet)
    /// `.`: any scalar but a line terminator, or any scalar at all with `(?s)`.
    case any(dotAll: Bool)
    case sequence([RegexNode])
    case alternation([RegexNode])
    /// `node{min,max}`; `max == nil` is unbounded.
    case repetition(RegexNode, min: Int, max: Int?, lazy: Bool)
    case assertion(RegexAssertion)
    /// A lookaround: `ahead` for `(?=…)`/`(?!…)`, else `(?<=…)`/`(?<!…)`.
    case look(RegexNode, ahead: Bool, negative: Bool)

    /// Whether the node can match without consuming a scalar.
    var isNullable: Bool {
        switch self {
        case .empty, .assertion, .look: true
        case .scalar, .any: false
        case .sequence(let nodes): nodes.allSatisfy(\.isNullable)
        case .alternation(let nodes): nodes.contains { $0.isNullable }
        case .repetition(let node, let min, _, _): min == 0 || node.isNullable
        }
    }

    /// The node with its sequences reversed: what matching from right to left walks.
    var reversed: RegexNode {
        switch self {
        case .empty, .scalar, .any, .assertion, .look: self
        case .sequence(let nodes): .sequence(nodes.reversed().map(\.reversed))
        case .alternation(let nodes): .alternation(nodes.map(\.reversed))
        case .repetition(let node, let min, let max, let lazy): .repetition(node.reversed, min: min, max: max, lazy: lazy)
        }
    }

    /// The sets of the scalars the node can consume first (conservative: `nil` means any scalar).
    var firstSets: [ScalarSet]? {
        switch self {
        case .empty, .assertion, .look: return []
        case .scalar(let set): return [set]
        case .any: return nil
        case .sequence(let nodes):
            var result: [ScalarSet] = []
            for node in nodes {
                guard let sets = node.firstSets else { return nil }
                result += sets
                if !node.isNullable { break }
            }
            return result
        case .alternation(let nodes):
            var result: [ScalarSet] = []
            for node in nodes {
                guard let sets = node.firstSets else { return nil }
                result += sets
            }
            return result
        case .repetition(let node, _, let max, _):
            if max == 0 { return [] }
            return node.firstSets
        }
    }
}

/// Zero-width assertions.
enum RegexAssertion: Sendable, Hashable {
    /// `^` (start of input; with `(?m)` also after a line terminator).
    case start(multiline: Bool)
    /// `$` (end of input or before a final line terminator; with `(?m)` before any line terminator).
    case end(multiline: Bool)
    /// `\A`.
    case inputStart
    /// `\z`.
    case inputEnd
    /// `\Z`: end of input or before a final line terminator.
    case inputEndBeforeTerminator
    /// `\b`.
    case wordBoundary
    /// `\B`.
    case notWordBoundary
}
