import Foundation

/// Reading inputs: expanding folders into files, reading bytes with errors that name the file.
public enum InputFiles {
    /// The files at `path`: the path itself if it is a file, else the files below it whose names end
    /// in one of `extensions`, sorted by path. Symbolic link loops are not followed twice.
    public static func expand(_ path: String, extensions: Set<String>) throws -> [String] {
        var status = stat()
        guard stat(path, &status) == 0 else { throw problem(path, errno: errno) }
        guard status.st_mode & S_IFMT == S_IFDIR else { return [path] }
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
            var status = stat()
            let resolved = stat(child, &status) == 0
            if resolved, status.st_mode & S_IFMT == S_IFDIR {
                // `visited` holds real paths, so a link back up the tree is walked once.
                walk(child, extensions: extensions, visited: &visited, into: &found)
                continue
            }
            guard let dot = name.lastIndex(of: "."), extensions.contains(String(name[name.index(after: dot)...]).lowercased()) else { continue }
            // A dangling link, a link loop or a socket is kept, so the reader says what is wrong
            // with it. FIFOs and devices are left out: opening a FIFO waits for a writer forever,
            // and a device may never end.
            let kind = status.st_mode & S_IFMT
            if !resolved || (kind != S_IFIFO && kind != S_IFCHR && kind != S_IFBLK) { found.append(child) }
        }
    }

    /// The bytes of a file, or `-` for standard input through `readStandardInput`.
    public static func read(_ path: String) throws -> [UInt8] {
        // read(2) straight into the array: mapping the file into `Data` and copying it out cost
        // two passes over every page of a large corpus.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw problem(path, errno: errno) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw problem(path, errno: errno) }
        if status.st_mode & S_IFMT == S_IFDIR { throw AlignError.badInput("\(path): is a directory, not a file") }
        if Int(status.st_size) > InputLimits.maximumFileSize { throw tooLarge(path, size: Int(status.st_size)) }
        // One byte more than the size, to see the end of file in the same pass.
        let expected = max(Int(status.st_size), 0) + 1
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, initialized in
            (initialized, failure) = fill(UnsafeMutableRawBufferPointer(buffer), from: descriptor)
        }
        // A file that grew since `fstat` (or reports no size, like a pipe): read the rest.
        var chunk = [UInt8](repeating: 0, count: failure == 0 && bytes.count == expected ? 1 << 16 : 0)
        while !chunk.isEmpty {
            let (count, error) = chunk.withUnsafeMutableBytes { fill($0, from: descriptor) }
            failure = error
            bytes += chunk[..<count]
            if count < chunk.count { break }
        }
        if failure != 0 { throw problem(path, errno: failure) }
        if bytes.count > InputLimits.maximumFileSize { throw tooLarge(path, size: bytes.count) }
        return bytes
    }

    /// Reads from `descriptor` until `buffer` is full, the file ends or a read fails (retrying
    /// when interrupted): the bytes read, and the error number of a failure (0 if none).
    private static func fill(_ buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32) -> (count: Int, error: Int32) {
        var filled = 0
        while filled < buffer.count {
            let count = Foundation.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return (filled, errno)
            }
            if count == 0 { break }
            filled += count
        }
        return (filled, 0)
    }

    static func tooLarge(_ path: String, size: Int) -> AlignError {
        .badInput("\(path): \(size) bytes; Align reads files of up to \(InputLimits.describe(InputLimits.maximumFileSize)) whole (scan and report read documents of any size)")
    }

    /// The error for a file that could not be opened or read.
    static func problem(_ path: String, errno code: Int32) -> AlignError {
        switch code {
        case ENOENT, ENOTDIR: .missingInput("\(path): no such file or directory")
        case EISDIR: .badInput("\(path): is a directory, not a file")
        case EACCES, EPERM: .badInput("\(path): cannot be read (permission denied)")
        case ELOOP: .badInput("\(path): cannot be read (too many levels of symbolic links)")
        default: .badInput("\(path): cannot be read (\(String(cString: strerror(code))))")
        }
    }
}
