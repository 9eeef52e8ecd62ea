/// The escalation series drawn as text for a terminal: one row per period, a diverging bar
/// around a zero line, the value, the interval and the counts beside it.
///
///     Escalation index by day, 2024-06-17 to 2024-06-21
///     Peak 2024-06-20 (+0.42), calmest 2024-06-18 (-0.25), trend rising (+0.31 over 3 days).
///     day          conciliatory ◂│▸ warning   index  95% interval   art sent
///                  -0.50         0      +0.50
///     2024-06-17                 │███▍          +0.12  [+0.05, +0.19]   3   41
///     2024-06-18           ▐█████│              -0.25  [-0.31, -0.18]   2   17
///     2024-06-19             no articles
///     …
///     Undated: 2 articles, 40 sentences, on no row.
///
/// ## Layout
/// Every line, headers and footers included, fits ``TerminalChartStyle/width`` display columns
/// (at least ``TerminalChartStyle/minimumWidth``); ANSI escapes take no columns. Columns are
/// dropped as the width shrinks: first the interval, then the counts; the bar keeps what is left
/// (each half at most 50 cells).
///
/// ## Bars
/// Both halves share one scale, the smallest of 0.05, 0.1, 0.2, 0.25, 0.5, 1 that holds the
/// largest |index|; a bar's length is |index| / scale of a half. A non-zero index draws at least
/// the smallest step, so that its sign is always visible; exactly 0 draws no bar.
/// - Unicode: the warning side (right) ends in a left-aligned eighth block (`▏▎▍▌▋▊▉`), an exact
///   1/8-cell step. The conciliatory side (left) needs right-aligned partial blocks, which Unicode
///   has only as `▕` (1/8) and `▐` (1/2): with colour, the partial cell is drawn as the
///   complementary left-aligned block in reverse video, again exact to 1/8; without colour, it
///   rounds to the nearest of 0, 1/8, 1/2 and 1.
/// - ASCII: `#` for a whole cell, `=` for a half, `|` for the zero line, `:` on gap rows.
///
/// ## Colour
/// Warning bars red, conciliatory bars green, gap rows dim, headers bold; nothing else.
public enum TerminalChart {
    /// Draws `series`; every line ends with `\n`.
    public static func render(_ series: EscalationSeries, style: TerminalChartStyle) -> String {
        var r = Renderer(series: series, style: style)
        return r.render()
    }

    /// The number of display columns of `line`: its Unicode scalars, not counting ANSI
    /// escape sequences (`ESC [ … letter`). Every character the chart draws is one column wide.
    public static func displayWidth(_ line: some StringProtocol) -> Int {
        var width = 0
        var inEscape = false
        var sawBracket = false
        for scalar in line.unicodeScalars {
            if inEscape {
                if !sawBracket {
                    sawBracket = true
                    if scalar != "[" { inEscape = false }
                } else if (0x40...0x7E).contains(scalar.value) {
                    inEscape = false
                }
                continue
            }
            if scalar == "\u{1B}" {
                inEscape = true
                sawBracket = false
                continue
            }
            width += 1
        }
        return width
    }

    /// The smallest of 0.05, 0.1, 0.2, 0.25, 0.5 and 1 that is at least `largest`.
    static func niceScale(_ largest: Double) -> Double {
        [0.05, 0.1, 0.2, 0.25, 0.5, 1].first { largest <= $0 + 1e-12 } ?? 1
    }

    /// Greedy word wrap to `width` columns; a word longer than the width is cut.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            var word = String(word)
            while word.count > width {
                if !current.isEmpty { lines.append(current); current = "" }
                lines.append(String(word.prefix(width)))
                word = String(word.dropFirst(width))
            }
            if current.isEmpty {
                current = word
            } else if current.count + 1 + word.count <= width {
                current += " " + word
            } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

/// The state of one drawing: the column layout and the character set.
private struct Renderer {
    let series: EscalationSeries
    let style: TerminalChartStyle
    let width: Int
    /// Cells on each side of the zero line.
    var half = 1
    var showInterval = false
    var showCounts = false
    var articlesWidth = 3
    var sentencesWidth = 4
    let scale: Double

    static let dateWidth = 10
    static let valueWidth = 6
    static let intervalWidth = 14  // "[-0.20, +0.05]"
    static let leftBlocks: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    init(series: EscalationSeries, style: TerminalChartStyle) {
        self.series = series
        self.style = style
        width = max(style.width, TerminalChartStyle.minimumWidth)
        let largest = series.points.compactMap { $0.index.map(abs) }.max() ?? 0
        scale = TerminalChart.niceScale(largest)
        articlesWidth = max(3, String(series.points.map(\.articles).max() ?? 0).count)
        sentencesWidth = max(4, String(series.points.map(\.sentences).max() ?? 0).count)

        // date ␠ bar(2h+1) ␠ value [␠ interval] [␠ art ␠ sent]
        let fixed = Self.dateWidth + 1 + 1 + 1 + Self.valueWidth
        let counts = 1 + articlesWidth + 1 + sentencesWidth
        let interval = 1 + Self.intervalWidth
        if (width - fixed - counts - interval) / 2 >= 10 {
            showCounts = true
            showInterval = true
            half = (width - fixed - counts - interval) / 2
        } else if (width - fixed - counts) / 2 >= 4 {
            showCounts = true
            half = (width - fixed - counts) / 2
        } else {
            half = max(1, (width - fixed) / 2)
        }
        half = min(half, 50)
    }

    // MARK: Character set and colour

    var zeroLine: String { style.ascii ? "|" : "│" }
    var gapLine: String { style.ascii ? ":" : "┆" }

    func paint(_ text: String, _ code: String) -> String {
        guard style.color, !text.isEmpty else { return text }
        return "\u{1B}[\(code)m" + text + "\u{1B}[0m"
    }

    func pad(_ text: String, _ n: Int, right: Bool = false) -> String {
        let gap = max(0, n - TerminalChart.displayWidth(text))
        let spaces = String(repeating: " ", count: gap)
        return right ? spaces + text : text + spaces
    }

    // MARK: Lines

    mutating func render() -> String {
        var lines: [String] = []
        let o = series.options
        var title = "Escalation index by \(o.by.rawValue)"
        if let range = series.range {
            title += range.lowerBound == range.upperBound
                ? ", \(range.lowerBound)" : ", \(range.lowerBound) to \(range.upperBound)"
        }
        if let h = o.smoothHalfLife {
            title += ", smoothed (half-life \(ScoreJSONL.number(h)) day\(h == 1 ? "" : "s"))"
        }
        lines += TerminalChart.wrap(title, width: width).map { paint($0, "1") }
        if series.points.isEmpty {
            lines += TerminalChart.wrap("No dated sentences in the range.", width: width)
        } else {
            lines += TerminalChart.wrap(series.headline.text, width: width)
            lines.append(header())
            lines.append(scaleRow())
            for point in series.points { lines.append(row(point)) }
        }
        var footer: [String] = []
        if series.undatedArticles > 0 || series.undatedSentences > 0 {
            let a = series.undatedArticles, s = series.undatedSentences
            footer.append("Undated: \(a) article\(a == 1 ? "" : "s"), \(s) sentence\(s == 1 ? "" : "s"), on no row.")
        }
        if !series.points.isEmpty {
            footer.append("Index = mean P(warning) - mean P(conciliatory); \(series.intervalDescription).")
        }
        for text in footer { lines += TerminalChart.wrap(text, width: width) }
        return lines.map { trimTrailingSpaces($0) + "\n" }.joined()
    }

    func trimTrailingSpaces(_ line: String) -> String {
        var s = Substring(line)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }

    /// Column names; the bar area holds the legend when it fits.
    func header() -> String {
        let by = series.options.by
        var line = pad(by == .day ? "day" : (by == .week ? "week of" : "month of"), Renderer.dateWidth) + " "
        let (left, right) = style.ascii ? ("conciliatory <", "> warning") : ("conciliatory ◂", "▸ warning")
        let (shortLeft, shortRight) = style.ascii ? ("<", ">") : ("◂", "▸")
        let l = left.count <= half ? left : (shortLeft.count <= half ? shortLeft : "")
        let r = right.count <= half ? right : (shortRight.count <= half ? shortRight : "")
        line += pad(l, half, right: true) + zeroLine + pad(r, half)
        line += " " + pad("index", Renderer.valueWidth, right: true)
        if showInterval { line += " " + pad("95% interval", Renderer.intervalWidth) }
        if showCounts {
            line += " " + pad("art", articlesWidth, right: true) + " " + pad("sent", sentencesWidth, right: true)
        }
        return paint(trimTrailingSpaces(line), "1")
    }

    /// The scale under the legend: `-0.50` at the left end, `0` at the zero line, `+0.50` at the right.
    func scaleRow() -> String {
        let lo = FixedDecimal.signed(-scale, places: 2)
        let hi = FixedDecimal.signed(scale, places: 2)
        var line = String(repeating: " ", count: Renderer.dateWidth + 1)
        if lo.count + 1 <= half {
            line += pad(lo, half) + "0" + pad(hi, half, right: true)
        } else {
            line += String(repeating: " ", count: half) + "0"
        }
        return line
    }

    func row(_ p: EscalationPoint) -> String {
        var line = p.start.description + " "
        guard let value = p.index else {
            let barWidth = 2 * half + 1
            let marker = "no articles"
            let area: String
            if half >= marker.count + 1 {
                area = String(repeating: " ", count: half) + gapLine + " " + marker
            } else if barWidth >= marker.count {
                let left = (barWidth - marker.count) / 2
                area = String(repeating: " ", count: left) + marker
            } else {
                area = String(repeating: " ", count: half) + gapLine + " -"
            }
            return paint(line + area, "2")
        }
        line += bar(value) + " " + FixedDecimal.signed(value, places: 3)
        if showInterval, let low = p.low, let high = p.high {
            line += " [\(FixedDecimal.signed(low, places: 2)), \(FixedDecimal.signed(high, places: 2))]"
        }
        if showCounts {
            line += " " + pad(String(p.articles), articlesWidth, right: true)
            line += " " + pad(String(p.sentences), sentencesWidth, right: true)
        }
        return line
    }

    /// The bar area, `2·half + 1` columns: left half, zero line, right half.
    func bar(_ value: Double) -> String {
        let fraction = min(abs(value) / scale, 1)
        let steps = style.ascii ? 2 : 8
        var units = Int((fraction * Double(half * steps)).rounded())
        if value != 0 { units = max(units, 1) }
        let full = units / steps
        let rest = units % steps
        let blank = { (n: Int) in String(repeating: " ", count: max(0, n)) }

        if value >= 0 {
            var cells = String(repeating: style.ascii ? "#" : "█", count: full)
            if rest > 0 { cells.append(style.ascii ? "=" : Renderer.leftBlocks[rest - 1]) }
            let used = full + (rest > 0 ? 1 : 0)
            return blank(half) + zeroLine + paint(cells, "31") + blank(half - used)
        }
        var partial = ""
        if rest > 0 {
            if style.ascii {
                partial = "="
            } else if style.color {
                // Reverse video of the complementary left block: a right-aligned rest/8 in green.
                partial = "\u{1B}[7;32m" + String(Renderer.leftBlocks[8 - rest - 1]) + "\u{1B}[0m"
            } else {
                partial = rest <= 2 ? "▕" : (rest <= 5 ? "▐" : "█")
            }
        }
        let used = full + (rest > 0 ? 1 : 0)
        let fullCells = paint(String(repeating: style.ascii ? "#" : "█", count: full), "32")
        let partialCell = style.color && !style.ascii ? partial : paint(partial, "32")
        return blank(half - used) + partialCell + fullCells + zeroLine + blank(half)
    }
}
