/// The escalation series as a standalone SVG image (`--svg FILE`) that any browser opens.
///
/// The picture: a title and a one-line headline on top; below, one slot per period along a date
/// axis, with a bar from the zero line to the index (red above for warning, green below for
/// conciliatory), the 95% interval as a whisker on each bar and as a grey stepped band over each run of
/// consecutive non-gap periods (a step per period: nothing is interpolated), gaps shaded light grey and marked "no articles" in their tooltip, a
/// y axis with a grid, and a legend with the undated count at the bottom. Each bar has a
/// tooltip (`<title>`) with its numbers.
///
/// The y axis is symmetric, ±s with s the smallest of 0.05, 0.1, 0.2, 0.25, 0.5, 1 that holds
/// every index and interval end. Text is XML-escaped; characters XML 1.0 forbids (control
/// characters other than tab and line ends, U+FFFE, U+FFFF) become spaces. Output is
/// deterministic: coordinates are written with one decimal.
public enum SVGChart {
    /// Draws `series` as an SVG document of `width` × `height` pixels, titled `title`.
    public static func render(
        _ series: EscalationSeries, title: String, width: Int = 960, height: Int = 480
    ) -> String {
        let w = Double(max(width, 320)), h = Double(max(height, 240))
        let left = 64.0, right = 24.0, top = 70.0, bottom = 92.0
        let plotLeft = left, plotRight = w - right, plotTop = top, plotBottom = h - bottom
        let plotWidth = plotRight - plotLeft

        func f(_ x: Double) -> String { FixedDecimal.format(x, places: 1) }
        var out = """
            <?xml version="1.0" encoding="UTF-8"?>
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(w))" height="\(Int(h))" \
            viewBox="0 0 \(Int(w)) \(Int(h))" font-family="Helvetica, Arial, sans-serif" font-size="12">

            """
        out += "<title>\(escape(title))</title>\n"
        out += "<desc>Escalation index = mean P(warning) - mean P(conciliatory) by \(series.options.by.rawValue), "
        out += "from -1 (all conciliatory) to +1 (all warning), with \(escape(series.intervalDescription)).</desc>\n"
        out += "<rect x=\"0\" y=\"0\" width=\"\(Int(w))\" height=\"\(Int(h))\" fill=\"#ffffff\"/>\n"
        out += "<text x=\"\(f(left))\" y=\"28\" font-size=\"18\" font-weight=\"bold\" fill=\"#222222\">\(escape(title))</text>\n"

        var subtitle = "Escalation index by \(series.options.by.rawValue)"
        if let range = series.range { subtitle += ", \(range.lowerBound) to \(range.upperBound)" }
        if let half = series.options.smoothHalfLife {
            subtitle += ", smoothed (half-life \(ScoreJSONL.number(half)) days)"
        }
        subtitle += ". " + series.headline.text
        out += "<text x=\"\(f(left))\" y=\"50\" fill=\"#444444\">\(escape(subtitle))</text>\n"

        let points = series.points
        guard !points.isEmpty else {
            out += "<text x=\"\(f(w / 2))\" y=\"\(f(h / 2))\" text-anchor=\"middle\" fill=\"#666666\">"
            out += "No dated sentences in the range.</text>\n"
            out += footer(series, y: h - 20, left: left)
            return out + "</svg>\n"
        }

        // Scales.
        let largest = points.flatMap { [$0.index, $0.low, $0.high].compactMap { $0.map(abs) } }.max() ?? 0
        let scale = TerminalChart.niceScale(largest)
        let slot = plotWidth / Double(points.count)
        let barWidth = max(1, slot * 0.7)
        func x(_ i: Int) -> Double { plotLeft + slot * (Double(i) + 0.5) }
        func y(_ v: Double) -> Double { plotTop + (scale - v) / (2 * scale) * (plotBottom - plotTop) }

        // Grid and y axis.
        out += "<g stroke=\"#e3e3e3\" stroke-width=\"1\">\n"
        for k in -2...2 where k != 0 {
            let v = scale * Double(k) / 2
            out += "<line x1=\"\(f(plotLeft))\" y1=\"\(f(y(v)))\" x2=\"\(f(plotRight))\" y2=\"\(f(y(v)))\"/>\n"
        }
        out += "</g>\n<g fill=\"#555555\" text-anchor=\"end\">\n"
        for k in -2...2 {
            let v = scale * Double(k) / 2
            out += "<text x=\"\(f(plotLeft - 6))\" y=\"\(f(y(v) + 4))\">\(FixedDecimal.signed(v, places: 2).trimmingPrefix(" "))</text>\n"
        }
        out += "</g>\n"
        out += "<text transform=\"translate(16 \(f((plotTop + plotBottom) / 2))) rotate(-90)\" text-anchor=\"middle\" fill=\"#555555\">"
        out += "escalation index</text>\n"

        // Gaps.
        out += "<g fill=\"#f0f0f0\" shape-rendering=\"crispEdges\">\n"
        for (i, p) in points.enumerated() where p.isGap {
            out += "<rect x=\"\(f(x(i) - slot / 2))\" y=\"\(f(plotTop))\" width=\"\(f(slot))\" height=\"\(f(plotBottom - plotTop))\">"
            out += "<title>\(p.start): no articles</title></rect>\n"
        }
        out += "</g>\n"

        // Interval band: one stepped polygon per run of consecutive non-gap periods.
        out += "<g fill=\"#9aa5b1\" fill-opacity=\"0.35\" stroke=\"#9aa5b1\" stroke-opacity=\"0.6\">\n"
        var run: [Int] = []
        func flush() {
            defer { run = [] }
            guard !run.isEmpty else { return }
            // Steps: each period's interval spans its whole slot, so nothing is interpolated.
            let upper = run.flatMap { i in
                [x(i) - slot / 2, x(i) + slot / 2].map { "\(f($0)),\(f(y(points[i].high!)))" }
            }
            let lower = run.reversed().flatMap { i in
                [x(i) + slot / 2, x(i) - slot / 2].map { "\(f($0)),\(f(y(points[i].low!)))" }
            }
            out += "<polygon points=\"\((upper + lower).joined(separator: " "))\"/>\n"
        }
        for (i, p) in points.enumerated() {
            if p.isGap || p.low == nil || p.high == nil { flush() } else { run.append(i) }
        }
        flush()
        out += "</g>\n"

        // Bars.
        out += "<g>\n"
        for (i, p) in points.enumerated() {
            guard let v = p.index else { continue }
            let top = min(y(v), y(0)), height = abs(y(v) - y(0))
            let colour = v > 0 ? "#c0392b" : (v < 0 ? "#2e8b57" : "#888888")
            out += "<rect x=\"\(f(x(i) - barWidth / 2))\" y=\"\(f(top))\" width=\"\(f(barWidth))\" height=\"\(f(max(height, v == 0 ? 0 : 0.5)))\" "
            out += "fill=\"\(colour)\" fill-opacity=\"0.85\"><title>\(p.start): index \(FixedDecimal.signed(v, places: 3)), "
            if let low = p.low, let high = p.high {
                out += "95% interval \(FixedDecimal.signed(low, places: 3)) to \(FixedDecimal.signed(high, places: 3)), "
            }
            out += "\(p.articles) articles, \(p.sentences) sentences</title></rect>\n"
        }
        out += "</g>\n"

        // Whiskers on top of the bars: the interval of every non-gap period, with caps.
        out += "<g stroke=\"#333333\" stroke-width=\"1\" stroke-opacity=\"0.8\">\n"
        let cap = min(barWidth / 4, 6)
        for (i, p) in points.enumerated() {
            guard let low = p.low, let high = p.high, !p.isGap else { continue }
            let cx = f(x(i))
            out += "<line x1=\"\(cx)\" y1=\"\(f(y(high)))\" x2=\"\(cx)\" y2=\"\(f(y(low)))\"/>"
            out += "<line x1=\"\(f(x(i) - cap))\" y1=\"\(f(y(high)))\" x2=\"\(f(x(i) + cap))\" y2=\"\(f(y(high)))\"/>"
            out += "<line x1=\"\(f(x(i) - cap))\" y1=\"\(f(y(low)))\" x2=\"\(f(x(i) + cap))\" y2=\"\(f(y(low)))\"/>\n"
        }
        out += "</g>\n"

        // Zero line and frame.
        out += "<line x1=\"\(f(plotLeft))\" y1=\"\(f(y(0)))\" x2=\"\(f(plotRight))\" y2=\"\(f(y(0)))\" stroke=\"#222222\" stroke-width=\"1.2\"/>\n"
        out += "<rect x=\"\(f(plotLeft))\" y=\"\(f(plotTop))\" width=\"\(f(plotWidth))\" height=\"\(f(plotBottom - plotTop))\" "
        out += "fill=\"none\" stroke=\"#bbbbbb\"/>\n"

        // Date axis: a tick per period, a label every `step` periods (at least ~64 px apart).
        let step = max(1, Int((64 / slot).rounded(.up)))
        out += "<g stroke=\"#888888\">\n"
        for i in points.indices {
            let long = i % step == 0
            out += "<line x1=\"\(f(x(i)))\" y1=\"\(f(plotBottom))\" x2=\"\(f(x(i)))\" y2=\"\(f(plotBottom + (long ? 6 : 3)))\"/>\n"
        }
        out += "</g>\n<g fill=\"#444444\" text-anchor=\"middle\">\n"
        for i in stride(from: 0, to: points.count, by: step) {
            out += "<text x=\"\(f(x(i)))\" y=\"\(f(plotBottom + 20))\">\(label(points[i].start, series.options.by))</text>\n"
        }
        out += "</g>\n"

        // Legend.
        let legendY = h - 44
        var lx = left
        for (kind, text) in [("warning", "warning (index > 0)"), ("conciliatory", "conciliatory (index < 0)"),
                             ("band", "95% interval (band and whiskers)"), ("gap", "no articles")] {
            switch kind {
            case "warning": out += "<rect x=\"\(f(lx))\" y=\"\(f(legendY - 10))\" width=\"12\" height=\"12\" fill=\"#c0392b\"/>\n"
            case "conciliatory": out += "<rect x=\"\(f(lx))\" y=\"\(f(legendY - 10))\" width=\"12\" height=\"12\" fill=\"#2e8b57\"/>\n"
            case "band": out += "<rect x=\"\(f(lx))\" y=\"\(f(legendY - 10))\" width=\"12\" height=\"12\" fill=\"#9aa5b1\" fill-opacity=\"0.35\" stroke=\"#9aa5b1\"/>\n"
            default: out += "<rect x=\"\(f(lx))\" y=\"\(f(legendY - 10))\" width=\"12\" height=\"12\" fill=\"#f0f0f0\" stroke=\"#cccccc\"/>\n"
            }
            out += "<text x=\"\(f(lx + 18))\" y=\"\(f(legendY))\" fill=\"#333333\">\(escape(text))</text>\n"
            lx += 18 + Double(text.count) * 7 + 24
        }
        out += footer(series, y: h - 18, left: left)
        return out + "</svg>\n"
    }

    /// The bottom line: the formula, the interval and the undated count.
    private static func footer(_ series: EscalationSeries, y: Double, left: Double) -> String {
        var text = "Index = mean P(warning) - mean P(conciliatory); \(series.intervalDescription)."
        if series.undatedArticles > 0 {
            let a = series.undatedArticles
            text += " Undated: \(a) article\(a == 1 ? "" : "s") (\(series.undatedSentences) sentences), not charted."
        }
        return "<text x=\"\(FixedDecimal.format(left, places: 1))\" y=\"\(FixedDecimal.format(y, places: 1))\" "
            + "fill=\"#666666\" font-size=\"11\">\(escape(text))</text>\n"
    }

    /// A date label: `MM-DD` for days and weeks (the year is in the subtitle), `YYYY-MM` for months.
    private static func label(_ day: Day, _ by: ChartGranularity) -> String {
        let text = day.description
        return by == .month ? String(text.prefix(7)) : String(text.dropFirst(5))
    }

    /// `text` escaped for XML character data and attribute values.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                let allowed = v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v != 0xFFFE && v != 0xFFFF)
                out.unicodeScalars.append(allowed ? scalar : " ")
            }
        }
        return out
    }
}

extension String {
    /// The string without one leading `prefix`, if it starts with it.
    fileprivate func trimmingPrefix(_ prefix: String) -> String {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self
    }
}
