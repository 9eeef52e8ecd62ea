/// SplitMix64 (Steele, Lea and Flood 2014): a small seeded generator whose sequence is the same
/// on every platform, for hold-out splits, folds and bootstrap samples.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// An integer in 0..<bound by Lemire's multiply-high: the high word of next() × bound
    /// (the bias is below bound / 2⁶⁴, negligible for every use here).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        return Int(truncatingIfNeeded: next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// `values` shuffled by Fisher–Yates with this generator (the same order on every platform).
    public mutating func shuffled<T>(_ values: [T]) -> [T] {
        var a = values
        if a.count < 2 { return a }
        for i in stride(from: a.count - 1, to: 0, by: -1) {
            a.swapAt(i, below(i + 1))
        }
        return a
    }
}
