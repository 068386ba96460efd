import Foundation

/// Gale & Church (1993): the English length of a translation is about `ratio` times the French
/// length, with a variance that grows with the length. The cost is −log of the two-sided tail
/// probability of the observed difference.
struct LengthModel: Sendable {
    /// English characters per French character, measured on the two texts.
    let ratio: Double
    let variance: Double

    init(frenchCharacters: Int, englishCharacters: Int, variance: Double) {
        ratio = frenchCharacters > 0 && englishCharacters > 0 ? Double(englishCharacters) / Double(frenchCharacters) : 1
        self.variance = variance
    }

    func cost(french: Int, english: Int) -> Double {
        if french == 0 && english == 0 { return 0 }
        let mean = max(1, (Double(french) + Double(english) / ratio) / 2)
        let delta = (Double(english) - Double(french) * ratio) / (mean * variance).squareRoot()
        let position = abs(delta) * Self.steps
        guard position < Double(Self.table.count - 1) else { return Self.ceiling }
        let k = Int(position)
        let fraction = position - Double(k)
        return Self.table[k] + (Self.table[k + 1] - Self.table[k]) * fraction
    }

    /// The cost of a difference so unlikely that its probability is below 10⁻¹²: from there on
    /// all differences are equally bad, so one odd pair cannot outweigh the rest of the text.
    static let ceiling = -Foundation.log(1e-12)
    static let steps = 1000.0
    /// −log(2(1 − Φ(δ))) for δ from 0 to 7.2 in steps of 0.001: the search asks for millions of
    /// these, and `erfc` and `log` were a third of its time.
    static let table: [Double] = (0...7200).map { k in
        min(ceiling, -Foundation.log(max(erfc(Double(k) / steps / 2.0.squareRoot()), 1e-12)))
    }
}
