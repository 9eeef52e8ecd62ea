import Foundation

/// How far a model's confidence can be trusted: a reliability table and the expected
/// calibration error (ECE) over the confidence of the top label.
///
/// Each sentence's confidence is the probability of the label the model chose. With B bins of
/// equal width over 0...1 (bin b holds confidences in [b/B, (b+1)/B), the last bin also holds 1),
/// n sentences, n_b of them in bin b, conf_b their mean confidence and acc_b the share of them
/// whose chosen label is right:
///
///     ECE = Σ_b (n_b / n) · |acc_b − conf_b|
///
/// A calibrated model has ECE 0: of the sentences it labels with 80% confidence, 80% are right.
/// A large ECE with conf_b > acc_b means the model is over-confident. Empty bins add nothing.
public struct Calibration: Codable, Equatable, Sendable {
    /// One row of the reliability table.
    public struct Bin: Codable, Equatable, Sendable {
        /// The lower edge of the bin (included).
        public var lower: Double
        /// The upper edge of the bin (excluded, except 1 in the last bin).
        public var upper: Double
        /// The number of sentences whose confidence falls in the bin.
        public var count: Int
        /// Their mean confidence, conf_b (0 when the bin is empty).
        public var meanConfidence: Double
        /// The share of them labelled right, acc_b (0 when the bin is empty).
        public var accuracy: Double

        enum CodingKeys: String, CodingKey {
            case lower, upper, count, accuracy
            case meanConfidence = "mean_confidence"
        }
    }

    /// The bins, lowest confidence first.
    public var bins: [Bin]
    /// The number of sentences.
    public var count: Int
    /// Σ_b (n_b / n) · |acc_b − conf_b|; 0 when there are no sentences.
    public var expectedCalibrationError: Double
    /// The mean confidence over all sentences.
    public var meanConfidence: Double
    /// The share of sentences labelled right.
    public var accuracy: Double

    enum CodingKeys: String, CodingKey {
        case bins, count, accuracy
        case expectedCalibrationError = "ece"
        case meanConfidence = "mean_confidence"
    }

    /// Computes the table from each sentence's top-label confidence and whether that label was
    /// right. `binCount` is the number of equal-width bins, default 10 (the usual choice).
    public init(confidences: [Double], correct: [Bool], binCount: Int = 10) {
        precondition(confidences.count == correct.count, "confidences and correct must be parallel")
        precondition(binCount >= 1)
        var n = [Int](repeating: 0, count: binCount)
        var conf = [Double](repeating: 0, count: binCount)
        var right = [Int](repeating: 0, count: binCount)
        for (c, ok) in zip(confidences, correct) {
            let b = Calibration.bin(of: c, binCount: binCount)
            n[b] += 1
            conf[b] += c
            if ok { right[b] += 1 }
        }
        let total = confidences.count
        var ece = 0.0
        var bins: [Bin] = []
        for b in 0..<binCount {
            let meanConf = n[b] == 0 ? 0 : conf[b] / Double(n[b])
            let acc = n[b] == 0 ? 0 : Double(right[b]) / Double(n[b])
            if n[b] > 0 { ece += Double(n[b]) / Double(total) * abs(acc - meanConf) }
            bins.append(Bin(lower: Double(b) / Double(binCount), upper: Double(b + 1) / Double(binCount),
                            count: n[b], meanConfidence: meanConf, accuracy: acc))
        }
        self.bins = bins
        count = total
        expectedCalibrationError = ece
        meanConfidence = total == 0 ? 0 : confidences.reduce(0, +) / Double(total)
        accuracy = total == 0 ? 0 : Double(correct.filter { $0 }.count) / Double(total)
    }

    /// The table of `predictions` against the true labels `truth`.
    public init(predictions: [Prediction], truth: [String], binCount: Int = 10) {
        precondition(predictions.count == truth.count, "predictions and truth must be parallel")
        self.init(confidences: predictions.map { $0.probabilities.max() ?? 0 },
                  correct: zip(predictions, truth).map { $0.label == $1 }, binCount: binCount)
    }

    /// The bin of confidence `c`: ⌊c·B⌋, clamped to 0...B−1 (so 1 is in the last bin).
    public static func bin(of c: Double, binCount: Int) -> Int {
        guard c.isFinite else { return c > 0 ? binCount - 1 : 0 }
        return min(max(Int((c * Double(binCount)).rounded(.down)), 0), binCount - 1)
    }

    /// The table as text: ECE, then one row per non-empty bin.
    public var text: String {
        var out = "calibration (top-label confidence, \(bins.count) bins): expected calibration error "
            + String(format: "%.4f", expectedCalibrationError) + "\n"
        out += "mean confidence " + String(format: "%.3f", meanConfidence) + ", accuracy " + String(format: "%.3f", accuracy)
        out += meanConfidence > accuracy + 0.02 ? " (over-confident)\n" : meanConfidence < accuracy - 0.02 ? " (under-confident)\n" : "\n"
        out += "\n" + "confidence".padding(toLength: 14, withPad: " ", startingAt: 0) + "   count   mean conf   accuracy    gap\n"
        for b in bins where b.count > 0 {
            let range = String(format: "%.1f-%.1f", b.lower, b.upper)
            out += range.padding(toLength: 14, withPad: " ", startingAt: 0)
                + String(format: "%8d %11.3f %10.3f %+7.3f", b.count, b.meanConfidence, b.accuracy, b.accuracy - b.meanConfidence) + "\n"
        }
        return out
    }

    /// The table as one JSON object: `ece`, `count`, `mean_confidence`, `accuracy`, and `bins`
    /// (every bin, empty ones too: `lower`, `upper`, `count`, `mean_confidence`, `accuracy`).
    public var json: String {
        let rows = bins.map {
            "{\"lower\": \(JSONText.number($0.lower)), \"upper\": \(JSONText.number($0.upper)), \"count\": \($0.count), \"mean_confidence\": \(JSONText.number($0.meanConfidence)), \"accuracy\": \(JSONText.number($0.accuracy))}"
        }
        return "{\"ece\": \(JSONText.number(expectedCalibrationError)), \"count\": \(count), \"mean_confidence\": \(JSONText.number(meanConfidence)), \"accuracy\": \(JSONText.number(accuracy)), \"bins\": [" + rows.joined(separator: ", ") + "]}"
    }
}
