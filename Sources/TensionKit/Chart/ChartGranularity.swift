/// How many days one row of the chart covers: `--by day|week|month`.
public enum ChartGranularity: String, Sendable, CaseIterable {
    /// One row per calendar day.
    case day
    /// One row per ISO week, from Monday to Sunday; the row is dated by its Monday.
    case week
    /// One row per calendar month; the row is dated by the first of the month.
    case month

    /// The first day of the period that contains `day`.
    public func start(of day: Day) -> Day {
        switch self {
        case .day: day
        case .week: day.startOfWeek
        case .month: day.startOfMonth
        }
    }

    /// The first day of the period after the one that starts on `start`.
    public func next(after start: Day) -> Day {
        switch self {
        case .day: start.adding(days: 1)
        case .week: start.adding(days: 7)
        case .month:
            start.month == 12
                ? Day(year: start.year + 1, month: 1, day: 1)!
                : Day(year: start.year, month: start.month + 1, day: 1)!
        }
    }
}
