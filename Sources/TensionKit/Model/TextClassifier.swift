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
    /// Each column's idf and weights side by side, for prediction.
    private let columnTable: ColumnTable

    /// Creates a classifier from its parts (checked for consistency).
    public init(vectorizer: TfidfVectorizer, regression: LogisticRegression, options: TrainingOptions, summary: TrainingSummary?) throws {
        guard vectorizer.featureCount == regression.featureCount else {
            throw TensionError(.model, "the vocabulary has \(vectorizer.featureCount) n-grams but the weights cover \(regression.featureCount)")
        }
        self.vectorizer = vectorizer
        self.regression = regression
        self.options = options
        self.summary = summary
        self.columnTable = ColumnTable(idf: vectorizer.idf, weights: regression.weights, classes: regression.labels.count)
    }

    /// The labels, in the model's order.
    public var labels: [String] { regression.labels }

    /// Trains on `data`. Labels are sorted alphabetically to fix their order.
    ///
    /// The data set is taken over: when the caller passes its last reference (with `consume`),
    /// the texts are freed once they are vectorised, before the optimiser allocates its memory.
    public static func train(_ data: consuming LabeledDataset, options: TrainingOptions, threads: Int = Parallel.defaultThreads) throws -> TextClassifier {
        let labels = data.labelSet
        guard labels.count >= 2 else {
            throw TensionError(.data, "the training data has a single label (\(labels.first ?? "none"))",
                               hint: "a classifier needs sentences of at least two labels")
        }
        let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
        let targets = data.labels.map { index[$0]! }
        let texts = data.texts
        _ = consume data
        let (vectorizer, matrix) = try TfidfVectorizer.fit(consume texts, options: options.tfidf, threads: threads)
        // The matrix is handed over, so that it is freed while the optimiser runs on its blocks.
        let (regression, report, predicted) = try LogisticRegression.fitPredictingTraining(
            consume matrix, targets: targets, labels: labels, options: options.regression, threads: threads)
        var classifier = try TextClassifier(vectorizer: vectorizer, regression: regression, options: options, summary: nil)
        let k = labels.count
        var correct = 0
        for i in 0..<targets.count where Int(predicted[i]) == targets[i] { correct += 1 }
        var counts = [Int](repeating: 0, count: k)
        for t in targets { counts[t] += 1 }
        classifier.summary = TrainingSummary(trainingRows: targets.count, labelCounts: counts, convergence: report,
                                             trainingAccuracy: Double(correct) / Double(max(targets.count, 1)),
                                             heldOut: nil, heldOutSource: nil)
        return classifier
    }

    /// The label and probabilities of each text.
    public func predict(_ texts: [String], threads: Int = Parallel.defaultThreads) -> [Prediction] {
        let p = probabilities(texts, threads: threads)
        let k = labels.count
        return (0..<texts.count).map { i in
            let row = Array(p[(i * k)..<((i + 1) * k)])
            return Prediction(label: labels[row.withUnsafeBufferPointer { TextClassifier.mostProbable($0) }], probabilities: row)
        }
    }

    /// The probability of every label for each text, text after text (texts × labels, labels
    /// in the model's order): the numbers of ``predict(_:threads:)`` without a `Prediction`
    /// per text.
    ///
    /// Each chunk of texts goes from text to probabilities row by row, with buffers reused from
    /// row to row, so the TF-IDF matrix is never built. The sums are those of
    /// ``TfidfVectorizer/transform(_:threads:)`` then ``LogisticRegression/probabilities(_:threads:)``,
    /// in the same order, so the numbers are the same bytes; a column's idf and weights are read
    /// from one cache line (``ColumnTable``) instead of two arrays.
    public func probabilities(_ texts: [String], threads: Int = Parallel.defaultThreads) -> [Double] {
        let k = labels.count
        let out = DisjointWrites<Double>(repeating: 0, count: texts.count * k)
        let ranges = TextClassifier.chunks(texts.count)
        let shared = SharedTexts(texts: texts)
        let model = self
        Parallel.forEachBalanced(chunks: ranges.count, threads: threads) { c in
            var scratch = PredictScratch()
            for i in ranges[c] { model.writeProbabilities(of: shared.texts[i], to: out.pointer + i * k, scratch: &scratch) }
        }
        return out.array
    }

    /// Computes the probabilities of `texts` chunk by chunk on `threads` threads and hands each
    /// chunk to `body` on the thread that computed it: the range of texts, and their
    /// probabilities as in ``probabilities(_:threads:)`` (chunk rows × labels). Returns what
    /// `body` returns, in chunk (text) order.
    ///
    /// For work on each text's probabilities that can run in parallel too, such as formatting
    /// output: it follows the computation chunk by chunk, while the numbers are in cache, and
    /// no thread waits for all the probabilities to be done first.
    public func mapProbabilities<T: Sendable>(
        _ texts: [String], threads: Int = Parallel.defaultThreads,
        _ body: @Sendable (Range<Int>, UnsafeBufferPointer<Double>) -> T
    ) -> [T] {
        let k = labels.count
        let ranges = TextClassifier.chunks(texts.count)
        let results = DisjointWrites<T?>(repeating: nil, count: ranges.count)
        let shared = SharedTexts(texts: texts)
        let model = self
        Parallel.forEachBalanced(chunks: ranges.count, threads: threads) { c in
            var scratch = PredictScratch()
            var p = [Double](repeating: 0, count: ranges[c].count * k)
            p.withUnsafeMutableBufferPointer { p in
                for (row, i) in ranges[c].enumerated() {
                    model.writeProbabilities(of: shared.texts[i], to: p.baseAddress! + row * k, scratch: &scratch)
                }
            }
            results[c] = p.withUnsafeBufferPointer { body(ranges[c], $0) }
        }
        return results.array.map { $0! }
    }

    /// The chunks of texts for prediction: about 1,024 texts each; they depend only on the count.
    private static func chunks(_ count: Int) -> [Range<Int>] {
        Parallel.ranges(count: count, chunks: Parallel.chunkCount(for: count, grain: 1024, limit: 1024))
    }

    /// Buffers reused from text to text by one thread.
    private struct PredictScratch {
        var row = TfidfVectorizer.RowScratch()
        var weights: [Double] = []
    }

    /// Writes the K probabilities of `text` to `p`.
    @inline(__always)
    private func writeProbabilities(of text: String, to p: UnsafeMutablePointer<Double>, scratch: inout PredictScratch) {
        let k = labels.count
        let table = columnTable
        let stride = table.stride
        vectorizer.countEntries(text, into: &scratch.row, touching: table.values, stride: stride)
        // TfidfVectorizer.writeRow: w = tf'·idf, scaled to unit length, as a Float.
        let sublinear = vectorizer.options.sublinearTF
        var norm = 0.0
        scratch.weights.removeAll(keepingCapacity: true)
        for (j, tf) in scratch.row.entries {
            let t = sublinear && tf != 1 ? 1 + log(Double(tf)) : Double(tf)
            let w = t * table.values[Int(j) * stride]
            scratch.weights.append(w)
            norm += w * w
        }
        let scale = norm > 0 ? 1 / norm.squareRoot() : 0
        // LogisticRegression.probabilities: z = b + Σ x·W in row order, then softmax.
        for cl in 0..<k { p[cl] = regression.intercepts[cl] }
        for (e, (j, _)) in scratch.row.entries.enumerated() {
            let x = Double(Float(scratch.weights[e] * scale))
            let w = table.values + Int(j) * stride + 1
            for cl in 0..<k { p[cl] += x * w[cl] }
        }
        Softmax.inPlace(UnsafeMutableBufferPointer(start: p, count: k))
    }

    /// Predicts `data` and compares with its labels.
    public func evaluate(_ data: LabeledDataset, threads: Int = Parallel.defaultThreads) -> ClassificationReport {
        let predicted = predict(data.texts, threads: threads).map(\.label)
        return ClassificationReport(truth: data.labels, predicted: predicted, labels: labels)
    }

    /// The index of the most probable label given one text's `probabilities` (in label order),
    /// the first on a tie: the label of ``predict(_:threads:)``.
    public static func mostProbable(_ probabilities: UnsafeBufferPointer<Double>) -> Int {
        var best = 0
        for c in 1..<probabilities.count where probabilities[c] > probabilities[best] { best = c }
        return best
    }
}

/// Each column's idf followed by its K weights, one column per `stride` doubles, in memory
/// aligned to 64 bytes: with K ≤ 7 a column fits in one cache line, so that predicting a row
/// costs one cache miss per column instead of one in the idf array and one in the weights.
private final class ColumnTable: @unchecked Sendable {
    // Sendable: written only in init, read-only afterwards.
    let values: UnsafeMutablePointer<Double>
    let stride: Int
    private let count: Int

    init(idf: [Double], weights: [Double], classes k: Int) {
        precondition(weights.count == idf.count * k)
        // 1 + K doubles, rounded up to a power of two up to 8 (a cache line), else to a multiple of 8.
        var s = 1
        while s < 1 + k { s <<= 1 }
        if s > 8 { s = (1 + k + 7) / 8 * 8 }
        stride = s
        count = max(1, idf.count * s)
        let bytes = count * MemoryLayout<Double>.stride
        // A large table is read at random: in 2 MiB pages (where the kernel agrees), one TLB
        // entry covers what 512 small pages would, so that a look-up rarely walks page tables.
        let huge = 2 << 20
        let raw = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: bytes >= huge ? huge : 64)
        #if os(Linux)
        if bytes >= huge { _ = madvise(raw, bytes / huge * huge, MADV_HUGEPAGE) }
        #endif
        values = raw.bindMemory(to: Double.self, capacity: count)
        values.initialize(repeating: 0, count: count)
        for j in idf.indices {
            values[j * s] = idf[j]
            for c in 0..<k { values[j * s + 1 + c] = weights[j * k + c] }
        }
    }

    deinit {
        values.deinitialize(count: count)
        values.deallocate()
    }
}
