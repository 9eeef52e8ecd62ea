/// The facts a reader wants first: the peak period, the calmest period and the trend.
///
/// All three read the index as charted (the smoothed one when the series is smoothed).
///
/// - The peak is the non-gap period with the highest index, the calmest the one with the lowest
///   (the earliest wins a tie).
/// - The trend is the slope of the least-squares line through the non-gap points
///   (x = days since the first point, y = index):
///
///       slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²      (index units per day)
///
///   It is called ``Trend/rising`` or ``Trend/falling`` when the line moves by at least
///   ``steadyThreshold`` (0.05 of the index) over the charted span, ``Trend/steady`` otherwise,
///   and ``Trend/unknown`` with fewer than two non-gap points.
public struct SeriesHeadline: Sendable, Equatable {
    /// The direction of the least-squares line.
    public enum Trend: String, Sendable {
        /// Tension grows over the span.
        case rising
        /// Tension eases over the span.
        case falling
        /// The line moves by less than ``SeriesHeadline/steadyThreshold`` over the span.
        case steady
        /// Fewer than two non-gap points.
        case unknown
    }

    /// The smallest change of the fitted line over the span that counts as a trend.
    public static let steadyThreshold = 0.05

    /// The period with the highest index, nil when every period is a gap.
    public var peak: EscalationPoint?
    /// The period with the lowest index, nil when every period is a gap.
    public var calmest: EscalationPoint?
    /// The direction of the trend.
    public var trend: Trend
    /// The least-squares slope in index units per day, nil with fewer than two non-gap points.
    public var slopePerDay: Double?
    /// The change of the fitted line from the first to the last non-gap point.
    public var change: Double?
    /// Days from the first to the last non-gap point, nil with fewer than two.
    public var spanDays: Int?

    /// Computes the headline of `series`.
    public init(_ series: EscalationSeries) {
        let filled = series.points.filter { !$0.isGap }
        peak = filled.max { $0.index! < $1.index! || ($0.index! == $1.index! && $0.start > $1.start) }
        calmest = filled.min { $0.index! < $1.index! || ($0.index! == $1.index! && $0.start < $1.start) }
        trend = .unknown
        guard filled.count >= 2, let origin = filled.first?.start.ordinal else { return }
        let xs = filled.map { Double($0.start.ordinal - origin) }
        let ys = filled.map { $0.index! }
        let mx = xs.reduce(0, +) / Double(xs.count)
        let my = ys.reduce(0, +) / Double(ys.count)
        var sxy = 0.0, sxx = 0.0
        for (x, y) in zip(xs, ys) {
            sxy += (x - mx) * (y - my)
            sxx += (x - mx) * (x - mx)
        }
        guard sxx > 0 else { return }
        let slope = sxy / sxx
        slopePerDay = slope
        let moved = slope * (xs.last! - xs.first!)
        change = moved
        spanDays = Int(xs.last! - xs.first!)
        trend = abs(moved) < Self.steadyThreshold ? .steady : (moved > 0 ? .rising : .falling)
    }

    /// The headline as phrases, e.g. `["peak 2024-06-20 (+0.31)", "calmest 2024-06-17 (-0.12)",
    /// "trend rising (+0.12 over 30 days)"]`, for the caller to join or wrap.
    public var phrases: [String] {
        guard let peak, let calmest else { return ["no dated sentences in the range"] }
        var out = [
            "peak \(peak.start) (\(FixedDecimal.signed(peak.index!, places: 2)))",
            "calmest \(calmest.start) (\(FixedDecimal.signed(calmest.index!, places: 2)))",
        ]
        switch trend {
        case .unknown: out.append("trend unknown (one period)")
        case .steady: out.append("trend steady")
        case .rising, .falling:
            out.append("trend \(trend.rawValue) (\(FixedDecimal.signed(change!, places: 2)) over \(spanDays!) day\(spanDays == 1 ? "" : "s"))")
        }
        return out
    }

    /// The headline in one sentence: `Peak 2024-06-20 (+0.31), calmest …, trend rising (…).`
    public var text: String {
        let joined = phrases.joined(separator: ", ")
        return joined.prefix(1).uppercased() + joined.dropFirst() + "."
    }
}
