/// The series as CSV or JSON for other programs (`--format csv|json`).
///
/// Numbers have fixed decimals (4), so output is byte-for-byte reproducible; gap rows have empty
/// CSV fields and JSON nulls for `index`, `low` and `high`, and zero counts.
public enum SeriesFormatter {
    /// The CSV header row.
    public static let csvHeader = "date,articles,sentences,warning,conciliatory,neutral,index,low,high"

    /// RFC 4180 CSV: the header, then one row per period, each line ended by `\n`.
    ///
    ///     date,articles,sentences,warning,conciliatory,neutral,index,low,high
    ///     2024-06-17,3,41,12,5,24,0.1234,0.0712,0.1790
    ///     2024-06-18,0,0,0,0,0,,,
    public static func csv(_ series: EscalationSeries) -> String {
        var out = csvHeader + "\n"
        for p in series.points {
            let numbers = [p.index, p.low, p.high].map { $0.map { FixedDecimal.format($0, places: 4) } ?? "" }
            out += "\(p.start),\(p.articles),\(p.sentences),\(p.warning),\(p.conciliatory),\(p.neutral),"
            out += numbers.joined(separator: ",") + "\n"
        }
        return out
    }

    /// A JSON object, keys in a fixed order, ended by `\n`:
    ///
    ///     {"by":"day","from":"2024-06-17","to":"2024-06-20","smooth_half_life":null,
    ///      "interval":"95% bootstrap interval, 1000 resamples",
    ///      "points":[{"date":"2024-06-17","articles":3,"sentences":41,"warning":12,
    ///                 "conciliatory":5,"neutral":24,"index":0.1234,"low":0.0712,"high":0.179},…],
    ///      "undated_articles":2,"undated_sentences":40,
    ///      "peak":{"date":"2024-06-20","index":0.31},"calmest":{…},
    ///      "trend":"rising","trend_slope_per_day":0.0041,"trend_change":0.12}
    ///
    /// `peak` and `calmest` are null when every period is a gap; the trend numbers are null with
    /// fewer than two non-gap periods.
    public static func json(_ series: EscalationSeries) -> String {
        func number(_ x: Double?, _ places: Int = 4) -> String {
            guard let x else { return "null" }
            return FixedDecimal.format(x, places: places)
        }
        func day(_ d: Day?) -> String { d.map { "\"\($0)\"" } ?? "null" }
        let o = series.options
        let h = series.headline
        var out = "{\"by\":\"\(o.by.rawValue)\""
        out += ",\"from\":\(day(series.range?.lowerBound)),\"to\":\(day(series.range?.upperBound))"
        out += ",\"smooth_half_life\":" + (o.smoothHalfLife.map { ScoreJSONL.number($0) } ?? "null")
        out += ",\"interval\":" + ScoreJSONL.quoted(series.intervalDescription)
        out += ",\"points\":["
        for (i, p) in series.points.enumerated() {
            if i > 0 { out += "," }
            out += "{\"date\":\"\(p.start)\",\"articles\":\(p.articles),\"sentences\":\(p.sentences)"
            out += ",\"warning\":\(p.warning),\"conciliatory\":\(p.conciliatory),\"neutral\":\(p.neutral)"
            out += ",\"index\":\(number(p.index)),\"low\":\(number(p.low)),\"high\":\(number(p.high))}"
        }
        out += "],\"undated_articles\":\(series.undatedArticles)"
        out += ",\"undated_sentences\":\(series.undatedSentences)"
        for (key, point) in [("peak", h.peak), ("calmest", h.calmest)] {
            out += ",\"\(key)\":"
            out += point.map { "{\"date\":\"\($0.start)\",\"index\":\(number($0.index))}" } ?? "null"
        }
        out += ",\"trend\":\"\(h.trend.rawValue)\""
        out += ",\"trend_slope_per_day\":\(number(h.slopePerDay, 6)),\"trend_change\":\(number(h.change))"
        out += "}\n"
        return out
    }
}
