import Foundation
import Testing
@testable import TensionKit

@Suite struct ChartFormatterTests {
    @Test func csvHasFixedColumnsAndEmptyGapFields() throws {
        let csv = SeriesFormatter.csv(ChartSample.series)
        let lines = csv.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "date,articles,sentences,warning,conciliatory,neutral,index,low,high")
        #expect(lines.count == 1 + 5 + 1 && lines.last == "")
        #expect(lines[1].hasPrefix("2024-06-17,2,3,2,0,1,0.4000,"))
        #expect(lines[2].hasPrefix("2024-06-18,2,3,0,2,1,-0.4833,"))
        #expect(lines[3] == "2024-06-19,0,0,0,0,0,,,")
        #expect(lines[4] == "2024-06-20,1,1,0,0,1,0.0000,0.0000,0.0000")
        for line in lines.dropFirst().dropLast() {
            #expect(line.split(separator: ",", omittingEmptySubsequences: false).count == 9)
        }
        try ChartTerminalTests.checkGolden(csv, "sample.csv")
    }

    @Test func jsonCarriesPointsUndatedAndHeadline() throws {
        let json = SeriesFormatter.json(ChartSample.series)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let points = try #require(object["points"] as? [[String: Any]])
        #expect(points.count == 5)
        #expect(points[2]["index"] is NSNull && points[2]["low"] is NSNull && points[2]["high"] is NSNull)
        #expect(points[2]["sentences"] as? Int == 0)
        #expect(points[0]["date"] as? String == "2024-06-17")
        #expect(abs((points[0]["index"] as? Double ?? 9) - 0.4) < 1e-9)
        #expect(object["undated_articles"] as? Int == 1 && object["undated_sentences"] as? Int == 2)
        #expect((object["peak"] as? [String: Any])?["date"] as? String == "2024-06-21")
        #expect((object["calmest"] as? [String: Any])?["date"] as? String == "2024-06-18")
        #expect(object["trend"] as? String == "rising")
        #expect(object["by"] as? String == "day" && object["smooth_half_life"] is NSNull)
        #expect(object["from"] as? String == "2024-06-17" && object["to"] as? String == "2024-06-21")
        try ChartTerminalTests.checkGolden(json, "sample.json")
        let empty = SeriesFormatter.json(EscalationSeries(points: []))
        let emptyObject = try #require(try JSONSerialization.jsonObject(with: Data(empty.utf8)) as? [String: Any])
        #expect(emptyObject["peak"] is NSNull && emptyObject["trend"] as? String == "unknown")
    }

    /// Numbers and their fixed-decimal text.
    static let decimals: [(Double, Int, String)] = [
        (0, 4, "0.0000"), (-0.0, 4, "0.0000"), (-0.00004, 4, "0.0000"), (-0.00005, 4, "-0.0001"),
        (0.12345, 4, "0.1235"), (1, 4, "1.0000"), (-1, 2, "-1.00"), (0.999999, 4, "1.0000"),
        (0.05, 1, "0.1"), (123.456, 0, "123"), (-0.4833333, 4, "-0.4833"), (0.007, 2, "0.01"),
    ]

    @Test(arguments: decimals)
    func fixedDecimals(_ value: Double, _ places: Int, _ expected: String) {
        #expect(FixedDecimal.format(value, places: places) == expected)
    }

    @Test func signedDecimalsLineUp() {
        #expect(FixedDecimal.signed(0.25, places: 3) == "+0.250")
        #expect(FixedDecimal.signed(-0.25, places: 3) == "-0.250")
        #expect(FixedDecimal.signed(0, places: 3) == " 0.000")
        #expect(FixedDecimal.signed(-0.0001, places: 3) == " 0.000")
    }
}
