/// Normalizes one line of text: NFC, one apostrophe form between letters, every space variant
/// collapsed into one space (a no-break space where French typography wants one, if asked),
/// invisible and control characters removed, dashes unified, line-edge spaces trimmed, and glued
/// sentences (`année.Selon`) split by a space. Every change is a `TextEdit`, so the result maps back
/// to the original bytes; text that needs no change is copied, and normalizing a normalized line
/// changes nothing.
public struct LineNormalizer: Sendable {
    public var options: NormalizeOptions

    public init(options: NormalizeOptions) {
        self.options = options
    }

    /// Words before a period that a capital letter may follow without a sentence ending there.
    static let titles: Set<String> = [
        "Mme", "Mmes", "Mlle", "Mlles", "Mgr", "Dr", "Drs", "Pr", "Prof", "St", "Ste", "MM", "Me", "Mr", "Mrs", "Ms", "Jr", "Sr",
        "Gén", "Cie", "Inc", "Ltd", "Co", "av", "apr", "cf", "etc",
    ]

    /// Normalizes a line (valid UTF-8, no line end).
    public func normalize(_ line: some Collection<UInt8>) -> NormalizedLine {
        let bytes = Array(line)
        return bytes.withUnsafeBufferPointer { normalize(buffer: $0) }
    }

    /// Normalizes a line (valid UTF-8, no line end).
    public func normalize(buffer text: UnsafeBufferPointer<UInt8>) -> NormalizedLine {
        normalize(buffer: text, skipsPlainRuns: true)
    }

    /// `skipsPlainRuns: false` takes every scalar through the general path: the reference the
    /// tests hold the fast loop to.
    func normalize(buffer text: UnsafeBufferPointer<UInt8>, skipsPlainRuns: Bool) -> NormalizedLine {
        var state = State(text: text, options: options)
        state.skipsPlainRuns = skipsPlainRuns
        state.run()
        return NormalizedLine(text: state.out, edits: state.edits)
    }

    enum ScalarKind {
        case plain, space, invisible, apostrophe, hyphen, dash, terminator
    }

    @inline(__always)
    static func kind(of value: UInt32) -> ScalarKind {
        switch value {
        case 0x20, 0x09: return .space
        case 0x00...0x1F, 0x7F...0x9F: return .invisible
        case 0x27, 0x2019, 0x02BC, 0x00B4, 0x2032, 0xFF07, 0x2018: return .apostrophe
        case 0x2D, 0x2012, 0x2013, 0x2014, 0x2015: return .dash
        case 0x2010, 0x2011: return .hyphen
        case 0x2E, 0x21, 0x3F, 0x2026: return .terminator
        case 0xAD, 0x200B, 0x200E, 0x200F, 0x2060, 0xFEFF: return .invisible
        default:
            if value < 0x80 { return .plain }
            return UnicodeTables.categoryBit(of: value) & UnicodeTables.spaceSeparatorBit != 0 ? .space : .plain
        }
    }

    /// ASCII bytes the normalizer copies without a look: letters, digits and punctuation other
    /// than spaces, controls, apostrophes, hyphens and sentence terminators (`. ! ?`).
    @inline(__always)
    static func isPlainASCII(_ byte: UInt8) -> Bool {
        // Bits 0–63 and 64–127 of the set, as literals.
        let low: UInt64 = 0x7FFF_9F7C_0000_0000
        let high: UInt64 = 0x7FFF_FFFF_FFFF_FFFF
        return byte < 64 ? low & (1 &<< UInt64(byte)) != 0 : high & (1 &<< UInt64(byte - 64)) != 0
    }

    @inline(__always)
    static func isLetterOrMark(_ value: UInt32) -> Bool {
        // Latin letters, the bulk of French text, without a table lookup.
        if value < 0x80 { return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A }
        if value >= 0xC0, value < 0x250 { return value != 0xD7 && value != 0xF7 }
        return UnicodeTables.categoryBit(of: value) & (UnicodeTables.letterMask | UnicodeTables.markMask) != 0
    }

    /// The working state of one line.
    struct State {
        let text: UnsafeBufferPointer<UInt8>
        let options: NormalizeOptions
        var out: [UInt8] = []
        var edits: [TextEdit] = []
        /// Start of the source bytes not yet copied to `out`.
        var copyFrom = 0
        /// The last scalar written (0 at the start of the line).
        var last: UInt32 = 0
        var skipsPlainRuns = true

        init(text: UnsafeBufferPointer<UInt8>, options: NormalizeOptions) {
            self.text = text
            self.options = options
            out.reserveCapacity(text.count + 8)
        }

        /// Copies the pending source bytes up to `index`.
        mutating func flush(to index: Int) {
            if copyFrom < index { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[copyFrom..<index])) }
            copyFrom = index
        }

        /// Replaces source `range` with `replacement` (an edit only if the bytes differ).
        mutating func replace(_ range: Range<Int>, with replacement: [UInt8], kind: TextEdit.Kind) {
            if replacement.count == range.count, replacement.elementsEqual(UnsafeBufferPointer(rebasing: text[range])) { return }
            flush(to: range.lowerBound)
            let start = out.count
            out.append(contentsOf: replacement)
            edits.append(TextEdit(source: range, target: start..<out.count, kind: kind))
            copyFrom = range.upperBound
        }

        mutating func replace(_ range: Range<Int>, with scalar: Unicode.Scalar, kind: TextEdit.Kind) {
            // Most replacements are no-ops (a plain space stays a plain space): compare before allocating.
            let encoded = UTF8.encode(scalar)!
            if encoded.count == range.count, encoded.elementsEqual(UnsafeBufferPointer(rebasing: text[range])) { return }
            replace(range, with: Array(encoded), kind: kind)
        }

        mutating func run() {
            let count = text.count
            let simpleSpaces = options.frenchSpacing == .space
            var index = 0
            while index < count {
                // The bulk of the text needs nothing: plain ASCII (letters, digits, punctuation),
                // one plain space between two words, and Latin-1 letters (`é`, `À`: C3 xx) not
                // followed by a byte that may start a combining mark. One tight loop skips them.
                let byte = text[index]
                if skipsPlainRuns, byte < 0x80 ? LineNormalizer.isPlainASCII(byte) : byte == 0xC3 {
                    let start = index
                    var lastValue = last
                    while index < count {
                        // Eight bytes at a time while they are letters, digits, or single spaces
                        // between a character and a printable one (words and the spaces between
                        // them, most of a line): a test per byte mispredicts at every word end.
                        if index &+ 8 <= count, lastValue != 0 {
                            let run = Self.plainRun(UnsafeRawPointer(text.baseAddress! + index).loadUnaligned(as: UInt64.self), spaces: simpleSpaces)
                            if run > 0 {
                                lastValue = UInt32(text[index &+ run &- 1])
                                index &+= run
                                continue
                            }
                        }
                        let current = text[index]
                        if current < 0x80 {
                            if LineNormalizer.isPlainASCII(current) {
                                lastValue = UInt32(current)
                                index &+= 1
                                continue
                            }
                            // What `spaceRun` would leave as it is: a space after a character, before
                            // a printable ASCII one, when no French spacing is asked for.
                            if current == 0x20, simpleSpaces, lastValue != 0, index &+ 1 < count, text[index &+ 1] &- 0x21 < 0x5E {
                                lastValue = 0x20
                                index &+= 1
                                continue
                            }
                        } else if current == 0xC3, index &+ 1 < count, index &+ 2 == count || text[index &+ 2] < 0xCC {
                            lastValue = 0xC0 | UInt32(text[index &+ 1] & 0x3F)
                            index &+= 2
                            continue
                        }
                        break
                    }
                    last = lastValue
                    if index > start {
                        guard index < count else { break }
                        // A combining mark after an ASCII letter (the only case the loop stops
                        // before one): step back so NFC sees the pair.
                        if text[index] >= 0xCC, CanonicalComposition.needsAttention(UTF8Decoding.scalar(text, at: index).value) {
                            index -= 1
                        } else {
                            continue
                        }
                    }
                }
                let (value, width) = UTF8Decoding.scalar(text, at: index)
                let next = index + width
                // NFC: this scalar, or the ones after it, may compose.
                if (next < count && text[next] >= 0xCC && CanonicalComposition.needsAttention(UTF8Decoding.scalar(text, at: next).value))
                    || (value >= 0x300 && CanonicalComposition.needsAttention(value))
                {
                    var end = next
                    while end < count, text[end] >= 0xCC, CanonicalComposition.needsAttention(UTF8Decoding.scalar(text, at: end).value) {
                        end += UTF8Decoding.scalar(text, at: end).width
                    }
                    let composed = CanonicalComposition.nfc(UnsafeBufferPointer(rebasing: text[index..<end]))
                    replace(index..<end, with: composed, kind: .unicode)
                    last = composed.withUnsafeBufferPointer { ScalarTable.decode($0, before: $0.count).value }
                    index = end
                    continue
                }
                switch LineNormalizer.kind(of: value) {
                case .plain:
                    last = value
                    index = next
                case .space, .invisible:
                    // The common case inline: one plain space between two words, no French spacing.
                    if value == 0x20, last != 0, next < count, options.frenchSpacing == .space {
                        let following = text[next]
                        if following > 0x20, following < 0x7F {
                            last = 0x20
                            index = next
                            continue
                        }
                    }
                    index = spaceRun(from: index)
                case .apostrophe:
                    if LineNormalizer.isLetterOrMark(last), next < count, LineNormalizer.isLetterOrMark(UTF8Decoding.scalar(text, at: next).value) {
                        replace(index..<next, with: options.apostrophe.scalar, kind: .apostrophe)
                        last = options.apostrophe.scalar.value
                    } else {
                        last = value
                    }
                    index = next
                case .hyphen:
                    if LineNormalizer.isLetterOrMark(last) {
                        replace(index..<next, with: "-", kind: .dash)
                        last = 0x2D
                    } else {
                        last = value
                    }
                    index = next
                case .dash:
                    index = dash(from: index)
                case .terminator:
                    index = terminator(from: index)
                }
            }
            flush(to: count)
        }

        /// How many of the eight bytes of `word` (little-endian: the first byte lowest) from the
        /// start are ASCII letters, digits, or (with `spaces`) a space before a byte in
        /// 0x21...0x7E inside the word: bytes the loop of `run` leaves as they are. Each per-byte
        /// test sets the byte's top bit (exact, no carry between bytes: the ranges are tested on
        /// the low seven bits, and bytes from 0x80 excluded).
        @inline(__always)
        static func plainRun(_ word: UInt64, spaces: Bool) -> Int {
            let high: UInt64 = 0x8080_8080_8080_8080
            let low7 = word & 0x7F7F_7F7F_7F7F_7F7F
            let ascii = ~word & high
            let lower7 = (word | 0x2020_2020_2020_2020) & 0x7F7F_7F7F_7F7F_7F7F
            // Letters: 0x61...0x7A once 0x20 is set; digits: 0x30...0x39; printable: 0x21...0x7E.
            let letters = (0xFAFA_FAFA_FAFA_FAFA &- lower7) & (lower7 &+ 0x1F1F_1F1F_1F1F_1F1F)
            let digits = (0xB9B9_B9B9_B9B9_B9B9 &- low7) & (low7 &+ 0x5050_5050_5050_5050)
            var plain = (letters | digits) & ascii
            if spaces {
                let printable = (0xFEFE_FEFE_FEFE_FEFE &- low7) & (low7 &+ 0x5F5F_5F5F_5F5F_5F5F) & ascii
                let other = word ^ 0x2020_2020_2020_2020
                let isSpace = ~(((other & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | other) & high
                plain |= isSpace & (printable &>> 8)
            }
            return (~plain & high).trailingZeroBitCount &>> 3
        }

        /// A run of spaces and invisible characters: one space inside the line, nothing at its edges.
        mutating func spaceRun(from start: Int) -> Int {
            let count = text.count
            // The common case: one plain space between two words, no French spacing to apply.
            if text[start] == 0x20, last != 0, start + 1 < count, options.frenchSpacing == .space {
                let next = text[start + 1]
                if next != 0x20, next != 0x09, next >= 0x21, next < 0x7F {
                    last = 0x20
                    return start + 1
                }
            }
            var end = start
            var hasSpace = false
            while end < count {
                let (value, width) = UTF8Decoding.scalar(text, at: end)
                switch LineNormalizer.kind(of: value) {
                case .space: hasSpace = true
                case .invisible: break
                default:
                    // A mark after a space belongs to no letter: keep it where it is.
                    return finishSpaceRun(start, end, hasSpace: hasSpace)
                }
                end += width
            }
            return finishSpaceRun(start, end, hasSpace: hasSpace)
        }

        private mutating func finishSpaceRun(_ start: Int, _ end: Int, hasSpace: Bool) -> Int {
            if !hasSpace {
                replace(start..<end, with: [], kind: .invisible)
            } else if last == 0 || end == text.count {
                replace(start..<end, with: [], kind: .space)
            } else {
                var space: Unicode.Scalar = " "
                if options.frenchSpacing != .space {
                    let following = UTF8Decoding.scalar(text, at: end).value
                    if following == 0x3A || following == 0x3B || following == 0x21 || following == 0x3F || following == 0xBB || last == 0xAB {
                        space = options.frenchSpacing.scalar
                    }
                }
                replace(start..<end, with: space, kind: .space)
                last = space.value
            }
            return end
        }

        /// A run of dashes: a dialogue dash at the start of a line, a spaced dash, or a hyphen to keep.
        mutating func dash(from start: Int) -> Int {
            let count = text.count
            var end = start
            while end < count, LineNormalizer.kind(of: UTF8Decoding.scalar(text, at: end).value) == .dash {
                end += UTF8Decoding.scalar(text, at: end).width
            }
            let following: UInt32? = end < count ? UTF8Decoding.scalar(text, at: end).value : nil
            let followingKind = following.map(LineNormalizer.kind(of:))
            let runIsOneHyphen = end - start == 1 && text[start] == 0x2D
            if last == 0, let following, following < 0x30 || following > 0x39 {
                // Dialogue: "— Oui", "-- Non", "–Peut-être".
                let spacedOrWord = followingKind == .space || LineNormalizer.isLetterOrMark(following) || following == 0xAB || following == 0x22
                if spacedOrWord, !(runIsOneHyphen && LineNormalizer.isLetterOrMark(following)) {
                    replace(start..<end, with: options.dash.dialogue, kind: .dash)
                    last = options.dash.dialogue.value
                    return end
                }
            }
            let spacedBefore = last == 0x20 || last == 0xA0 || last == 0x202F
            if spacedBefore, followingKind == .space {
                replace(start..<end, with: options.dash.scalar, kind: .dash)
                last = options.dash.scalar.value
                return end
            }
            last = ScalarTable.decode(text, before: end).value
            return end
        }

        /// Sentence-final punctuation; a space goes after it when the next sentence is glued on.
        mutating func terminator(from start: Int) -> Int {
            let count = text.count
            var end = start
            while end < count, LineNormalizer.kind(of: UTF8Decoding.scalar(text, at: end).value) == .terminator {
                end += UTF8Decoding.scalar(text, at: end).width
            }
            last = ScalarTable.decode(text, before: end).value
            guard end < count, isGlued(terminatorStart: start, end: end) else { return end }
            flush(to: end)
            let position = out.count
            out.append(0x20)
            edits.append(TextEdit(source: end..<end, target: position..<(position + 1), kind: .sentenceSplit))
            last = 0x20
            return end
        }

        /// `année.Selon`, `l'OTAN.Joe`: a word of two letters or more (not a title or an
        /// abbreviation), a terminator, then a capitalized word; never inside a URL or an address,
        /// never after an initial (`U.S.`, `J.Trump`) or between digits (`3.5`).
        func isGlued(terminatorStart start: Int, end: Int) -> Bool {
            let count = text.count
            let (first, firstWidth) = UTF8Decoding.scalar(text, at: end)
            guard UnicodeTables.categoryBit(of: first) & UnicodeTables.uppercaseLetterBit != 0, end + firstWidth < count else { return false }
            let second = UTF8Decoding.scalar(text, at: end + firstWidth).value
            guard UnicodeTables.categoryBit(of: second) & UnicodeTables.lowercaseLetterBit != 0 else { return false }
            // The word before, in the source.
            var wordStart = start
            var letters = 0
            var digits = 0
            while wordStart > 0 {
                let (value, width) = ScalarTable.decode(text, before: wordStart)
                if LineNormalizer.isLetterOrMark(value) {
                    letters += 1
                } else if value >= 0x30 && value <= 0x39 {
                    digits += 1
                } else {
                    break
                }
                wordStart -= width
            }
            guard letters >= 2 || (digits >= 2 && letters == 0) else { return false }
            if wordStart > 0, text[wordStart - 1] == 0x2E { return false }
            let word = String(decoding: UnsafeBufferPointer(rebasing: text[wordStart..<start]), as: UTF8.self)
            if LineNormalizer.titles.contains(word) { return false }
            // The whole token (to the spaces on both sides) must not look like a URL or an address.
            var tokenStart = wordStart
            while tokenStart > 0, LineNormalizer.kind(of: ScalarTable.decode(text, before: tokenStart).value) != .space {
                tokenStart -= ScalarTable.decode(text, before: tokenStart).width
            }
            var tokenEnd = end
            while tokenEnd < count, LineNormalizer.kind(of: UTF8Decoding.scalar(text, at: tokenEnd).value) != .space {
                tokenEnd += UTF8Decoding.scalar(text, at: tokenEnd).width
            }
            let token = UnsafeBufferPointer(rebasing: text[tokenStart..<tokenEnd])
            if token.contains(0x2F) || token.contains(0x40) { return false }
            let lower = String(decoding: token, as: UTF8.self).lowercased()
            if lower.hasPrefix("www.") || lower.hasPrefix("http") { return false }
            return true
        }
    }
}
