import Foundation

/// Writing outputs atomically: a temporary file beside the target, renamed into place, so a
/// failed run never leaves a partial file.
public enum OutputFile {
    /// Writes `text` to `path` atomically.
    public static func write(_ text: String, to path: String) throws {
        try write(Data(text.utf8), to: path)
    }

    /// Writes `data` to `path` atomically.
    public static func write(_ data: Data, to path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw AlignError.cannotWrite("\(path): is a directory; give a file path")
        }
        do {
            try data.write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw AlignError.cannotWrite("\(path): cannot write (\(error.localizedDescription))")
        }
    }
}
