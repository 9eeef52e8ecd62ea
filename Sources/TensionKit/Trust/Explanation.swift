import Foundation

/// Why a model gave a sentence its label: the share of every n-gram in every label's logit.
///
/// The model is linear in the TF-IDF row x of the sentence, so each label's logit splits exactly
/// into an intercept and one term per n-gram of the sentence:
///
///     contribution(j, k) = x_j · W[j, k]
///     logit_k            = b_k + Σ_j contribution(j, k)
///     P(k)               = exp(logit_k) / Σ_c exp(logit_c)
///
/// A positive contribution pushes the sentence towards label k, a negative one away from it.
/// Softmax only cares about differences between logits, so an n-gram matters for label k as
/// much as its contribution to k exceeds its contributions to the other labels; ``top(_:count:)``
/// ranks by the contribution to k itself, which is what the model adds to that label's score.
public struct Explanation: Equatable, Sendable {
    /// One n-gram of the sentence that the model knows, with its share of every logit.
    public struct Term: Equatable, Sendable {
        /// The n-gram as it appears in the vocabulary (folded, tokens joined by a space).
        public var ngram: String
        /// Its column in the vocabulary.
        public var column: Int
        /// Its TF-IDF value x_j in the sentence's row.
        public var value: Double
        /// x_j · W[j, k] for each label k, in the model's label order.
        public var contributions: [Double]
    }

    /// The sentence as given.
    public var sentence: String
    /// The model's labels, in order.
    public var labels: [String]
    /// The most probable label (the first in label order on a tie).
    public var label: String
    /// P(k) for each label.
    public var probabilities: [Double]
    /// b_k for each label.
    public var intercepts: [Double]
    /// logit_k = b_k + Σ_j contribution(j, k) for each label, summed in column order.
    public var logits: [Double]
    /// Every known n-gram of the sentence, in column order. Empty when the model knows none of
    /// its words: then the logits are the intercepts and the label is the prior's.
    public var terms: [Term]

    /// Explains how `classifier` labels `sentence`.
    public init(sentence: String, classifier: TextClassifier) {
        let row = classifier.vectorizer.transform([sentence], threads: 1).row(0)
        let regression = classifier.regression
        let k = regression.labels.count
        var z = regression.intercepts
        var terms: [Term] = []
        terms.reserveCapacity(row.count)
        for (j, x) in row {
            let base = j * k
            var c = [Double](repeating: 0, count: k)
            for l in 0..<k {
                c[l] = Double(x) * regression.weights[base + l]
                z[l] += c[l]
            }
            terms.append(Term(ngram: classifier.vectorizer.features[j], column: j, value: Double(x), contributions: c))
        }
        var p = z
        Softmax.inPlace(&p)
        var best = 0
        for l in 1..<k where p[l] > p[best] { best = l }
        self.sentence = sentence
        labels = regression.labels
        label = regression.labels[best]
        probabilities = p
        intercepts = regression.intercepts
        logits = z
        self.terms = terms
    }

    /// The index of `label` in ``labels``, or nil.
    public func index(of label: String) -> Int? { labels.firstIndex(of: label) }

    /// The `count` terms with the largest positive contribution to the label at `labelIndex`,
    /// largest first (ties: alphabetical n-gram).
    public func top(_ labelIndex: Int, count: Int) -> [Term] {
        let positive = terms.filter { $0.contributions[labelIndex] > 0 }
        let sorted = positive.sorted {
            $0.contributions[labelIndex] != $1.contributions[labelIndex]
                ? $0.contributions[labelIndex] > $1.contributions[labelIndex] : $0.ngram < $1.ngram
        }
        return Array(sorted.prefix(max(0, count)))
    }

    /// The explanation as text: the label and probabilities, then per label its logit, intercept
    /// and the `top` n-grams that push towards it.
    public func text(top: Int) -> String {
        func f(_ v: Double) -> String { String(format: "%+.4f", v) }
        var out = "sentence: \(sentence)\n"
        out += "label:    \(label)  (" + zip(labels, probabilities).map { "\($0) \(String(format: "%.3f", $1))" }.joined(separator: ", ") + ")\n"
        if terms.isEmpty { out += "  the model knows none of this sentence's n-grams: the label comes from the intercepts alone\n" }
        for (k, name) in labels.enumerated() {
            out += "  \(name): logit \(f(logits[k])) = intercept \(f(intercepts[k])) + n-grams \(f(logits[k] - intercepts[k]))\n"
            let best = self.top(k, count: top)
            if best.isEmpty, top > 0, !terms.isEmpty { out += "      (no n-gram pushes towards \(name))\n" }
            let width = best.map(\.ngram.count).max() ?? 0
            for t in best {
                out += "      " + f(t.contributions[k]) + "  " + t.ngram.padding(toLength: width, withPad: " ", startingAt: 0)
                    + "  (tf-idf " + String(format: "%.3f", t.value) + ")\n"
            }
        }
        return out
    }

    /// The explanation as one JSON object: `sentence`, `label`, `probabilities` (label → P),
    /// and `labels` (label → `logit`, `intercept`, `top`: a list of `ngram`, `tfidf`, `contribution`).
    public func json(top: Int) -> String {
        var out = "{\"sentence\": \(JSONText.string(sentence)), \"label\": \(JSONText.string(label)), \"probabilities\": {"
        out += zip(labels, probabilities).map { JSONText.string($0) + ": " + JSONText.number($1) }.joined(separator: ", ")
        out += "}, \"labels\": {"
        out += labels.enumerated().map { k, name in
            let items = self.top(k, count: top).map {
                "{\"ngram\": \(JSONText.string($0.ngram)), \"tfidf\": \(JSONText.number($0.value)), \"contribution\": \(JSONText.number($0.contributions[k]))}"
            }
            return JSONText.string(name) + ": {\"logit\": \(JSONText.number(logits[k])), \"intercept\": \(JSONText.number(intercepts[k])), \"top\": [" + items.joined(separator: ", ") + "]}"
        }.joined(separator: ", ")
        return out + "}}"
    }
}

extension TextClassifier {
    /// Explains the label of each sentence (see ``Explanation``).
    public func explain(_ sentences: [String]) -> [Explanation] {
        sentences.map { Explanation(sentence: $0, classifier: self) }
    }
}
