import Foundation

/// Stratified K-fold cross-validation of a training recipe on one labelled data set.
///
/// The rows are dealt into K folds by ``DataSplit/folds(labels:k:seed:)`` (seeded, so the same
/// folds on every machine); for each fold a model is trained on the other K − 1 folds with
/// ``TextClassifier/train(_:options:threads:)`` and scored on the fold. Over the K scores s_i:
///
///     mean = (1/K) Σ s_i,    sd = √( Σ (s_i − mean)² / (K − 1) )    (the sample standard deviation)
///
/// The out-of-fold predictions (every row predicted once, by the model that did not see it) are
/// kept, for a pooled report and a calibration table.
public struct CrossValidation: Sendable {
    /// The scores of one fold.
    public struct Fold: Equatable, Sendable {
        /// Rows the fold's model was trained on.
        public var trainingRows: Int
        /// Rows it was scored on.
        public var testRows: Int
        /// Accuracy on the fold.
        public var accuracy: Double
        /// Macro-F1 on the fold, over every label of the whole data set (a label with fewer rows
        /// than folds is absent from some folds and counts there with F1 0).
        public var macroF1: Double
    }

    /// The number of folds, K.
    public var k: Int
    /// The options every fold was trained with (the seed also chose the folds).
    public var options: TrainingOptions
    /// The folds, in order.
    public var folds: [Fold]
    /// Mean accuracy over the folds.
    public var meanAccuracy: Double
    /// Sample standard deviation of the accuracy over the folds.
    public var sdAccuracy: Double
    /// Mean macro-F1 over the folds.
    public var meanMacroF1: Double
    /// Sample standard deviation of the macro-F1 over the folds.
    public var sdMacroF1: Double
    /// The true label of every row of the data set.
    public var truth: [String]
    /// The out-of-fold prediction of every row, parallel to ``truth``.
    public var predictions: [Prediction]
    /// The labels of the data set, sorted (the models' label order).
    public var labels: [String]

    /// Cross-validates `options` on `data` with `k` folds.
    ///
    /// Throws `.option` when k is not 2...rows, `.data` when a training part has a single label
    /// (a label with fewer rows than folds can leave a part without it only if it has one row).
    public static func run(_ data: LabeledDataset, options: TrainingOptions, k: Int,
                           threads: Int = Parallel.defaultThreads) throws -> CrossValidation {
        let folds = try DataSplit.folds(labels: data.labels, k: k, seed: options.seed)
        let labels = data.labelSet
        var results: [Fold] = []
        var predictions = [Prediction?](repeating: nil, count: data.count)
        for (i, test) in folds.enumerated() {
            let inTest = Set(test)
            let train = (0..<data.count).filter { !inTest.contains($0) }
            let trainingData = data.subset(train)
            guard trainingData.labelSet.count == labels.count else {
                throw TensionError(.data, "fold \(i + 1) of \(k) leaves a label out of its training part",
                                   hint: "use fewer folds (--cv) or more sentences of every label")
            }
            let model = try TextClassifier.train(trainingData, options: options, threads: threads)
            let testData = data.subset(test)
            let predicted = model.predict(testData.texts, threads: threads)
            for (row, p) in zip(test, predicted) { predictions[row] = p }
            let report = ClassificationReport(truth: testData.labels, predicted: predicted.map(\.label), labels: labels)
            results.append(Fold(trainingRows: train.count, testRows: test.count, accuracy: report.accuracy,
                                macroF1: report.macroF1))
        }
        let acc = results.map(\.accuracy)
        let f1 = results.map(\.macroF1)
        return CrossValidation(k: k, options: options, folds: results, meanAccuracy: mean(acc), sdAccuracy: sampleSD(acc),
                               meanMacroF1: mean(f1), sdMacroF1: sampleSD(f1), truth: data.labels,
                               predictions: predictions.map { $0! }, labels: labels)
    }

    /// The report of the out-of-fold predictions of all rows together.
    public var pooledReport: ClassificationReport {
        ClassificationReport(truth: truth, predicted: predictions.map(\.label), labels: labels)
    }

    /// The calibration of the out-of-fold predictions.
    public var calibration: Calibration { Calibration(predictions: predictions, truth: truth) }

    /// The mean of `values` (0 when empty).
    public static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// The sample standard deviation √(Σ (v − mean)² / (n − 1)); 0 for fewer than two values.
    public static func sampleSD(_ values: [Double]) -> Double {
        guard values.count >= 2 else { return 0 }
        let m = mean(values)
        return (values.map { ($0 - m) * ($0 - m) }.reduce(0, +) / Double(values.count - 1)).squareRoot()
    }

    /// The folds and their mean ± sd, as text.
    public var text: String {
        func f(_ v: Double) -> String { String(format: "%.3f", v) }
        var out = "\(k)-fold stratified cross-validation (seed \(options.seed), C \(Self.format(options.regression.c))), \(truth.count) sentences\n\n"
        out += "fold   train    test   accuracy   macro-F1\n"
        for (i, fold) in folds.enumerated() {
            out += String(format: "%4d %7d %7d %10.3f %10.3f\n", i + 1, fold.trainingRows, fold.testRows, fold.accuracy, fold.macroF1)
        }
        out += "\naccuracy  \(f(meanAccuracy)) ± \(f(sdAccuracy))\nmacro-F1  \(f(meanMacroF1)) ± \(f(sdMacroF1))   (mean ± sample standard deviation over the folds)\n"
        return out
    }

    /// As one JSON object: `k`, `seed`, `c`, `accuracy` and `macro_f1` (each `mean`, `sd`), and `folds`.
    public var json: String {
        let rows = folds.map {
            "{\"train\": \($0.trainingRows), \"test\": \($0.testRows), \"accuracy\": \(JSONText.number($0.accuracy)), \"macro_f1\": \(JSONText.number($0.macroF1))}"
        }
        return "{\"k\": \(k), \"seed\": \(options.seed), \"c\": \(JSONText.number(options.regression.c)), \"rows\": \(truth.count), "
            + "\"accuracy\": {\"mean\": \(JSONText.number(meanAccuracy)), \"sd\": \(JSONText.number(sdAccuracy))}, "
            + "\"macro_f1\": {\"mean\": \(JSONText.number(meanMacroF1)), \"sd\": \(JSONText.number(sdMacroF1))}, "
            + "\"folds\": [" + rows.joined(separator: ", ") + "]}"
    }

    /// A C value without needless decimals ("10", "0.3").
    static func format(_ c: Double) -> String {
        c == c.rounded() && abs(c) < 1e15 ? String(Int(c)) : String(c)
    }
}
