import Testing

@testable import Align

/// `memchr` through slices: indexes must be those of the slice's base, whatever its start.
@Suite("text: byte search")
struct ByteSearchTests {
    @Test("agrees with firstIndex(of:) on random slices, ranges and bytes")
    func agrees() {
        var generator = SeededGenerator(seed: 0xB17E_5EA4)
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 0...70, using: &generator)).map { _ in UInt8.random(in: 0...4, using: &generator) * 0x0A }
            let lower = Int.random(in: 0...bytes.count, using: &generator)
            let upper = Int.random(in: lower...bytes.count, using: &generator)
            let slice = bytes[lower..<upper]
            let from = Int.random(in: lower...upper, using: &generator)
            let to = Int.random(in: from...upper, using: &generator)
            let byte = UInt8.random(in: 0...4, using: &generator) * 0x0A
            #expect(ByteSearch.firstIndex(of: byte, in: slice, from: from, to: to) == slice[from..<to].firstIndex(of: byte))
            #expect(ByteSearch.firstIndex(of: byte, in: slice, from: from) == slice[from...].firstIndex(of: byte))
            #expect(ByteSearch.firstIndex(of: byte, in: slice) == slice.firstIndex(of: byte))
            #expect(ByteSearch.firstIndex(of: byte, in: bytes, from: lower) == bytes[lower...].firstIndex(of: byte))
        }
    }

    @Test("empty ranges and empty arrays find nothing")
    func empty() {
        let bytes: [UInt8] = [0x0A, 0x0A]
        #expect(ByteSearch.firstIndex(of: 0x0A, in: bytes[1..<1]) == nil)
        #expect(ByteSearch.firstIndex(of: 0x0A, in: bytes, from: 2) == nil)
        #expect(ByteSearch.firstIndex(of: 0x0A, in: [UInt8]()) == nil)
        #expect(ByteSearch.firstIndex(of: 0x0A, in: bytes[...], from: 1, to: 1) == nil)
    }
}
