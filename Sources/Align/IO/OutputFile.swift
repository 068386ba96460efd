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
        let stream = try AtomicOutputStream(path: path)
        try stream.write(Array(data))
        try stream.commit()
    }

    /// Creates `folder` and any missing parents; the error names the system's reason (Foundation's
    /// own message says only that "the file doesn't exist").
    public static func createFolder(_ folder: String) throws {
        var status = stat()
        if stat(folder, &status) == 0 {
            guard status.st_mode & S_IFMT == S_IFDIR else { throw AlignError.cannotWrite("\(folder): cannot create the folder (a file of that name exists)") }
            return
        }
        let parent = URL(fileURLWithPath: folder).deletingLastPathComponent().path
        if parent != folder, !parent.isEmpty { try createFolder(parent) }
        if mkdir(folder, 0o755) != 0, errno != EEXIST {
            throw AlignError.cannotWrite("\(folder): cannot create the folder (\(AtomicOutputStream.reason(errno)))")
        }
    }
}
