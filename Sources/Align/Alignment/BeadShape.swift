import Foundation

/// The shapes of link the aligner considers (French sentences, English sentences) and how likely
/// each is a priori. The shares follow the link types of real literary translations (about 78 %
/// 1-1, 7.5 % each 1-2 and 2-1, a percent or so for the rest).
struct BeadShape: Sendable {
    let french: Int
    let english: Int
    /// −log of the prior probability.
    let cost: Double

    static let all: [BeadShape] = [
        (1, 1, 0.78), (1, 2, 0.075), (2, 1, 0.075), (1, 0, 0.006), (0, 1, 0.006), (2, 2, 0.012),
        (1, 3, 0.015), (3, 1, 0.01), (2, 3, 0.003), (3, 2, 0.003), (1, 4, 0.004), (4, 1, 0.003),
    ].map { BeadShape(french: $0.0, english: $0.1, cost: -Foundation.log($0.2)) }

    static let maxFrench = all.map(\.french).max() ?? 1
    static let maxEnglish = all.map(\.english).max() ?? 1
}
