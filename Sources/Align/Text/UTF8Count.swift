/// Counting code points and line feeds in UTF-8 text, eight bytes at a time.
enum UTF8Count {
    /// The code points that start in `bytes[start..<end]`, eight bytes at a time.
    ///
    /// Measured reason: the scanner turns every match's byte offset into a column by counting
    /// from the start of its line; byte by byte that was 29 million steps on the 50 MB benchmark.
    @inline(__always)
    static func scalars(_ bytes: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int {
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

    /// The high bit of each zero byte of `block`, and no other bit: exact, no borrow from one byte
    /// to the next (`x ^ 0x2727…` finds the bytes equal to 0x27).
    @inline(__always)
    static func zeroBytes(_ block: UInt64) -> UInt64 {
        let low7: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
        return ~(((block & low7) &+ low7) | block | low7)
    }

    /// The line feeds in `bytes`.
    ///
    /// Measured reason: the document reader counts the lines of every chunk on the reading
    /// thread, which also feeds the workers; byte by byte that was 2 % of a whole scan.
    static func lineFeeds(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let end = bytes.count
        var index = 0
        var count = 0
        while index &+ 8 <= end {
            let block = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            count &+= zeroBytes(block ^ 0x0A0A_0A0A_0A0A_0A0A).nonzeroBitCount
            index &+= 8
        }
        while index < end {
            if base[index] == 0x0A { count &+= 1 }
            index &+= 1
        }
        return count
    }
}
