/// Counting the code points of UTF-8 text: every byte but a continuation byte starts one.
enum ScalarCount {
    /// The code points that start in `bytes[start..<end]`, eight bytes at a time.
    ///
    /// Measured reason: the scanner turns every match's byte offset into a column by counting
    /// from the start of its line; byte by byte that was 29 million steps on the 50 MB benchmark.
    @inline(__always)
    static func between(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
        var index = start
        var count = 0
        while index &+ 8 <= end {
            let block = UnsafeRawPointer(bytes + index).loadUnaligned(as: UInt64.self)
            // High bit set and the next bit clear: a continuation byte (10xxxxxx). Shifting the
            // complement left by one puts each byte's bit 6 under its bit 7; the bit that crosses
            // into the next byte lands on bit 0, which the mask drops.
            let continuation = block & ~(block &<< 1) & 0x8080_8080_8080_8080
            count &+= 8 &- continuation.nonzeroBitCount
            index &+= 8
        }
        while index < end {
            if bytes[index] & 0xC0 != 0x80 { count &+= 1 }
            index &+= 1
        }
        return count
    }
}
