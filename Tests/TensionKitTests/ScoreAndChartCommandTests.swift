import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TensionKit

/// The score and chart commands end to end, with the shipped default model (no --model).
@Suite(.serialized) struct ScoreAndChartCommandTests {
    static let examples = TestSupport.packageRoot.appendingPathComponent("examples").path

    @Test func scoreWritesJSONLinesWithTheDocumentedKeys() throws {
        let r = try TestSupport.run(["score", Self.examples, "--format", "jsonl"])
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n")
        #expect(lines.count > 100)
        for line in lines.prefix(20) {
            let obj = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(Set(obj.keys) == ["article", "date", "index", "sentence", "label", "probabilities"])
            let p = try #require(obj["probabilities"] as? [String: Double])
            #expect(Set(p.keys) == Set(Stance.all))
            #expect(abs(p.values.reduce(0, +) - 1) < 1e-4)
        }
        let decoded = try ScoreJSONL.decode(r.out)
        #expect(Set(decoded.compactMap(\.date).map(\.description)).count == 9)
    }

    @Test func scoreTableEndsEachArticleWithASummary() throws {
        let r = try TestSupport.run(["score", Self.examples + "/2026-03-02-fishing-season-opens.txt"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("2026-03-02"))
        #expect(r.out.contains("escalation index"))
    }

    @Test func chartOfTheExamplesHasOneRowPerDayWithTheGap() throws {
        let r = try TestSupport.run(["chart", Self.examples, "--format", "csv"])
        #expect(r.status == 0, "\(r.err)")
        let rows = r.out.split(separator: "\n")
        #expect(rows.first == "date,articles,sentences,warning,conciliatory,neutral,index,low,high")
        #expect(rows.count == 11)
        let gap = try #require(rows.first { $0.hasPrefix("2026-03-08") })
        #expect(gap.split(separator: ",", omittingEmptySubsequences: false)[6] == "")
    }

    @Test func scorePipedIntoChartEqualsChartOfTheArticles() throws {
        let scored = try TestSupport.run(["score", Self.examples, "--format", "jsonl"])
        let piped = try TestSupport.run(["chart", "--scores", "-", "--format", "csv"], input: scored.out)
        let direct = try TestSupport.run(["chart", Self.examples, "--format", "csv"])
        #expect(piped.status == 0, "\(piped.err)")
        #expect(piped.out == direct.out)
    }

    @Test func svgIsWrittenAndParsesAsXML() throws {
        let dir = try TestSupport.temporaryFolder()
        let svg = dir.appendingPathComponent("chart.svg")
        let r = try TestSupport.run(["chart", Self.examples, "--svg", svg.path, "--ascii"], environment: ["COLUMNS": "60"])
        #expect(r.status == 0, "\(r.err)")
        for line in r.out.split(separator: "\n") { #expect(line.count <= 60, "\(line)") }
        let parser = XMLParser(data: try Data(contentsOf: svg))
        #expect(parser.parse())
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["chart.svg"])
    }

    @Test func svgIntoAMissingFolderFailsCleanly() throws {
        let r = try TestSupport.run(["chart", Self.examples, "--svg", "/nonexistent-folder/chart.svg"])
        #expect(r.status != 0)
        #expect(r.err.contains("/nonexistent-folder"))
    }

    @Test(.enabled(if: TestSupport.shared != nil, "needs ../shared/articles"))
    func seedsGiveThreeDaysAndTwoUndated() throws {
        let seeds = TestSupport.shared!.appendingPathComponent("articles/seeds").path
        let r = try TestSupport.run(["chart", seeds, "--format", "json"])
        #expect(r.status == 0, "\(r.err)")
        let obj = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect(obj["undated_articles"] as? Int == 2)
        let points = try #require(obj["points"] as? [[String: Any]])
        #expect(points.filter { ($0["sentences"] as? Int ?? 0) > 0 }.count == 3)
    }

    @Test(.enabled(if: TestSupport.shared != nil, "needs ../shared/articles"))
    func timesOfIndiaMonthHas31RowsWithin100Columns() throws {
        let toi = TestSupport.shared!.appendingPathComponent("articles/india-police-2002-03").path
        let csv = try TestSupport.run(["chart", toi, "--format", "csv"])
        #expect(csv.status == 0, "\(csv.err)")
        #expect(csv.out.split(separator: "\n").count == 32)
        let chart = try TestSupport.run(["chart", toi], environment: ["COLUMNS": "100"])
        #expect(chart.status == 0)
        let lines = chart.out.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.filter { $0.hasPrefix("2002-03-") }.count == 31)
        for line in lines { #expect(TerminalChart.displayWidth(String(line)) <= 100, "\(line)") }
    }

    @Test func suggestWritesCSVRowsReadyToLabel() throws {
        let r = try TestSupport.run(["suggest", Self.examples, "--count", "7"])
        #expect(r.status == 0, "\(r.err)")
        let table = try CSVReader(fileName: "out").parse(Array(r.out.utf8))
        #expect(table.header == ["text", "label", "article", "date"])
        #expect(table.rows.count == 7)
        #expect(table.rows.allSatisfy { $0[1].isEmpty && !$0[0].isEmpty })
        #expect(Set(table.rows.map { $0[0] }).count == 7)
    }

    @Test func badDateOptionIsRefused() throws {
        let r = try TestSupport.run(["score", Self.examples, "--date", "2024-02-30"])
        #expect(r.status != 0)
        #expect(r.err.contains("2024-02-30"))
    }
}
