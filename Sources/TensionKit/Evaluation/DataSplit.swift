/// Seeded, stratified splits of a labelled data set: a hold-out and K folds.
///
/// Each label's rows are shuffled with ``SplitMix64`` from the seed, so that a split is the
/// same on every machine and every label keeps its share in each part.
public enum DataSplit {
    /// Indices of the training and held-out rows. Each label with at least two rows puts
    /// round(fraction × count) of them, at least one and at most count − 1, in the hold-out.
    public static func holdout(labels: [String], fraction: Double, seed: UInt64) throws -> (train: [Int], test: [Int]) {
        guard fraction > 0, fraction < 1 else {
            throw TensionError(.option, "--holdout must be a fraction between 0 and 1, such as 0.2 (got \(fraction))")
        }
        var rng = SplitMix64(seed: seed)
        var train: [Int] = []
        var test: [Int] = []
        for (_, rows) in groups(labels) {
            let shuffled = rng.shuffled(rows)
            var k = Int((fraction * Double(rows.count)).rounded())
            if rows.count >= 2 { k = min(max(k, 1), rows.count - 1) } else { k = 0 }
            test.append(contentsOf: shuffled[..<k])
            train.append(contentsOf: shuffled[k...])
        }
        return (train.sorted(), test.sorted())
    }

    /// The held-out indices of each of `k` stratified folds: each label's shuffled rows are dealt
    /// to the folds in turn.
    public static func folds(labels: [String], k: Int, seed: UInt64) throws -> [[Int]] {
        guard k >= 2, k <= labels.count else {
            throw TensionError(.option, "--cv must be between 2 and the number of rows (\(labels.count)); got \(k)")
        }
        var rng = SplitMix64(seed: seed)
        var folds = [[Int]](repeating: [], count: k)
        var next = 0
        for (_, rows) in groups(labels) {
            for r in rng.shuffled(rows) {
                folds[next].append(r)
                next = (next + 1) % k
            }
        }
        return folds.map { $0.sorted() }
    }

    /// Rows grouped by label, labels in sorted order.
    private static func groups(_ labels: [String]) -> [(String, [Int])] {
        var g: [String: [Int]] = [:]
        for (i, l) in labels.enumerated() { g[l, default: []].append(i) }
        return g.keys.sorted().map { ($0, g[$0]!) }
    }
}
