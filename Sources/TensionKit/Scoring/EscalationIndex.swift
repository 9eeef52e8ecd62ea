/// The escalation index of a set of sentences, as `label-guide.md` defines it.
///
///     index = mean P(warning) - mean P(conciliatory)
///
/// over the sentences, from -1 (every sentence surely conciliatory) to +1 (every sentence surely
/// warning). An empty set has no index.
public enum EscalationIndex {
    /// The index of `sentences`, or nil when there are none.
    public static func of(_ sentences: some Collection<ScoredSentence>) -> Double? {
        guard !sentences.isEmpty else { return nil }
        var warning = 0.0
        var conciliatory = 0.0
        for s in sentences {
            warning += s.probability(of: Stance.warning)
            conciliatory += s.probability(of: Stance.conciliatory)
        }
        return (warning - conciliatory) / Double(sentences.count)
    }
}
