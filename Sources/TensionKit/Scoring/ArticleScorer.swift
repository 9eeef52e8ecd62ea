/// Gives every sentence of every article a label and the probability of every label.
public struct ArticleScorer: Sendable {
    /// The model that scores.
    public let model: TextClassifier

    /// Creates a scorer.
    public init(model: TextClassifier) {
        self.model = model
    }

    /// The scored sentences of `articles`, article after article, sentences in article order.
    /// All sentences are scored in one batch, so that the work spreads over `threads`.
    public func score(_ articles: [Article], threads: Int = Parallel.defaultThreads) -> [ScoredSentence] {
        let texts = articles.flatMap(\.sentences)
        let predictions = model.predict(texts, threads: threads)
        let labels = model.labels
        var out: [ScoredSentence] = []
        out.reserveCapacity(texts.count)
        var k = 0
        for article in articles {
            for (index, sentence) in article.sentences.enumerated() {
                let p = predictions[k]
                out.append(ScoredSentence(article: article.name, date: article.date, index: index, sentence: sentence,
                                          label: p.label, probabilities: Array(zip(labels, p.probabilities)).map { (label: $0.0, probability: $0.1) }))
                k += 1
            }
        }
        return out
    }
}
