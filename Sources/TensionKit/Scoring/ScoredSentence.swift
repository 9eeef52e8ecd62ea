/// One sentence of one article, with the label a model gave it and the probability of every label.
///
/// This is the record that `tension score --format jsonl` writes, one per line, and that
/// `tension chart --scores` reads back.
public struct ScoredSentence: Equatable, Sendable {
    /// The article's name: its path, or the `id` of a JSON Lines record.
    public var article: String
    /// The article's publication date, or nil when it is undated.
    public var date: Day?
    /// The sentence's 0-based position in its article.
    public var index: Int
    /// The sentence as written in the article.
    public var sentence: String
    /// The most probable label.
    public var label: String
    /// The model's labels, in model order, with their probabilities (they sum to 1).
    public var probabilities: [(label: String, probability: Double)]

    /// Creates a record.
    public init(
        article: String, date: Day?, index: Int, sentence: String, label: String,
        probabilities: [(label: String, probability: Double)]
    ) {
        self.article = article
        self.date = date
        self.index = index
        self.sentence = sentence
        self.label = label
        self.probabilities = probabilities
    }

    /// The probability of `label`, or 0 when the model has no such label.
    public func probability(of label: String) -> Double {
        probabilities.first(where: { $0.label == label })?.probability ?? 0
    }

    public static func == (a: ScoredSentence, b: ScoredSentence) -> Bool {
        a.article == b.article && a.date == b.date && a.index == b.index && a.sentence == b.sentence
            && a.label == b.label && a.probabilities.map(\.label) == b.probabilities.map(\.label)
            && a.probabilities.map(\.probability) == b.probabilities.map(\.probability)
    }
}
