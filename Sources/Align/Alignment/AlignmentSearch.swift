/// The banded dynamic programming behind `SentenceAligner`: one pass at a given band, retried with
/// a wider band when the best path runs along the band's edge.
struct AlignmentSearch {
    let anchors: AnchorIndex
    let lengths: LengthModel
    let lexicalWeight: Double
    let n: Int
    let m: Int
    /// Prefix sums: characters and tokens of sentences before index k.
    private let frenchCharacters: [Int]
    private let englishCharacters: [Int]
    private let frenchTokens: [Int]
    private let englishTokens: [Int]
    /// Prefix sums of sentences that have tokens: a blank or punctuation-only line earns no
    /// lexical bonus, or merging it into an anchored neighbour would pay.
    private let frenchWordy: [Int]
    private let englishWordy: [Int]

    init(anchors: AnchorIndex, frenchLengths: [Int], englishLengths: [Int], lengths: LengthModel, lexicalWeight: Double) {
        self.anchors = anchors
        self.lengths = lengths
        self.lexicalWeight = lexicalWeight
        n = frenchLengths.count
        m = englishLengths.count
        frenchCharacters = Self.prefixSums(frenchLengths)
        englishCharacters = Self.prefixSums(englishLengths)
        frenchTokens = Self.prefixSums(anchors.frenchTokenCount)
        englishTokens = Self.prefixSums(anchors.englishTokenCount)
        frenchWordy = Self.prefixSums(anchors.frenchTokenCount.map { $0 > 0 ? 1 : 0 })
        englishWordy = Self.prefixSums(anchors.englishTokenCount.map { $0 > 0 ? 1 : 0 })
    }

    private static func prefixSums(_ values: [Int]) -> [Int] {
        var sums = [0]
        sums.reserveCapacity(values.count + 1)
        for value in values { sums.append(sums[sums.count - 1] + value) }
        return sums
    }

    /// The row centers of the band: where the English text has reached the share of its characters
    /// that the French text has reached at row i. This follows the translation's drift better
    /// than the plain diagonal when parts of the text are translated more or less tightly.
    func lengthCenters() -> [Double] {
        let totalFrench = Double(max(1, frenchCharacters[n]))
        let totalEnglish = Double(englishCharacters[m])
        var centers = [Double](repeating: 0, count: n + 1)
        var y = 0
        for i in 0...n {
            let target = Double(frenchCharacters[i]) / totalFrench * totalEnglish
            while y < m && Double(englishCharacters[y + 1]) <= target { y += 1 }
            let here = Double(englishCharacters[y])
            let next = y < m ? Double(englishCharacters[y + 1]) : here
            centers[i] = Double(y) + (next > here ? (target - here) / (next - here) : 0)
        }
        centers[n] = Double(m)
        return centers
    }

    /// The row centers that follow `links`: each row at the English position the links reach there,
    /// interpolated across links of several French sentences.
    func pathCenters(_ links: [AlignmentLink]) -> [Double] {
        var centers = [Double](repeating: 0, count: n + 1)
        for link in links {
            let a = link.french.count
            for k in 0...a {
                let share = a == 0 ? 1 : Double(k) / Double(a)
                centers[link.french.lowerBound + k] = Double(link.english.lowerBound) + share * Double(link.english.count)
            }
        }
        return centers
    }

    mutating func run(initialBand: Int, centers: [Double]) -> [AlignmentLink] {
        var band = max(4, initialBand)
        while true {
            let (links, touchesEdge) = solve(band: band, centers: centers)
            if !touchesEdge || band >= max(n, m) { return links }
            band *= 2
        }
    }

    /// The lexical similarity of French sentences `x0..<x1` with English sentences `y0..<y1`: twice
    /// the anchored French tokens over all tokens of both sides.
    func similarity(french: Range<Int>, english: Range<Int>) -> Double {
        guard !french.isEmpty, !english.isEmpty else { return 0 }
        var matched = 0
        for x in french {
            let table = anchors.keys(ofFrench: x)
            let words = table.words
            guard words > 0 else { continue }
            let mask = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
            let union = UnsafeMutablePointer<UInt64>.allocate(capacity: words)
            union.initialize(repeating: 0, count: words)
            for y in english {
                anchors.match(table, english: y, into: mask)
                for w in 0..<words { union[w] |= mask[w] }
            }
            for w in 0..<words { matched += union[w].nonzeroBitCount }
            mask.deallocate()
            union.deallocate()
        }
        let total = frenchTokens[french.upperBound] - frenchTokens[french.lowerBound] + englishTokens[english.upperBound] - englishTokens[english.lowerBound]
        // Matches count French occurrences, so `Paris, Paris, Paris` against `Paris` would pass 1.
        return min(1, 2 * Double(matched) / Double(max(1, total)))
    }

    /// Per French sentence, which of its anchoring tokens each English sentence of a window matches.
    private struct MaskRow {
        var sentence = -1
        var firstEnglish = 0
        var words = 0
        var masks: [UInt64] = []
    }

    private func solve(band: Int, centers: [Double]) -> (links: [AlignmentLink], touchesEdge: Bool) {
        let shapes = BeadShape.all
        var low = [Int](repeating: 0, count: n + 1)
        var high = [Int](repeating: 0, count: n + 1)
        var rowStart = [Int](repeating: 0, count: n + 2)
        for i in 0...n {
            let center = centers[i]
            low[i] = i == 0 ? 0 : max(0, Int(center - Double(band)))
            high[i] = i == n ? m : min(m, Int(center + Double(band)))
            // Each row must start where the row above can still step down (a 1-0 link), or the
            // last cell would be out of reach when one text is much longer than the other.
            if i > 0 { low[i] = min(low[i], high[i - 1]) }
            rowStart[i + 1] = rowStart[i] + high[i] - low[i] + 1
        }
        var back = [UInt8](repeating: .max, count: rowStart[n + 1])
        let ringSize = BeadShape.maxFrench + 1
        var costs = [[Double]](repeating: [], count: ringSize)
        var maskRows = [MaskRow](repeating: MaskRow(), count: ringSize)

        for i in 0...n {
            if i > 0 {
                // The French sentence that row i adds is used by rows i ..< i + maxFrench.
                let x = i - 1
                var row = MaskRow()
                row.sentence = x
                let table = anchors.keys(ofFrench: x)
                row.words = table.words
                row.firstEnglish = max(0, low[i] - BeadShape.maxEnglish)
                let lastEnglish = high[min(n, x + BeadShape.maxFrench)]
                if row.words > 0 && lastEnglish > row.firstEnglish {
                    row.masks = [UInt64](repeating: 0, count: (lastEnglish - row.firstEnglish) * row.words)
                    row.masks.withUnsafeMutableBufferPointer { buffer in
                        for y in row.firstEnglish..<lastEnglish {
                            anchors.match(table, english: y, into: buffer.baseAddress! + (y - row.firstEnglish) * row.words)
                        }
                    }
                }
                maskRows[x % ringSize] = row
            }
            var rowCost = [Double](repeating: .infinity, count: high[i] - low[i] + 1)
            for j in low[i]...high[i] {
                if i == 0 && j == 0 {
                    rowCost[0] = 0
                    continue
                }
                var best = Double.infinity
                var bestShape = UInt8.max
                for (s, shape) in shapes.enumerated() {
                    let a = shape.french
                    let b = shape.english
                    guard a <= i, b <= j else { continue }
                    let pi = i - a
                    let pj = j - b
                    guard pj >= low[pi], pj <= high[pi] else { continue }
                    let previous = a == 0 ? rowCost[pj - low[pi]] : costs[pi % ringSize][pj - low[pi]]
                    guard previous < .infinity else { continue }
                    var cost = previous + shape.cost
                    if a > 0 && b > 0 {
                        cost += lengths.cost(french: frenchCharacters[i] - frenchCharacters[pi], english: englishCharacters[j] - englishCharacters[pj])
                        if lexicalWeight > 0 {
                            var matched = 0
                            for x in pi..<i {
                                let row = maskRows[x % ringSize]
                                for w in 0..<row.words {
                                    var union: UInt64 = 0
                                    for y in pj..<j { union |= row.masks[(y - row.firstEnglish) * row.words + w] }
                                    matched += union.nonzeroBitCount
                                }
                            }
                            let total = frenchTokens[i] - frenchTokens[pi] + englishTokens[j] - englishTokens[pj]
                            let similarity = 2 * Double(matched) / Double(max(1, total))
                            let sentences = frenchWordy[i] - frenchWordy[pi] + englishWordy[j] - englishWordy[pj]
                            cost -= lexicalWeight * similarity * Double(sentences) / 2
                        }
                    }
                    if cost < best {
                        best = cost
                        bestShape = UInt8(s)
                    }
                }
                rowCost[j - low[i]] = best
                back[rowStart[i] + j - low[i]] = bestShape
            }
            costs[i % ringSize] = rowCost
        }

        var links: [AlignmentLink] = []
        var touchesEdge = false
        var i = n
        var j = m
        while i > 0 || j > 0 {
            if (i, j) != (n, m) && ((low[i] > 0 && j - low[i] < 2) || (high[i] < m && high[i] - j < 2)) {
                touchesEdge = true
            }
            let s = back[rowStart[i] + j - low[i]]
            precondition(s != .max, "the band always reaches the last cell")
            let shape = shapes[Int(s)]
            let french = (i - shape.french)..<i
            let english = (j - shape.english)..<j
            links.append(AlignmentLink(french: french, english: english, score: 0))
            i -= shape.french
            j -= shape.english
        }
        links.reverse()
        if !touchesEdge && lexicalWeight >= 0 {
            for k in links.indices { links[k].score = similarity(french: links[k].french, english: links[k].english) }
        }
        return (links, touchesEdge)
    }
}
