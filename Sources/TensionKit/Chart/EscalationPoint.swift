/// One row of the chart: a day (or week, or month) with its counts, index and 95% interval.
///
/// A period with no sentences inside the range is a gap: its counts are 0 and ``index``,
/// ``low`` and ``high`` are nil. A gap is not an index of 0.
public struct EscalationPoint: Sendable, Equatable {
    /// The first day of the period (the day itself with `--by day`).
    public var start: Day
    /// Distinct articles with at least one sentence in the period.
    public var articles: Int
    /// Distinct sentences in the period: a sentence repeated word for word (after trimming
    /// white space) counts once.
    public var sentences: Int
    /// Sentences whose label (the most probable one) is `warning`.
    public var warning: Int
    /// Sentences whose label is `conciliatory`.
    public var conciliatory: Int
    /// The other sentences: label `neutral`, or any label other than the two stances.
    public var neutral: Int
    /// The escalation index, mean P(warning) − mean P(conciliatory) over the sentences
    /// (smoothed when the series is); nil for a gap.
    public var index: Double?
    /// The lower end of the 95% interval of ``index``; nil for a gap.
    public var low: Double?
    /// The upper end of the 95% interval of ``index``; nil for a gap.
    public var high: Double?

    /// Creates a point.
    public init(
        start: Day, articles: Int, sentences: Int, warning: Int, conciliatory: Int, neutral: Int,
        index: Double?, low: Double?, high: Double?
    ) {
        self.start = start
        self.articles = articles
        self.sentences = sentences
        self.warning = warning
        self.conciliatory = conciliatory
        self.neutral = neutral
        self.index = index
        self.low = low
        self.high = high
    }

    /// Whether the period has no sentences (a gap in the chart, not a zero).
    public var isGap: Bool { index == nil }
}
