import Foundation

/// Everything that decides how a model is trained; saved in the model file.
public struct TrainingOptions: Codable, Equatable, Sendable {
    /// The features.
    public var tfidf: TfidfOptions
    /// The classifier.
    public var regression: LogisticRegressionOptions
    /// The seed of the hold-out split and of cross-validation folds. Default 1.
    public var seed: UInt64

    /// Creates options.
    public init(tfidf: TfidfOptions = TfidfOptions(), regression: LogisticRegressionOptions = LogisticRegressionOptions(), seed: UInt64 = 1) {
        self.tfidf = tfidf
        self.regression = regression
        self.seed = seed
    }
}

/// Figures recorded in a model file when it is trained.
public struct TrainingSummary: Codable, Equatable, Sendable {
    /// Sentences the model was fitted on.
    public var trainingRows: Int
    /// Sentences per label in the training data, in label order.
    public var labelCounts: [Int]
    /// What the optimiser did.
    public var convergence: ConvergenceReport
    /// Accuracy on the training sentences themselves.
    public var trainingAccuracy: Double
    /// The held-out report, when a test set or hold-out was given.
    public var heldOut: ClassificationReport?
    /// Where the held-out figures come from ("test file x.csv", "hold-out 20%"), when there are any.
    public var heldOutSource: String?
}

/// The label and probabilities a model gives one sentence.
public struct Prediction: Equatable, Sendable {
    /// The most probable label (the first in label order on a tie).
    public var label: String
    /// The probability of each label, in the model's label order.
    public var probabilities: [Double]
}

/// A trained sentence classifier: TF-IDF features, then multinomial logistic regression.
public struct TextClassifier: Sendable {
    /// The feature extractor.
    public let vectorizer: TfidfVectorizer
    /// The linear model.
    public let regression: LogisticRegression
    /// The options it was trained with.
    public let options: TrainingOptions
    /// Figures recorded at training time.
    public var summary: TrainingSummary?

    /// Creates a classifier from its parts (checked for consistency).
    public init(vectorizer: TfidfVectorizer, regression: LogisticRegression, options: TrainingOptions, summary: TrainingSummary?) throws {
        guard vectorizer.featureCount == regression.featureCount else {
            throw TensionError(.model, "the vocabulary has \(vectorizer.featureCount) n-grams but the weights cover \(regression.featureCount)")
        }
        self.vectorizer = vectorizer
        self.regression = regression
        self.options = options
        self.summary = summary
    }

    /// The labels, in the model's order.
    public var labels: [String] { regression.labels }

    /// Trains on `data`. Labels are sorted alphabetically to fix their order.
    public static func train(_ data: LabeledDataset, options: TrainingOptions, threads: Int = Parallel.defaultThreads) throws -> TextClassifier {
        let labels = data.labelSet
        guard labels.count >= 2 else {
            throw TensionError(.data, "the training data has a single label (\(labels.first ?? "none"))",
                               hint: "a classifier needs sentences of at least two labels")
        }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let targets = data.labels.map { index[$0]! }
        let (vectorizer, matrix) = try TfidfVectorizer.fit(data.texts, options: options.tfidf, threads: threads)
        let (regression, report) = try LogisticRegression.fit(matrix, targets: targets, labels: labels,
                                                             options: options.regression, threads: threads)
        var classifier = try TextClassifier(vectorizer: vectorizer, regression: regression, options: options, summary: nil)
        let p = regression.probabilities(matrix, threads: threads)
        let k = labels.count
        var correct = 0
        for i in 0..<data.count where argmax(p, row: i, k: k) == targets[i] { correct += 1 }
        var counts = [Int](repeating: 0, count: k)
        for t in targets { counts[t] += 1 }
        classifier.summary = TrainingSummary(trainingRows: data.count, labelCounts: counts, convergence: report,
                                             trainingAccuracy: Double(correct) / Double(max(data.count, 1)),
                                             heldOut: nil, heldOutSource: nil)
        return classifier
    }

    /// The label and probabilities of each text.
    public func predict(_ texts: [String], threads: Int = Parallel.defaultThreads) -> [Prediction] {
        let p = probabilities(texts, threads: threads)
        let k = labels.count
        return (0..<texts.count).map { i in
            let row = Array(p[(i * k)..<((i + 1) * k)])
            return Prediction(label: labels[TextClassifier.argmax(p, row: i, k: k)], probabilities: row)
        }
    }

    /// The probability of every label for each text, text after text (texts × labels, labels
    /// in the model's order): the numbers of ``predict(_:threads:)`` without a `Prediction`
    /// per text.
    ///
    /// Each chunk of texts goes from text to probabilities row by row, with buffers reused from
    /// row to row, so the TF-IDF matrix is never built; the numbers are those of
    /// ``TfidfVectorizer/transform(_:threads:)`` then ``LogisticRegression/probabilities(_:threads:)``.
    public func probabilities(_ texts: [String], threads: Int = Parallel.defaultThreads) -> [Double] {
        let k = labels.count
        let out = DisjointWrites<Double>(repeating: 0, count: texts.count * k)
        let ranges = Parallel.ranges(count: texts.count, chunks: Parallel.chunkCount(for: texts.count, grain: 1024, limit: 1024))
        let shared = SharedTextArray(texts: texts)
        let model = self
        Parallel.forEach(chunks: ranges.count, threads: threads) { c in
            var scratch = TfidfVectorizer.RowScratch()
            for i in ranges[c] {
                model.vectorizer.row(shared.texts[i], into: &scratch)
                scratch.rowColumns.withUnsafeBufferPointer { columns in
                    scratch.rowValues.withUnsafeBufferPointer { values in
                        model.regression.probabilities(columns: columns, values: values, into: out.pointer + i * k)
                    }
                }
            }
        }
        return out.array
    }

    /// Predicts `data` and compares with its labels.
    public func evaluate(_ data: LabeledDataset, threads: Int = Parallel.defaultThreads) -> ClassificationReport {
        let predicted = predict(data.texts, threads: threads).map(\.label)
        return ClassificationReport(truth: data.labels, predicted: predicted, labels: labels)
    }

    static func argmax(_ p: [Double], row i: Int, k: Int) -> Int {
        var best = 0
        for c in 1..<k where p[i * k + c] > p[i * k + best] { best = c }
        return best
    }
}

/// Texts shared read-only by parallel chunks.
private struct SharedTextArray: Sendable { let texts: [String] }
