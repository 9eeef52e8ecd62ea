import Foundation
import Testing
@testable import TensionKit

@Suite struct ChartTerminalTests {
    /// The golden drawings of ``ChartSample/series``: file name, width, colour, ASCII.
    static let goldens: [(String, Int, Bool, Bool)] = [
        ("terminal-w40.txt", 40, false, false),
        ("terminal-w40-color.txt", 40, true, false),
        ("terminal-w40-ascii.txt", 40, false, true),
        ("terminal-w100.txt", 100, false, false),
        ("terminal-w100-color.txt", 100, true, false),
        ("terminal-w100-ascii.txt", 100, false, true),
    ]

    /// Compares `text` with a golden file in Fixtures/chart; with `TENSION_UPDATE_GOLDEN=1`
    /// in the environment, rewrites the file in the source tree instead.
    static func checkGolden(_ text: String, _ name: String, sourceFile: String = #filePath) throws {
        if ProcessInfo.processInfo.environment["TENSION_UPDATE_GOLDEN"] == "1" {
            let url = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
                .appendingPathComponent("Fixtures/chart/\(name)")
            try text.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let url = try #require(Bundle.module.resourceURL).appendingPathComponent("Fixtures/chart/\(name)")
        let golden = try #require(
            try? String(contentsOf: url, encoding: .utf8),
            "missing golden file \(name); run with TENSION_UPDATE_GOLDEN=1 to create it")
        #expect(text == golden, "\(name) differs from the golden file:\n\(text)")
    }

    @Test(arguments: goldens)
    func matchesGolden(_ name: String, _ width: Int, _ color: Bool, _ ascii: Bool) throws {
        let text = TerminalChart.render(ChartSample.series, style: TerminalChartStyle(width: width, color: color, ascii: ascii))
        try Self.checkGolden(text, name)
    }

    /// Series shapes that stress the layout.
    static var shapes: [(String, EscalationSeries)] {
        let d = { (s: String) in Day(iso: s)! }
        func point(_ day: String, _ index: Double?, articles: Int = 3, sentences: Int = 40) -> EscalationPoint {
            EscalationPoint(
                start: d(day), articles: index == nil ? 0 : articles, sentences: index == nil ? 0 : sentences,
                warning: 0, conciliatory: 0, neutral: 0, index: index,
                low: index.map { max($0 - 0.1, -1) }, high: index.map { min($0 + 0.1, 1) })
        }
        return [
            ("sample", ChartSample.series),
            ("single row", EscalationSeries(points: [point("2024-01-01", -0.2)])),
            ("single gap", EscalationSeries(points: [point("2024-01-01", nil)], undatedArticles: 12, undatedSentences: 345)),
            ("extremes", EscalationSeries(points: [
                point("2024-01-01", -1), point("2024-01-02", 1), point("2024-01-03", 0),
                point("2024-01-04", 1e-9), point("2024-01-05", -1e-9), point("2024-01-06", nil),
            ])),
            ("large counts", EscalationSeries(points: [
                point("2024-01-01", 0.013, articles: 123_456, sentences: 98_765_432), point("2024-01-02", -0.04),
            ], undatedArticles: 999_999, undatedSentences: 12_345_678)),
            ("empty", EscalationSeries(points: [], undatedArticles: 2, undatedSentences: 9)),
            ("smoothed weeks", try! EscalationSeries.build(
                ChartSample.sentences, options: SeriesOptions(by: .week, smoothHalfLife: 2.5, bootstrapSamples: 50))),
        ]
    }

    @Test func noLineExceedsTheWidth() {
        for (name, series) in Self.shapes {
            for width in [24, 25, 30, 39, 40, 41, 55, 60, 61, 79, 80, 100, 101, 150, 250] {
                for color in [false, true] {
                    for ascii in [false, true] {
                        let text = TerminalChart.render(series, style: TerminalChartStyle(width: width, color: color, ascii: ascii))
                        #expect(text.hasSuffix("\n"))
                        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                            #expect(TerminalChart.displayWidth(line) <= width, "\(name) w\(width) c\(color) a\(ascii): [\(line)]")
                        }
                        if ascii && !color { #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(name) w\(width)") }
                        if !color { #expect(!text.contains("\u{1B}"), "\(name) w\(width)") }
                    }
                }
            }
        }
    }

    @Test func narrowerThanTheMinimumDrawsAtTheMinimum() {
        let narrow = TerminalChart.render(ChartSample.series, style: TerminalChartStyle(width: 5))
        let minimum = TerminalChart.render(ChartSample.series, style: TerminalChartStyle(width: TerminalChartStyle.minimumWidth))
        #expect(narrow == minimum)
    }

    @Test func rowsBarsAndGaps() throws {
        let text = TerminalChart.render(ChartSample.series, style: TerminalChartStyle(width: 100))
        let lines = text.split(separator: "\n").map(String.init)
        let rows = lines.filter { $0.hasPrefix("2024-06-") }
        #expect(rows.count == 5)
        // Warning to the right of the zero line, conciliatory to the left.
        let zero = try #require(rows[0].firstIndex(of: "│"))
        #expect(rows[0][rows[0].index(after: zero)] == "█")
        let zero1 = try #require(rows[1].firstIndex(of: "│"))
        #expect(rows[1][rows[1].index(before: zero1)] == "█")
        #expect(rows[1].contains("-0.483"))
        // The gap has no bar, no value, and says so.
        #expect(rows[2].contains("no articles") && !rows[2].contains("█") && !rows[2].contains("0.000"))
        // Exactly zero: zero line, no bar.
        #expect(rows[3].contains("│ ") && !rows[3].contains("█") && rows[3].contains(" 0.000"))
        // Headline and undated footer.
        #expect(lines[1].hasPrefix("Peak 2024-06-21"))
        #expect(text.contains("Undated: 1 article, 2 sentences"))
        // The zero line is in the same column on every row.
        let columns = rows.map { row in row.unicodeScalars.firstIndex(where: { $0 == "│" || $0 == "┆" }).map { row.unicodeScalars.distance(from: row.unicodeScalars.startIndex, to: $0) } }
        #expect(Set(columns.compactMap { $0 }).count == 1)
    }

    @Test func eighthBlocksGiveSubCellPrecision() {
        // With a half of h cells and scale 1, an index of k/(8h) draws k eighths.
        let width = 40  // half = 6 with counts, no interval
        for k in 1...15 {
            let value = Double(k) / 48
            let p = EscalationPoint(start: Day(iso: "2024-01-01")!, articles: 1, sentences: 1, warning: 0,
                                    conciliatory: 0, neutral: 0, index: value, low: value, high: value)
            let series = EscalationSeries(points: [p, EscalationPoint(start: Day(iso: "2024-01-02")!, articles: 1, sentences: 1, warning: 0, conciliatory: 0, neutral: 0, index: 1, low: 1, high: 1)])
            let row = TerminalChart.render(series, style: TerminalChartStyle(width: width)).split(separator: "\n").first { $0.hasPrefix("2024-01-01 ") && $0.contains("│") }!
            let eighths = row.reduce(0) { total, ch in
                if ch == "█" { return total + 8 }
                if let i = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"].firstIndex(of: ch) { return total + i + 1 }
                return total
            }
            #expect(eighths == k, "[\(row)]")
        }
    }

    @Test func styleFromEnvironment() {
        let tty = TerminalChartStyle.resolve(environment: [:], isTerminal: true, terminalColumns: 120, ascii: false)
        #expect(tty == TerminalChartStyle(width: 120, color: true, ascii: false))
        let columns = TerminalChartStyle.resolve(environment: ["COLUMNS": "100"], isTerminal: true, terminalColumns: 120, ascii: true)
        #expect(columns.width == 100 && columns.ascii)
        #expect(!TerminalChartStyle.resolve(environment: ["NO_COLOR": "1"], isTerminal: true, terminalColumns: nil, ascii: false).color)
        #expect(TerminalChartStyle.resolve(environment: ["NO_COLOR": ""], isTerminal: true, terminalColumns: nil, ascii: false).color)
        #expect(!TerminalChartStyle.resolve(environment: ["TERM": "dumb"], isTerminal: true, terminalColumns: nil, ascii: false).color)
        let pipe = TerminalChartStyle.resolve(environment: ["COLUMNS": "zero"], isTerminal: false, terminalColumns: nil, ascii: false)
        #expect(pipe == TerminalChartStyle(width: 80, color: false, ascii: false))
    }
}
