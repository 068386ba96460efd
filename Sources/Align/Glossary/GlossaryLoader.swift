import Foundation

/// Finds and reads glossary files from the paths a user gives.
public enum GlossaryLoader {
    /// What was read: one document per file, and every diagnostic of parsing and validation.
    public struct LoadResult: Sendable {
        public var documents: [GlossaryDocument]
        public var diagnostics: [Diagnostic]
        /// All concepts of all files, in file order.
        public var glossary: Glossary {
            // One file (the usual case) shares its array: copying 100k concepts took 18 ms.
            Glossary(concepts: documents.count == 1 ? documents[0].concepts : documents.flatMap(\.concepts))
        }
    }

    /// The glossary files named by `paths`: files as given, folders searched recursively for
    /// `*.tsv` (hidden entries skipped), sorted so every run reads them in the same order. A file
    /// named twice (`glossaries glossaries/people.tsv`) is read once, else its ids would clash
    /// with themselves.
    public static func files(in paths: [String]) throws -> [String] {
        var result: [String] = []
        var seen = Set<String>()
        for path in paths {
            for file in try InputFiles.expand(path, extensions: ["tsv"])
            where seen.insert(URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path).inserted {
                result.append(file)
            }
        }
        if result.isEmpty {
            throw AlignError.missingInput("no glossary files (*.tsv) found in \(paths.joined(separator: ", "))")
        }
        return result
    }

    /// Reads and parses every file; unreadable files become diagnostics. With `validate`, runs
    /// the cross-file checks too; `detail` is the parser's, and is `.full` whenever `validate` is
    /// set (the cross-file checks place their diagnostics with the concepts' origins).
    public static func load(_ paths: [String], validate: Bool = true, detail: GlossaryParser.Detail = .full) throws -> LoadResult {
        let detail = validate ? .full : detail
        let files = try files(in: paths)
        var documents: [GlossaryDocument] = []
        var diagnostics: [Diagnostic] = []
        for file in files {
            do {
                let bytes = try InputFiles.read(file)
                let parsed = GlossaryParser.parse(bytes, path: file, detail: detail)
                documents.append(parsed.document)
                diagnostics += parsed.diagnostics
            } catch let error as AlignError {
                diagnostics.append(Diagnostic(.error, "unreadable-file", error.message, at: SourceLocation(file: file, line: 1, column: 1)))
            }
        }
        if validate {
            diagnostics += GlossaryValidator.validate(documents.flatMap(\.concepts))
        }
        return LoadResult(documents: documents, diagnostics: diagnostics)
    }
}
