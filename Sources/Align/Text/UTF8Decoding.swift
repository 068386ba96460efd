/// Decoding one code point of UTF-8 that is known to be valid (text already checked, or the
/// bytes of a `String`), for the byte loops of the scanner, the form tokenizer, the glossary
/// parser, the report's candidate extractor and the segmenter.
enum UTF8Decoding {
    /// The code point that starts at `bytes[index]` and its length in bytes. The lead byte must
    /// start a well-formed sequence that lies wholly in the buffer.
    @inline(__always)
    static func scalar(_ bytes: UnsafePointer<UInt8>, at index: Int) -> (value: UInt32, width: Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (UInt32(byte), 1) }
        if byte < 0xE0 { return (UInt32(byte & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2) }
        if byte < 0xF0 {
            return (UInt32(byte & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        }
        return (
            UInt32(byte & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                | UInt32(bytes[index + 3] & 0x3F), 4
        )
    }

    /// The same on a buffer.
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (value: UInt32, width: Int) {
        scalar(bytes.baseAddress!, at: index)
    }
}
