/// A corpus document as the report names it.
public struct ReportDocument: Sendable, Equatable, Codable {
    /// The path as found (as given, or below a folder given), shown in every location.
    public var path: String
    /// The path below the folder the user gave (the file name for a file given directly): what
    /// fingerprints hash, so they do not depend on where the corpus is checked out.
    public var key: String
    /// The English translation paired with the document (`corpus/en/a.txt` for `corpus/fr/a.txt`),
    /// whose terms `missing-canonical`, `untranslated-term` and `avoided-term` check; `nil`: none.
    public var translation: String?

    public init(path: String, key: String, translation: String? = nil) {
        self.path = path
        self.key = key
        self.translation = translation
    }

    /// The documents of the corpus paths given to `report`: a bilingual folder (`fr/` and `en/`
    /// subfolders, see `CorpusLayout`) stands for its `fr` subfolder and, with `translations`, each
    /// French document found there is paired with the file of the same relative path under `en/`
    /// when it exists. Other paths are read as `expand` reads them, without translations.
    public static func corpus(_ paths: [String], translations: Bool) throws -> [ReportDocument] {
        var documents = try expand(paths.map(CorpusLayout.frenchRoot))
        guard translations else { return documents }
        for path in paths {
            guard let english = CorpusLayout.englishRoot(path) else { continue }
            let french = CorpusLayout.frenchRoot(path)
            for index in documents.indices where documents[index].translation == nil {
                documents[index].translation = CorpusLayout.translation(of: documents[index].path, frenchRoot: french, englishRoot: english)
            }
        }
        return documents
    }

    /// The documents named by `paths`: files as given, folders searched for `*.txt`, `-` for
    /// standard input.
    public static func expand(_ paths: [String]) throws -> [ReportDocument] {
        var documents: [ReportDocument] = []
        var seen = Set<String>()
        for path in paths {
            if path == "-" {
                documents.append(ReportDocument(path: "-", key: "-"))
                continue
            }
            let files = try InputFiles.expand(path, extensions: ["txt"])
            for file in files where seen.insert(file).inserted {
                var key = file
                if file != path {
                    let prefix = path.hasSuffix("/") ? path : path + "/"
                    if file.hasPrefix(prefix) { key = String(file.dropFirst(prefix.count)) }
                } else if let slash = file.lastIndex(of: "/") {
                    key = String(file[file.index(after: slash)...])
                }
                documents.append(ReportDocument(path: file, key: key))
            }
        }
        return documents
    }
}
