import Foundation

/// Paths of the repository and of `../shared`, found from this source file so tests do not
/// depend on the working directory.
enum RepositoryPaths {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.path
    }()

    static var glossaries: String { root + "/glossaries" }
    static var corpus: String { root + "/corpus" }
    static var shared: String { root + "/../shared" }
    static var fixtures: String { root + "/Tests/AlignTests/Fixtures" }
}
