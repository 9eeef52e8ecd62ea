import Foundation

/// What a model file holds, for a reader who must decide whether to trust it: the options it was
/// trained with, the figures recorded at training, its size, and the n-grams that weigh most
/// towards each label.
///
/// An n-gram's weight W[j, k] is what one unit of its TF-IDF value adds to label k's logit. With
/// L2 regularisation the weights of an n-gram sum to zero over the labels at the optimum, so a
/// large positive weight for k is a large push towards k relative to the other labels.
public struct ModelInspection: Sendable {
    /// An n-gram and its weight for one label.
    public struct WeightedNGram: Equatable, Sendable {
        /// The n-gram.
        public var ngram: String
        /// W[j, k].
        public var weight: Double
    }

    /// The model file's path, when it was read from a file.
    public var path: String?
    /// The model file's size in bytes (the size it encodes to, when there is no file).
    public var fileSize: Int
    /// The labels, in the model's order.
    public var labels: [String]
    /// The options it was trained with.
    public var options: TrainingOptions
    /// Figures recorded at training, when the file has them.
    public var summary: TrainingSummary?
    /// The number of n-grams in the vocabulary.
    public var featureCount: Int
    /// The number of vocabulary n-grams of each length: `ngramLengths[n - 1]` n-grams of n words.
    public var ngramLengths: [Int]
    /// Weights and intercepts: features × labels + labels.
    public var parameterCount: Int
    /// The intercept of each label.
    public var intercepts: [Double]
    /// For each label, the `top` n-grams with the largest positive weight, largest first
    /// (ties: alphabetical).
    public var topNGrams: [[WeightedNGram]]

    /// Inspects `classifier`, keeping `top` n-grams per label.
    public init(_ classifier: TextClassifier, path: String? = nil, fileSize: Int? = nil, top: Int = 10) throws {
        self.path = path
        self.fileSize = try fileSize ?? ModelFile.encode(classifier).count
        labels = classifier.labels
        options = classifier.options
        summary = classifier.summary
        let features = classifier.vectorizer.features
        featureCount = features.count
        var lengths = [Int](repeating: 0, count: max(1, classifier.options.tfidf.ngramMax))
        for f in features {
            let n = f.split(separator: " ").count
            if n > lengths.count { lengths += [Int](repeating: 0, count: n - lengths.count) }
            lengths[n - 1] += 1
        }
        ngramLengths = lengths
        let k = labels.count
        parameterCount = featureCount * k + k
        intercepts = classifier.regression.intercepts
        let w = classifier.regression.weights
        let f = features.count
        topNGrams = (0..<k).map { l in
            ModelInspection.largest(count: top, of: f) { w[$0 * k + l] } ordered: { features[$0] < features[$1] }
                .map { WeightedNGram(ngram: features[$0], weight: w[$0 * k + l]) }
        }
    }

    /// Reads the model at `path` and inspects it.
    public static func read(path: String, top: Int = 10) throws -> ModelInspection {
        let classifier = try ModelFile.read(path: path)
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? nil
        return try ModelInspection(classifier, path: path, fileSize: size, top: top)
    }

    /// The indices i in 0..<n with the `count` largest positive `value(i)`, largest first; ties by `ordered`.
    /// O(n · count) at worst, with a short sorted buffer: no sort of the whole vocabulary.
    static func largest(count: Int, of n: Int, value: (Int) -> Double, ordered: (Int, Int) -> Bool) -> [Int] {
        guard count > 0 else { return [] }
        func before(_ a: Int, _ b: Int) -> Bool {
            let va = value(a), vb = value(b)
            return va != vb ? va > vb : ordered(a, b)
        }
        var best: [Int] = []
        best.reserveCapacity(count + 1)
        for i in 0..<n where value(i) > 0 {
            if best.count == count, let last = best.last, !before(i, last) { continue }
            var at = best.count
            while at > 0, before(i, best[at - 1]) { at -= 1 }
            best.insert(i, at: at)
            if best.count > count { best.removeLast() }
        }
        return best
    }

    /// The inspection as text.
    public var text: String {
        func f3(_ v: Double) -> String { String(format: "%.3f", v) }
        var out = ""
        if let path { out += "model: \(path)\n" }
        out += "size: \(Self.bytes(fileSize)); \(featureCount) n-grams ("
            + ngramLengths.enumerated().map { "\($1) of \($0 + 1) word\($0 == 0 ? "" : "s")" }.joined(separator: ", ")
            + "), \(parameterCount) parameters\n"
        out += "labels: \(labels.joined(separator: ", "))\n\n"
        let t = options.tfidf
        let r = options.regression
        out += "trained with:\n"
        out += "  features   n-grams 1-\(t.ngramMax), min-df \(t.minDF), max-df \(t.maxDF), max-features \(t.maxFeatures.map(String.init) ?? "all"), sublinear tf \(t.sublinearTF ? "yes" : "no")\n"
        out += "  model      C \(CrossValidation.format(r.c)), class weight \(r.classWeight.rawValue), max-iter \(r.maxIterations), tol \(r.tolerance), L-BFGS memory \(r.memory)\n"
        out += "  seed       \(options.seed)\n\n"
        if let s = summary {
            out += "training: \(s.trainingRows) sentences (" + zip(labels, s.labelCounts).map { "\($0) \($1)" }.joined(separator: ", ") + ")\n"
            out += "  optimiser: \(s.convergence.message) (objective \(String(format: "%.6g", s.convergence.objective)))\n"
            out += "  accuracy on its own training sentences: \(f3(s.trainingAccuracy))\n"
            if let h = s.heldOut {
                out += "  held-out (\(s.heldOutSource ?? "unknown source")): accuracy \(f3(h.accuracy)), macro-F1 \(f3(h.macroF1)), weighted F1 \(f3(h.weightedF1))\n"
                for (c, sc) in zip(h.labels, h.perClass) {
                    out += "    \(c): precision \(f3(sc.precision)), recall \(f3(sc.recall)), F1 \(f3(sc.f1)), support \(sc.support)\n"
                }
            } else {
                out += "  no held-out figures were recorded: run `tension eval` on labelled data the model has not seen, or `tension eval --cv K`\n"
            }
        } else {
            out += "training: no figures recorded in the file\n"
        }
        out += "\ntop n-grams per label (weight; intercept in brackets):\n"
        for (k, name) in labels.enumerated() {
            out += "  \(name) [\(String(format: "%+.3f", intercepts[k]))]\n"
            if topNGrams[k].isEmpty { out += "      (none)\n" }
            for g in topNGrams[k] { out += "      " + String(format: "%+8.3f", g.weight) + "  " + g.ngram + "\n" }
        }
        return out
    }

    /// The inspection as one JSON object: `path`, `file_size`, `labels`, `features`,
    /// `ngram_lengths`, `parameters`, `options`, `summary` (or null) and `top` (label → list of
    /// `ngram`, `weight`), plus `intercepts` (label → b).
    public var json: String {
        let t = options.tfidf
        let r = options.regression
        let opts = "{\"ngram_max\": \(t.ngramMax), \"min_df\": \(JSONText.string(t.minDF.description)), \"max_df\": \(JSONText.string(t.maxDF.description)), "
            + "\"max_features\": \(t.maxFeatures.map(String.init) ?? "null"), \"sublinear_tf\": \(t.sublinearTF), "
            + "\"c\": \(JSONText.number(r.c)), \"class_weight\": \(JSONText.string(r.classWeight.rawValue)), \"max_iter\": \(r.maxIterations), "
            + "\"tol\": \(r.tolerance), \"memory\": \(r.memory), \"seed\": \(options.seed)}"
        var summaryJSON = "null"
        if let s = summary {
            let c = s.convergence
            summaryJSON = "{\"training_rows\": \(s.trainingRows), \"label_counts\": {"
                + zip(labels, s.labelCounts).map { JSONText.string($0) + ": \($1)" }.joined(separator: ", ") + "}, "
                + "\"convergence\": {\"converged\": \(c.converged), \"iterations\": \(c.iterations), \"evaluations\": \(c.evaluations), \"objective\": \(JSONText.number(c.objective)), \"message\": \(JSONText.string(c.message))}, "
                + "\"training_accuracy\": \(JSONText.number(s.trainingAccuracy)), "
                + "\"held_out\": \(s.heldOut?.json ?? "null"), \"held_out_source\": \(s.heldOutSource.map(JSONText.string) ?? "null")}"
        }
        let top = labels.enumerated().map { k, name in
            JSONText.string(name) + ": [" + topNGrams[k].map { "{\"ngram\": \(JSONText.string($0.ngram)), \"weight\": \(JSONText.number($0.weight))}" }.joined(separator: ", ") + "]"
        }.joined(separator: ", ")
        let b = zip(labels, intercepts).map { JSONText.string($0) + ": " + JSONText.number($1) }.joined(separator: ", ")
        return "{\"path\": \(path.map(JSONText.string) ?? "null"), \"file_size\": \(fileSize), \"labels\": [" + labels.map(JSONText.string).joined(separator: ", ")
            + "], \"features\": \(featureCount), \"ngram_lengths\": [" + ngramLengths.map(String.init).joined(separator: ", ")
            + "], \"parameters\": \(parameterCount), \"options\": \(opts), \"summary\": \(summaryJSON), \"intercepts\": {\(b)}, \"top\": {\(top)}}"
    }

    /// A byte count for people: "812 bytes", "3.4 MB".
    static func bytes(_ n: Int) -> String {
        if n < 1024 { return "\(n) bytes" }
        if n < 1024 * 1024 { return String(format: "%.1f KB", Double(n) / 1024) }
        return String(format: "%.1f MB", Double(n) / 1024 / 1024)
    }
}
