import Foundation

/// Reading inputs: expanding folders into files, reading bytes with errors that name the file.
public enum InputFiles {
    /// The files at `path`: the path itself if it is a file, else the files below it whose names end
    /// in one of `extensions`, sorted by path. Symbolic link loops are not followed twice.
    public static func expand(_ path: String, extensions: Set<String>) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw AlignError.missingInput("\(path): no such file or directory")
        }
        guard isDirectory.boolValue else { return [path] }
        var found: [String] = []
        var visited = Set<String>()
        walk(path, extensions: extensions, visited: &visited, into: &found)
        return found.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    private static func walk(_ directory: String, extensions: Set<String>, visited: inout Set<String>, into found: inout [String]) {
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else { return }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for name in names.sorted() where !name.hasPrefix(".") {
            let child = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: child, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                walk(child, extensions: extensions, visited: &visited, into: &found)
            } else if let dot = name.lastIndex(of: "."), extensions.contains(String(name[name.index(after: dot)...]).lowercased()) {
                found.append(child)
            }
        }
    }

    /// The bytes of a file, or `-` for standard input through `readStandardInput`.
    public static func read(_ path: String) throws -> [UInt8] {
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
            return [UInt8](data)
        } catch {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                if isDirectory.boolValue { throw AlignError.badInput("\(path): is a directory, not a file") }
                throw AlignError.badInput("\(path): cannot be read (permission denied or I/O error)")
            }
            throw AlignError.missingInput("\(path): no such file or directory")
        }
    }
}
