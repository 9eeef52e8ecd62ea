/// The three labels of `label-guide.md`, which the escalation index and the chart read.
///
/// Models may be trained on any label set; the escalation index needs a model whose labels
/// include ``warning`` and ``conciliatory``.
public enum Stance {
    /// The sentence raises tension.
    public static let warning = "warning"
    /// The sentence lowers tension.
    public static let conciliatory = "conciliatory"
    /// Everything else.
    public static let neutral = "neutral"
    /// The three labels in the order that reports print them.
    public static let all = [warning, conciliatory, neutral]
}
