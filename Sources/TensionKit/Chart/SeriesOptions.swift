/// What ``EscalationSeries/build(_:options:)`` computes: the range, the period, the smoothing
/// and the interval.
public struct SeriesOptions: Sendable, Equatable {
    /// The first day to chart (`--from`); nil starts at the earliest dated sentence.
    public var from: Day?
    /// The last day to chart (`--to`); nil ends at the latest dated sentence.
    public var to: Day?
    /// The period of one row (`--by`).
    public var by: ChartGranularity
    /// The half-life in days of the exponentially weighted mean (`--smooth`), or nil for none.
    /// Must be finite and greater than 0.
    public var smoothHalfLife: Double?
    /// The number of bootstrap resamples behind each 95% interval. 1000 by default, enough for
    /// percentiles stable to about ±0.005 on a day of a few hundred sentences;
    /// 0 uses the normal approximation `mean ± 1.96·sd/√n` instead.
    public var bootstrapSamples: Int
    /// The seed of the bootstrap's random numbers; the same seed gives the same intervals on
    /// every platform and run.
    public var seed: UInt64

    /// Creates options; the defaults chart every dated day, unsmoothed, with a 1000-sample
    /// bootstrap seeded with 42.
    public init(
        from: Day? = nil, to: Day? = nil, by: ChartGranularity = .day, smoothHalfLife: Double? = nil,
        bootstrapSamples: Int = 1000, seed: UInt64 = 42
    ) {
        self.from = from
        self.to = to
        self.by = by
        self.smoothHalfLife = smoothHalfLife
        self.bootstrapSamples = bootstrapSamples
        self.seed = seed
    }
}
