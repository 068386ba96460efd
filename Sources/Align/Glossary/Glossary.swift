/// A glossary: the concepts of one or more glossary files, in file order.
public struct Glossary: Sendable, Equatable {
    public var concepts: [Concept]

    public init(concepts: [Concept]) {
        self.concepts = concepts
    }

    /// The names of the unknown columns used by any concept, in first-seen order.
    public var extraColumnNames: [String] {
        var seen = Set<String>()
        var names: [String] = []
        for concept in concepts {
            for field in concept.extra where seen.insert(field.name).inserted {
                names.append(field.name)
            }
        }
        return names
    }

    /// The columns a file needs to hold these concepts: the known ones in canonical order (optional
    /// ones only when some concept uses them), then the unknown ones.
    public var columnNames: [String] {
        let used: [GlossaryColumn] = GlossaryColumn.allCases.filter { column in
            GlossaryColumn.required.contains(column) || concepts.contains { !$0.cellText(forColumn: column.rawValue).isEmpty }
        }
        return used.map(\.rawValue) + extraColumnNames
    }
}
