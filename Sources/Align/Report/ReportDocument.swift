/// A corpus document as the report names it.
public struct ReportDocument: Sendable, Equatable, Codable {
    /// The path as found (as given, or below a folder given), shown in every location.
    public var path: String
    /// The path below the folder the user gave (the file name for a file given directly): what
    /// fingerprints hash, so they do not depend on where the corpus is checked out.
    public var key: String

    public init(path: String, key: String) {
        self.path = path
        self.key = key
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
