import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif
@testable import TensionKit

/// End-to-end checks of the chart over the shared real articles, read at run time (never
/// copied). The scores are synthetic, a hash of each sentence, because scoring is another
/// stage: what is checked here is the chart's handling of a real-sized, real-dated corpus.
@Suite struct ChartArticlesTests {
    static let articles = URL(fileURLWithPath: "/work/shared/articles")

    /// Crude sentence split and hash-based probabilities, deterministic on every platform.
    static func fakeScores(text: String, article: String, date: Day?) -> [ScoredSentence] {
        var sentences: [String] = []
        var current = ""
        for ch in text {
            current.append(ch)
            if ch == "." || ch == "!" || ch == "?" || ch == "\n" {
                let s = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if s.count > 1 { sentences.append(s) }
                current = ""
            }
        }
        return sentences.enumerated().map { i, s in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a
            for b in s.utf8 { hash = (hash ^ UInt64(b)) &* 0x100_0000_01b3 }
            let w = Double(hash & 0xFFFF) / 65536
            let c = (1 - w) * Double((hash >> 16) & 0xFFFF) / 65536
            let probabilities = [(label: "warning", probability: w), (label: "conciliatory", probability: c),
                                 (label: "neutral", probability: 1 - w - c)]
            let label = probabilities.max { $0.probability < $1.probability }!.label
            return ScoredSentence(article: article, date: date, index: i, sentence: s, label: label,
                                  probabilities: probabilities)
        }
    }

    /// "This story is from March 5, 2002" → 2002-03-05.
    static func storyDate(_ text: String) -> Day? {
        guard let range = text.range(of: "This story is from ") else { return nil }
        let rest = text[range.upperBound...].prefix(30)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August",
                      "September", "October", "November", "December"]
        let parts = rest.split(whereSeparator: { $0 == " " || $0 == "," }).prefix(3).map(String.init)
        guard parts.count == 3, let m = months.firstIndex(of: parts[0]), let d = Int(parts[1]),
              let y = Int(parts[2].prefix(4)) else { return nil }
        return Day(year: y, month: m + 1, day: d)
    }

    static func validatesAsXML(_ text: String) -> Bool {
        let parser = XMLParser(data: Data(text.utf8))
        return parser.parse()
    }

    @Test func aMonthOfArticles() throws {
        let folder = Self.articles.appendingPathComponent("india-police-2002-03")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path), !names.isEmpty else {
            print("skipped: \(folder.path) is absent")
            return
        }
        var scored: [ScoredSentence] = []
        var dated = 0
        for name in names.sorted() where name.hasSuffix(".txt") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let date = Self.storyDate(text)
            if date != nil { dated += 1 }
            scored += Self.fakeScores(text: text, article: name, date: date)
        }
        #expect(names.count == 1257)

        // Through the JSON Lines codec, as `tension score | tension chart --scores -` would.
        let jsonl = ScoreJSONL.encode(scored)
        let back = try ScoreJSONL.decode(Array(jsonl.utf8), file: "-")
        #expect(back == scored)

        let clock = ContinuousClock()
        var built: EscalationSeries?
        let time = try clock.measure { built = try EscalationSeries.build(back, options: SeriesOptions()) }
        let series = try #require(built)
        print("series of \(back.count) sentences built in \(time)")
        #expect(series.points.count == 31)
        #expect(series.points.allSatisfy { !$0.isGap })
        #expect(series.undatedArticles == 1257 - dated)
        #expect(series.points.map(\.articles).reduce(0, +) == dated)

        let csv = SeriesFormatter.csv(series).split(separator: "\n")
        #expect(csv.count == 32 && csv[0] == Substring(SeriesFormatter.csvHeader))

        let chart = TerminalChart.render(series, style: TerminalChartStyle(width: 100, color: true))
        let lines = chart.split(separator: "\n")
        #expect(lines.filter { $0.hasPrefix("2002-03-") && $0.contains("│") }.count == 31)
        #expect(lines.allSatisfy { TerminalChart.displayWidth($0) <= 100 })

        let svg = SVGChart.render(series, title: "Times of India, March 2002 (synthetic scores)")
        #expect(Self.validatesAsXML(svg))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("tension-chart-31-days.svg")
        try svg.write(to: out, atomically: true, encoding: .utf8)
        print("SVG written to \(out.path)")
        print(TerminalChart.render(series, style: TerminalChartStyle(width: 100)))
    }

    @Test func theSeedArticles() throws {
        let folder = Self.articles.appendingPathComponent("seeds")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path), names.count == 5 else {
            print("skipped: \(folder.path) is absent")
            return
        }
        // The publication dates stated in the articles (see their README); 003 and 004 state none.
        let dates = ["000": "2024-06-17", "001": "2024-06-26", "002": "2024-06-20"]
        var scored: [ScoredSentence] = []
        for name in names.sorted() {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            scored += Self.fakeScores(text: text, article: name, date: dates[String(name.prefix(3))].flatMap { Day(iso: $0) })
        }
        let series = try EscalationSeries.build(scored, options: SeriesOptions())
        #expect(series.points.count == 10)  // 2024-06-17 ... 2024-06-26
        #expect(series.points.filter { !$0.isGap }.map(\.start.description) == ["2024-06-17", "2024-06-20", "2024-06-26"])
        #expect(series.undatedArticles == 2)
        let chart = TerminalChart.render(series, style: TerminalChartStyle(width: 80))
        #expect(chart.contains("Undated: 2 articles"))
        #expect(chart.split(separator: "\n").filter { $0.contains("no articles") }.count == 7)
        let json = SeriesFormatter.json(series)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["undated_articles"] as? Int == 2)
        #expect((object["points"] as? [Any])?.count == 10)
        let svg = SVGChart.render(series, title: "Seoul, Moscow & Pyongyang <seeds>")
        #expect(Self.validatesAsXML(svg))
        try svg.write(to: FileManager.default.temporaryDirectory.appendingPathComponent("tension-chart-seeds.svg"),
                      atomically: true, encoding: .utf8)
    }
}
