import Foundation

/// Where a bilingual corpus keeps its languages: a folder with a `fr` subfolder holds the French
/// documents there and their English translations under `en`, paired by relative path
/// (`corpus/fr/a.txt` ↔ `corpus/en/a.txt`). Commands that read French text and are given such a
/// folder read its `fr` subfolder, so the translations are never scanned as French.
public enum CorpusLayout {
    /// `path/fr` when `path` is a folder with a `fr` subfolder, else `path`.
    public static func frenchRoot(_ path: String) -> String {
        subfolder(path, "fr") ?? path
    }

    /// `path/en` when `path` is a bilingual corpus folder with an `en` subfolder.
    public static func englishRoot(_ path: String) -> String? {
        subfolder(path, "fr") == nil ? nil : subfolder(path, "en")
    }

    /// The English translation paired with the French document `file` found below `frenchRoot`,
    /// when it exists.
    public static func translation(of file: String, frenchRoot: String, englishRoot: String) -> String? {
        let prefix = frenchRoot.hasSuffix("/") ? frenchRoot : frenchRoot + "/"
        guard file.hasPrefix(prefix) else { return nil }
        let candidate = (englishRoot.hasSuffix("/") ? englishRoot : englishRoot + "/") + file.dropFirst(prefix.count)
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) && !isDirectory.boolValue ? candidate : nil
    }

    private static func subfolder(_ path: String, _ name: String) -> String? {
        guard path != "-" else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        let child = (path.hasSuffix("/") ? path : path + "/") + name
        guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory), isDirectory.boolValue else { return nil }
        return child
    }
}
