import Foundation

/// Held-out figures for a classifier, as scikit-learn's `classification_report` and
/// `confusion_matrix` give them.
///
/// For label c with tp true positives, fp false positives and fn false negatives:
/// precision = tp / (tp + fp), recall = tp / (tp + fn), F1 = 2·P·R / (P + R), each 0 when its
/// denominator is 0 (scikit-learn's `zero_division=0`); support = tp + fn. Accuracy is the share
/// of sentences whose predicted label is the true one; macro-F1 is the unweighted mean of the
/// per-label F1 over the labels; weighted F1 weighs each label's F1 by its support.
public struct ClassificationReport: Codable, Equatable, Sendable {
    /// Precision, recall, F1 and support of one label.
    public struct ClassScores: Codable, Equatable, Sendable {
        /// tp / (tp + fp).
        public var precision: Double
        /// tp / (tp + fn).
        public var recall: Double
        /// 2·P·R / (P + R).
        public var f1: Double
        /// The number of sentences whose true label this is.
        public var support: Int
    }

    /// The labels, in the order of ``confusion``'s rows and columns.
    public var labels: [String]
    /// `confusion[t][p]`: sentences of true label t predicted as p.
    public var confusion: [[Int]]
    /// The scores of each label, in ``labels`` order.
    public var perClass: [ClassScores]
    /// Share of correct predictions.
    public var accuracy: Double
    /// Unweighted mean of the per-label F1.
    public var macroF1: Double
    /// Support-weighted mean of the per-label F1.
    public var weightedF1: Double

    enum CodingKeys: String, CodingKey {
        case labels, confusion, accuracy
        case perClass = "per_class"
        case macroF1 = "macro_f1"
        case weightedF1 = "weighted_f1"
    }

    /// Computes the report from true and predicted labels. `labels` fixes the order; a label
    /// that occurs in either list but not in `labels` is appended, sorted.
    public init(truth: [String], predicted: [String], labels: [String]) {
        precondition(truth.count == predicted.count)
        var all = labels
        let extra = Set(truth).union(predicted).subtracting(labels).sorted()
        all.append(contentsOf: extra)
        let index = Dictionary(uniqueKeysWithValues: all.enumerated().map { ($1, $0) })
        var m = [[Int]](repeating: [Int](repeating: 0, count: all.count), count: all.count)
        for (t, p) in zip(truth, predicted) { m[index[t]!][index[p]!] += 1 }
        self.labels = all
        confusion = m
        var scores: [ClassScores] = []
        var correct = 0
        for c in all.indices {
            let tp = m[c][c]
            correct += tp
            let predictedAs = all.indices.reduce(0) { $0 + m[$1][c] }
            let support = m[c].reduce(0, +)
            let p = predictedAs == 0 ? 0 : Double(tp) / Double(predictedAs)
            let r = support == 0 ? 0 : Double(tp) / Double(support)
            let f = p + r == 0 ? 0 : 2 * p * r / (p + r)
            scores.append(ClassScores(precision: p, recall: r, f1: f, support: support))
        }
        perClass = scores
        let n = truth.count
        accuracy = n == 0 ? 0 : Double(correct) / Double(n)
        macroF1 = scores.isEmpty ? 0 : scores.map(\.f1).reduce(0, +) / Double(scores.count)
        weightedF1 = n == 0 ? 0 : scores.map { $0.f1 * Double($0.support) }.reduce(0, +) / Double(n)
    }

    /// The report as text: a per-label table like scikit-learn's, then the confusion matrix.
    public var text: String {
        let width = max(12, (labels.map(\.count).max() ?? 0) + 2)
        func pad(_ s: String, _ w: Int, left: Bool = false) -> String {
            let p = String(repeating: " ", count: max(0, w - s.count))
            return left ? s + p : p + s
        }
        func f(_ v: Double) -> String { String(format: "%.3f", v) }
        var out = pad("", width) + pad("precision", 11) + pad("recall", 9) + pad("f1-score", 10) + pad("support", 9) + "\n\n"
        for (c, s) in zip(labels, perClass) {
            out += pad(c, width) + pad(f(s.precision), 11) + pad(f(s.recall), 9) + pad(f(s.f1), 10) + pad(String(s.support), 9) + "\n"
        }
        let n = perClass.reduce(0) { $0 + $1.support }
        let k = Double(max(perClass.count, 1))
        out += "\n" + pad("accuracy", width) + pad("", 20) + pad(f(accuracy), 10) + pad(String(n), 9) + "\n"
        out += pad("macro avg", width) + pad(f(perClass.map(\.precision).reduce(0, +) / k), 11)
            + pad(f(perClass.map(\.recall).reduce(0, +) / k), 9) + pad(f(macroF1), 10) + pad(String(n), 9) + "\n"
        let wp = n == 0 ? 0 : perClass.map { $0.precision * Double($0.support) }.reduce(0, +) / Double(n)
        let wr = n == 0 ? 0 : perClass.map { $0.recall * Double($0.support) }.reduce(0, +) / Double(n)
        out += pad("weighted avg", width) + pad(f(wp), 11) + pad(f(wr), 9) + pad(f(weightedF1), 10) + pad(String(n), 9) + "\n"
        out += "\nconfusion matrix (rows: true label, columns: predicted)\n"
        let cw = max(8, (labels.map(\.count).max() ?? 0) + 1, (confusion.flatMap { $0 }.max().map { String($0).count } ?? 1) + 1)
        out += pad("", width) + labels.map { pad($0, cw) }.joined() + "\n"
        for (c, row) in zip(labels, confusion) {
            out += pad(c, width) + row.map { pad(String($0), cw) }.joined() + "\n"
        }
        return out
    }

    /// The report as one JSON object with keys `accuracy`, `macro_f1`, `weighted_f1`, `labels`,
    /// `per_class` (label → precision, recall, f1, support) and `confusion`.
    public var json: String {
        var perClassObject = "{"
        for (i, (c, s)) in zip(labels, perClass).enumerated() {
            if i > 0 { perClassObject += ", " }
            perClassObject += JSONText.string(c) + ": {\"precision\": \(JSONText.number(s.precision)), \"recall\": \(JSONText.number(s.recall)), \"f1\": \(JSONText.number(s.f1)), \"support\": \(s.support)}"
        }
        perClassObject += "}"
        let conf = "[" + confusion.map { "[" + $0.map(String.init).joined(separator: ", ") + "]" }.joined(separator: ", ") + "]"
        return "{\"accuracy\": \(JSONText.number(accuracy)), \"macro_f1\": \(JSONText.number(macroF1)), \"weighted_f1\": \(JSONText.number(weightedF1)), \"labels\": [" + labels.map(JSONText.string).joined(separator: ", ") + "], \"per_class\": " + perClassObject + ", \"confusion\": " + conf + "}"
    }
}
