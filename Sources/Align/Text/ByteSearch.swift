import Foundation

/// Finding a byte in a buffer with `memchr`, which reads many bytes per step; the generic
/// `firstIndex(of:)` and `contains(_:)` of `Array` and `ArraySlice` test one byte per step.
enum ByteSearch {
    /// The index of the first `byte` in `bytes[start..<end]` (indexes of `bytes`), or `nil`.
    static func firstIndex(of byte: UInt8, in bytes: ArraySlice<UInt8>, from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        return bytes.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            let offset = start - bytes.startIndex
            guard let found = memchr(base + offset, Int32(byte), end - start) else { return nil }
            return bytes.startIndex + (UnsafeRawPointer(found) - UnsafeRawPointer(base))
        }
    }

    /// The index of the first `byte` in `bytes` from `start` on, or `nil`.
    static func firstIndex(of byte: UInt8, in bytes: ArraySlice<UInt8>, from start: Int? = nil) -> Int? {
        firstIndex(of: byte, in: bytes, from: start ?? bytes.startIndex, to: bytes.endIndex)
    }

    /// The index of the first `byte` in `bytes` from `start` on, or `nil`.
    static func firstIndex(of byte: UInt8, in bytes: [UInt8], from start: Int = 0) -> Int? {
        firstIndex(of: byte, in: bytes[...], from: start, to: bytes.count)
    }
}
