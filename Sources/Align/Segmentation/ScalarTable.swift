/// Low-level helpers of the regular expression engine: set bitmaps, UTF-8 decoding in both
/// directions, and zero-width assertions. The text is valid UTF-8 (checked at ingest).
enum ScalarTable {
    /// The bitmap of `set` for the scalars below `UnicodeTables.tableLimit`.
    static func bitmap(of set: ScalarSet) -> [UInt64] {
        var words = positiveBitmap(of: set)
        if set.negated {
            for index in words.indices { words[index] = ~words[index] }
        }
        return words
    }

    /// The bitmap before negation: items (with case closure), intersected.
    private static func positiveBitmap(of set: ScalarSet) -> [UInt64] {
        let limit = Int(UnicodeTables.tableLimit)
        var words = [UInt64](repeating: 0, count: limit / 64)
        func insert(_ value: Int) { words[value >> 6] |= 1 &<< UInt64(value & 63) }
        for item in set.items {
            switch item {
            case .range(let lower, let upper):
                guard lower < UnicodeTables.tableLimit else { continue }
                for value in Int(lower)...min(Int(upper), limit - 1) { insert(value) }
            case .categories(let mask):
                for (index, bitmap) in categoryBitmaps.enumerated() where mask & (1 << UInt32(index)) != 0 {
                    for word in words.indices { words[word] |= bitmap[word] }
                }
            case .property(let property):
                for value in 0..<limit where property.contains(UInt32(value)) { insert(value) }
            case .set(let nested):
                let nestedWords = bitmap(of: nested)
                for index in words.indices { words[index] |= nestedWords[index] }
            }
        }
        let smallRanges = set.items.allSatisfy { item in
            if case .range(let lower, let upper) = item { return upper - lower < 64 }
            return false
        }
        if set.caseInsensitive, smallRanges {
            // Literals: add each scalar's case variants (and theirs) instead of testing every scalar.
            for item in set.items {
                guard case .range(let lower, let upper) = item else { continue }
                for value in lower...upper {
                    for variant in UnicodeTables.caseVariants(of: value) where variant < UnicodeTables.tableLimit {
                        insert(Int(variant))
                        for second in UnicodeTables.caseVariants(of: variant) where second < UnicodeTables.tableLimit { insert(Int(second)) }
                    }
                }
            }
        } else if set.caseInsensitive {
            let direct = words
            func has(_ value: UInt32) -> Bool {
                value < UnicodeTables.tableLimit && direct[Int(value >> 6)] & (1 &<< UInt64(value & 63)) != 0
            }
            for value in 0..<limit where !has(UInt32(value)) {
                if UnicodeTables.caseVariants(of: UInt32(value)).contains(where: has) { insert(value) }
            }
        }
        for other in set.intersections {
            let otherWords = bitmap(of: other)
            for index in words.indices { words[index] &= otherWords[index] }
        }
        return words
    }

    /// One bitmap per general category (in `UnicodeTables.categories` order), computed once.
    static let categoryBitmaps: [[UInt64]] = {
        var bitmaps = [[UInt64]](repeating: [UInt64](repeating: 0, count: Int(UnicodeTables.tableLimit) / 64), count: UnicodeTables.categories.count)
        for value in 0..<UnicodeTables.tableLimit {
            let bit = UnicodeTables.categoryBit(of: value)
            let index = bit.trailingZeroBitCount
            bitmaps[index][Int(value >> 6)] |= 1 &<< UInt64(value & 63)
        }
        return bitmaps
    }()

    /// Whether `value` is in a bitmap made by `bitmap(of:)` (below the table limit only).
    @inline(__always)
    static func test(_ words: [UInt64], _ value: UInt32) -> Bool {
        words[Int(value >> 6)] & (1 &<< UInt64(value & 63)) != 0
    }

    /// The scalar ending just before `index`.
    @inline(__always)
    static func decode(_ text: UnsafeBufferPointer<UInt8>, before index: Int) -> (value: UInt32, width: Int) {
        var start = index - 1
        if text[start] < 0x80 { return (UInt32(text[start]), 1) }
        while start > 0, text[start] & 0xC0 == 0x80 { start -= 1 }
        return (UTF8Decoding.scalar(text, at: start).value, index - start)
    }

    @inline(__always)
    static func isLineTerminator(_ value: UInt32) -> Bool {
        value == 0x0A || value == 0x0D || value == 0x85 || value == 0x2028 || value == 0x2029
    }

    /// Whether `assertion` holds at `position`.
    static func holds(_ assertion: RegexAssertion, in text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let count = text.count
        switch assertion {
        case .inputStart:
            return position == 0
        case .inputEnd:
            return position == count
        case .start(let multiline):
            if position == 0 { return true }
            guard multiline, position < count else { return false }
            let previous = decode(text, before: position).value
            // Not between the CR and LF of one line end.
            if previous == 0x0D, text[position] == 0x0A { return false }
            return isLineTerminator(previous)
        case .end(let multiline):
            if position == count { return true }
            let next = UTF8Decoding.scalar(text, at: position)
            guard isLineTerminator(next.value) else { return false }
            if multiline { return !(next.value == 0x0A && position > 0 && text[position - 1] == 0x0D) }
            return isFinalTerminator(text, at: position)
        case .inputEndBeforeTerminator:
            if position == count { return true }
            return isFinalTerminator(text, at: position)
        case .wordBoundary, .notWordBoundary:
            let before = position > 0 && UnicodeTables.isWord(decode(text, before: position).value)
            let after = position < count && UnicodeTables.isWord(UTF8Decoding.scalar(text, at: position).value)
            return (before != after) == (assertion == .wordBoundary)
        }
    }

    /// Whether the text from `position` on is exactly one line terminator (`\r\n` counts as one).
    private static func isFinalTerminator(_ text: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let next = UTF8Decoding.scalar(text, at: position)
        guard isLineTerminator(next.value) else { return false }
        if next.value == 0x0D, position + 2 == text.count, text[position + 1] == 0x0A { return true }
        return position + next.width == text.count
    }
}
