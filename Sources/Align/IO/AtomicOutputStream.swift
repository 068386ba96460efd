import Foundation

/// A large output written in pieces to a temporary file beside its target and renamed into place
/// by `commit()`, so readers never see a partial file and a failed run leaves none behind.
public struct AtomicOutputStream {
    public let path: String
    private let temporaryPath: String
    private let handle: FileHandle

    /// Opens a temporary file in the target's folder.
    public init(path: String) throws {
        var status = stat()
        if stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw AlignError.cannotWrite("\(path): is a directory; give a file path")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw AlignError.cannotWrite("\(path): cannot create a file in \(folder) (\(Self.reason(errno)))")
        }
        self.path = path
        self.temporaryPath = temporary
        self.handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    public func write(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            discard()
            throw AlignError.cannotWrite("\(path): write failed (\(Self.reason(errno))); nothing was written")
        }
    }

    /// Moves the finished file into place.
    public func commit() throws {
        do {
            try handle.close()
            if rename(temporaryPath, path) != 0 { throw AlignError.cannotWrite("\(path): cannot replace the file (\(Self.reason(errno)))") }
        } catch {
            discard()
            throw error as? AlignError ?? AlignError.cannotWrite("\(path): \(error.localizedDescription)")
        }
    }

    /// The system's words for an error number ("No such file or directory", "Read-only file system").
    static func reason(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Removes the temporary file.
    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
