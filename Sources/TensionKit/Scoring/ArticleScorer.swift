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
        var out: [ScoredSentence] = []
        forEachBatch(articles, batchSize: Int.max, threads: threads) { out += $0 }
        return out
    }

    /// Scores `articles` in batches of at most `batchSize` sentences and hands each batch to
    /// `body` in order, so that output can be written while memory stays bounded by one batch
    /// (plus the articles' text), however long the input.
    public func forEachBatch(_ articles: [Article], batchSize: Int = 8192, threads: Int = Parallel.defaultThreads,
                             _ body: ([ScoredSentence]) throws -> Void) rethrows {
        try forEachBatch(articles, batchSize: batchSize, chunkSize: batchSize, threads: threads, transform: { $0 }, body)
    }

    /// Like ``forEachBatch(_:batchSize:threads:_:)``, with the records of each batch cut into
    /// chunks of about `chunkSize` that `transform` turns into something smaller (encoded text,
    /// say) on up to `threads` threads; `body` gets the results in order. The records are made
    /// and freed on the threads that transform them, so that little is left for the caller's.
    public func forEachBatch<Chunk: Sendable>(
        _ articles: [Article], batchSize: Int = 8192, chunkSize: Int = 512, threads: Int = Parallel.defaultThreads,
        transform: @Sendable ([ScoredSentence]) -> Chunk, _ body: (Chunk) throws -> Void
    ) rethrows {
        let labels = model.labels
        var pending: [(article: Int, index: Int)] = []
        var texts: [String] = []
        func flush() throws {
            guard !pending.isEmpty else { return }
            let predictions = model.predict(texts, threads: threads)
            let (positions, sentences) = (pending, texts)
            pending = []
            texts = []
            // Rounded up without overflow, since chunkSize may be Int.max (one chunk).
            let ranges = Parallel.ranges(count: positions.count, chunks: (positions.count - 1) / max(1, chunkSize) + 1)
            let results = DisjointWrites<Chunk?>(repeating: nil, count: ranges.count)
            Parallel.forEachBalanced(chunks: ranges.count, threads: threads) { c in
                var records: [ScoredSentence] = []
                records.reserveCapacity(ranges[c].count)
                for i in ranges[c] {
                    let (a, index) = positions[i]
                    records.append(ScoredSentence(article: articles[a].name, date: articles[a].date, index: index,
                                                  sentence: sentences[i], label: predictions[i].label,
                                                  probabilities: zip(labels, predictions[i].probabilities).map { (label: $0.0, probability: $0.1) }))
                }
                results[c] = transform(records)
            }
            for result in results.array { try body(result!) }
        }
        for (a, article) in articles.enumerated() {
            for (index, sentence) in article.sentences.enumerated() {
                pending.append((a, index))
                texts.append(sentence)
                if pending.count >= batchSize { try flush() }
            }
        }
        try flush()
    }
}
