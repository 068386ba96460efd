import Foundation

/// A large output written in pieces to a temporary file beside its target and renamed into place
/// by `commit()`, so readers never see a partial file and a failed run leaves none behind.
public struct AtomicOutputStream {
    public let path: String
    private let temporaryPath: String
    private let handle: FileHandle

    /// Opens a temporary file in the target's folder.
    public init(path: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw AlignError.cannotWrite("\(path): is a directory; give a file path")
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        let temporary = folder + "/.\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            throw AlignError.cannotWrite("\(path): cannot create a file in \(folder)")
        }
        self.path = path
        self.temporaryPath = temporary
        self.handle = handle
    }

    public func write(_ bytes: [UInt8]) throws {
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            discard()
            throw AlignError.cannotWrite("\(path): write failed (\(error.localizedDescription))")
        }
    }

    /// Moves the finished file into place.
    public func commit() throws {
        do {
            try handle.close()
            if rename(temporaryPath, path) != 0 { throw AlignError.cannotWrite("\(path): cannot replace the file (errno \(errno))") }
        } catch {
            discard()
            throw error as? AlignError ?? AlignError.cannotWrite("\(path): \(error.localizedDescription)")
        }
    }

    /// Removes the temporary file.
    public func discard() {
        try? handle.close()
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
