import Foundation
import Testing
@testable import TensionKit

/// Invented scored sentences for the chart tests.
enum ChartSample {
    /// A sentence with P(warning) = w, P(conciliatory) = c and the rest neutral.
    static func s(
        _ text: String, _ article: String, _ date: String?, w: Double, c: Double, index: Int = 0
    ) -> ScoredSentence {
        let n = 1 - w - c
        let probabilities = [(label: "warning", probability: w), (label: "conciliatory", probability: c),
                             (label: "neutral", probability: n)]
        let label = probabilities.max { $0.probability < $1.probability }!.label
        return ScoredSentence(
            article: article, date: date.flatMap { Day(iso: $0) }, index: index, sentence: text,
            label: label, probabilities: probabilities)
    }

    /// Five days, 2024-06-17 to 2024-06-21: rising, falling, a gap, exactly zero, a high peak;
    /// plus one undated article of two sentences.
    static let sentences: [ScoredSentence] = [
        s("The army fired warning shots near the border.", "a1", "2024-06-17", w: 0.8, c: 0.1),
        s("Officials met in the capital on Monday.", "a1", "2024-06-17", w: 0.2, c: 0.2),
        s("The ministry condemned the drills.", "a2", "2024-06-17", w: 0.6, c: 0.1),
        s("Both sides agreed to resume talks.", "b1", "2024-06-18", w: 0.1, c: 0.8),
        s("The envoy welcomed the offer of aid.", "b1", "2024-06-18", w: 0.05, c: 0.7),
        s("The summit is scheduled for July.", "b2", "2024-06-18", w: 0.2, c: 0.3),
        s("A spokesman said the talks were frank.", "d1", "2024-06-20", w: 0.3, c: 0.3),
        s("The foreign minister vowed a stern response.", "e1", "2024-06-21", w: 0.95, c: 0.0),
        s("Troops massed along the frontier overnight.", "e2", "2024-06-21", w: 0.9, c: 0.05),
        s("The leader issued an ultimatum.", "e2", "2024-06-21", w: 0.85, c: 0.05),
        s("Weather was mild across the region.", "u1", nil, w: 0.1, c: 0.1),
        s("The council called for calm.", "u1", nil, w: 0.05, c: 0.75),
    ]

    static var series: EscalationSeries {
        try! EscalationSeries.build(sentences, options: SeriesOptions(bootstrapSamples: 200, seed: 7))
    }
}

@Suite struct ChartSeriesTests {
    @Test func indexCountsAndGapsOnHandComputedExample() throws {
        let series = ChartSample.series
        #expect(series.points.map(\.start.description) == ["2024-06-17", "2024-06-18", "2024-06-19", "2024-06-20", "2024-06-21"])
        let p = series.points
        // Day 1: (0.8+0.2+0.6)/3 - (0.1+0.2+0.1)/3 = 1.6/3 - 0.4/3 = 0.4
        #expect(abs(p[0].index! - 0.4) < 1e-12)
        #expect(p[0].articles == 2 && p[0].sentences == 3)
        #expect(p[0].warning == 2 && p[0].conciliatory == 0 && p[0].neutral == 1)
        // Day 2: (0.1+0.05+0.2)/3 - (0.8+0.7+0.3)/3 = (0.35 - 1.8)/3
        #expect(abs(p[1].index! - (0.35 - 1.8) / 3) < 1e-12)
        #expect(p[1].conciliatory == 2)
        // Day 3 is a gap, not a zero.
        #expect(p[2].isGap && p[2].index == nil && p[2].low == nil && p[2].high == nil)
        #expect(p[2].articles == 0 && p[2].sentences == 0)
        // Day 4 is exactly zero, with a zero-width interval (one sentence).
        #expect(p[3].index == 0 && p[3].low == 0 && p[3].high == 0)
        // Undated articles are counted, not placed.
        #expect(series.undatedArticles == 1 && series.undatedSentences == 2)
    }

    @Test func repeatedSentencesCountOnceWithinADay() throws {
        let sentences = [
            ChartSample.s("Seoul protested the launch.", "wire-1", "2024-06-17", w: 0.9, c: 0.0),
            ChartSample.s("  Seoul protested the launch.\n", "wire-2", "2024-06-17", w: 0.7, c: 0.0),
            ChartSample.s("Talks resumed.", "wire-2", "2024-06-17", w: 0.0, c: 0.9),
            // Same words on another day count again there.
            ChartSample.s("Seoul protested the launch.", "wire-3", "2024-06-18", w: 0.9, c: 0.0),
            // Not identical: a different word.
            ChartSample.s("Seoul protested the launches.", "wire-3", "2024-06-18", w: 0.5, c: 0.0),
        ]
        let series = try EscalationSeries.build(sentences, options: SeriesOptions(bootstrapSamples: 0))
        #expect(series.points[0].sentences == 2)
        #expect(series.points[0].articles == 2)  // wire-2 still counts as an article of the day
        // First occurrence kept: (0.9 + 0.0)/2 - (0.0 + 0.9)/2 = 0
        #expect(abs(series.points[0].index!) < 1e-12)
        #expect(series.points[1].sentences == 2)
        #expect(abs(series.points[1].index! - 0.7) < 1e-12)
    }

    @Test func rangeOptionsAddGapsAndClip() throws {
        let options = SeriesOptions(from: Day(iso: "2024-06-15"), to: Day(iso: "2024-06-18"), bootstrapSamples: 0)
        let series = try EscalationSeries.build(ChartSample.sentences, options: options)
        #expect(series.points.count == 4)
        #expect(series.points[0].isGap && series.points[1].isGap)
        #expect(series.points[3].start == Day(iso: "2024-06-18"))
        #expect(series.range == Day(iso: "2024-06-15")!...Day(iso: "2024-06-18")!)
    }

    @Test func fromAfterToIsAnOptionError() {
        let options = SeriesOptions(from: Day(iso: "2024-06-20"), to: Day(iso: "2024-06-18"))
        #expect(throws: TensionError.self) { try EscalationSeries.build(ChartSample.sentences, options: options) }
        do {
            _ = try EscalationSeries.build(ChartSample.sentences, options: options)
        } catch let e as TensionError {
            #expect(e.code == .option)
        } catch {}
        for bad in [0.0, -1, .infinity, .nan] {
            #expect(throws: TensionError.self) {
                try EscalationSeries.build(ChartSample.sentences, options: SeriesOptions(smoothHalfLife: bad))
            }
        }
    }

    @Test func weeksAndMonthsGroupDays() throws {
        let sentences = [
            ChartSample.s("a", "x", "2024-06-16", w: 1, c: 0),  // Sunday: week of 06-10
            ChartSample.s("b", "y", "2024-06-17", w: 0, c: 1),  // Monday: week of 06-17
            ChartSample.s("c", "z", "2024-06-23", w: 0.5, c: 0),  // Sunday: week of 06-17
            ChartSample.s("d", "z", "2024-07-02", w: 0.5, c: 0.5),
        ]
        let weeks = try EscalationSeries.build(sentences, options: SeriesOptions(by: .week, bootstrapSamples: 0))
        #expect(weeks.points.map(\.start.description) == ["2024-06-10", "2024-06-17", "2024-06-24", "2024-07-01"])
        #expect(weeks.points[1].sentences == 2 && abs(weeks.points[1].index! - (-0.25)) < 1e-12)
        #expect(weeks.points[2].isGap)
        let months = try EscalationSeries.build(sentences, options: SeriesOptions(by: .month, bootstrapSamples: 0))
        #expect(months.points.map(\.start.description) == ["2024-06-01", "2024-07-01"])
        #expect(months.points[0].articles == 3)
        // A year boundary.
        #expect(ChartGranularity.month.next(after: Day(iso: "2024-12-01")!) == Day(iso: "2025-01-01"))
    }

    @Test func smoothingIsAnExponentiallyWeightedMeanSkippingGaps() throws {
        // Raw indexes: day 0 → +1, day 1 gap, day 2 → -1, day 3 → 0.5 (one sentence each).
        let sentences = [
            ChartSample.s("a", "x", "2024-06-01", w: 1, c: 0),
            ChartSample.s("b", "x", "2024-06-03", w: 0, c: 1),
            ChartSample.s("c", "x", "2024-06-04", w: 0.5, c: 0),
        ]
        let h = 2.0
        let series = try EscalationSeries.build(sentences, options: SeriesOptions(smoothHalfLife: h, bootstrapSamples: 0))
        let w = { (age: Double) in pow(0.5, age / h) }
        #expect(series.points[0].index == 1)
        #expect(series.points[1].isGap)
        let day2 = (w(2) * 1 + w(0) * -1) / (w(2) + w(0))
        #expect(abs(series.points[2].index! - day2) < 1e-12)
        let day3 = (w(3) * 1 + w(1) * -1 + w(0) * 0.5) / (w(3) + w(1) + w(0))
        #expect(abs(series.points[3].index! - day3) < 1e-12)
        // Same with the bootstrap: single-sentence days have no spread, so the interval collapses.
        let boot = try EscalationSeries.build(sentences, options: SeriesOptions(smoothHalfLife: h))
        #expect(abs(boot.points[3].low! - day3) < 1e-12 && abs(boot.points[3].high! - day3) < 1e-12)
    }

    @Test func normalIntervalMatchesFormula() throws {
        let values = [0.8, -0.3, 0.1, 0.5]
        let sentences = values.enumerated().map { i, d in
            ChartSample.s("s\(i)", "x", "2024-06-01", w: max(d, 0), c: max(-d, 0))
        }
        let p = try EscalationSeries.build(sentences, options: SeriesOptions(bootstrapSamples: 0)).points[0]
        let mean = values.reduce(0, +) / 4
        let sd = (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3).squareRoot()
        #expect(abs(p.index! - mean) < 1e-12)
        #expect(abs(p.low! - (mean - 1.96 * sd / 2)) < 1e-12)
        #expect(abs(p.high! - (mean + 1.96 * sd / 2)) < 1e-12)
    }

    @Test func bootstrapIsSeededAndReasonable() throws {
        var rng = SplitMix64(seed: 1)
        let sentences = (0..<300).map { i in
            let w = Double(rng.below(1000)) / 1000
            return ChartSample.s("sentence \(i)", "x\(i % 7)", "2024-06-01", w: w, c: (1 - w) / 2)
        }
        let a = try EscalationSeries.build(sentences, options: SeriesOptions(seed: 3)).points[0]
        let b = try EscalationSeries.build(sentences, options: SeriesOptions(seed: 3)).points[0]
        let c = try EscalationSeries.build(sentences, options: SeriesOptions(seed: 4)).points[0]
        let normal = try EscalationSeries.build(sentences, options: SeriesOptions(bootstrapSamples: 0)).points[0]
        #expect(a == b)
        #expect(a.low != c.low)
        #expect(a.low! < a.index! && a.index! < a.high!)
        // The bootstrap and the normal approximation agree to within a few thousandths here.
        #expect(abs(a.low! - normal.low!) < 0.01 && abs(a.high! - normal.high!) < 0.01)
        // SplitMix64 reference values (seed 1234567), the same on every platform.
        var g = SplitMix64(seed: 1_234_567)
        #expect(g.next() == 6_457_827_717_110_365_317)
        #expect(g.next() == 3_203_168_211_198_807_973)
    }

    @Test func bootstrapIsFastEnoughForAMonth() throws {
        var rng = SplitMix64(seed: 9)
        let sentences = (0..<(31 * 700)).map { i in
            let w = Double(rng.below(1000)) / 1000
            let day = Day(iso: "2002-03-01")!.adding(days: i % 31)
            return ScoredSentence(
                article: "a\(i % 1257)", date: day, index: i, sentence: "s\(i)", label: "warning",
                probabilities: [("warning", w), ("conciliatory", 1 - w), ("neutral", 0)])
        }
        let clock = ContinuousClock()
        var series: EscalationSeries?
        let time = try clock.measure { series = try EscalationSeries.build(sentences, options: SeriesOptions()) }
        #expect(series?.points.count == 31)
        #expect(time < .seconds(30), "debug build: \(time)")
    }

    @Test func headlineNamesPeakCalmestAndTrend() {
        let h = ChartSample.series.headline
        // Day 5: (0.95 + 0.9 + 0.85)/3 - (0 + 0.05 + 0.05)/3 = 0.8667; day 2: (0.35 - 1.8)/3 = -0.4833.
        #expect(h.peak?.start == Day(iso: "2024-06-21"))
        #expect(h.calmest?.start == Day(iso: "2024-06-18"))
        // Least squares over x = 0, 1, 3, 4 days, by hand.
        let ys = ChartSample.series.points.compactMap(\.index)
        let xs = [0.0, 1, 3, 4]
        let mx = 2.0
        let my: Double = ys.reduce(0, +) / 4
        var sxy = 0.0
        var sxx = 0.0
        for (x, y) in zip(xs, ys) {
            sxy += (x - mx) * (y - my)
            sxx += (x - mx) * (x - mx)
        }
        let slope = sxy / sxx
        #expect(abs(h.slopePerDay! - slope) < 1e-12)
        #expect(h.trend == .rising)
        #expect(h.text.hasPrefix("Peak 2024-06-21 (+0.87), calmest 2024-06-18 (-0.48), trend rising"))
        let flat = SeriesHeadline(EscalationSeries(points: [ChartSample.series.points[0]]))
        #expect(flat.trend == .unknown && flat.peak == flat.calmest)
        let none = SeriesHeadline(EscalationSeries(points: [ChartSample.series.points[2]]))
        #expect(none.peak == nil && none.trend == .unknown)
    }
}
