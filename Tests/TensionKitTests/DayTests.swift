import Testing
@testable import TensionKit

@Suite struct DayTests {
    @Test(arguments: ["2024-02-30", "2023-02-29", "2024-13-01", "2024-00-10", "24-01-01", "2024-1-01", "2024/01/01", ""])
    func refusesDatesThatDoNotExist(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func ordinalRoundTrips() {
        #expect(Day(iso: "1970-01-01")!.ordinal == 0)
        #expect(Day(iso: "2024-02-29")!.ordinal == 19782)
        for n in stride(from: -800_000, to: 2_900_000, by: 997) {
            #expect(Day(ordinal: n).ordinal == n)
        }
    }

    @Test func weeksStartOnMonday() {
        let d = Day(iso: "2024-06-20")!  // a Thursday
        #expect(d.weekday == 4)
        #expect(d.startOfWeek.description == "2024-06-17")
        #expect(d.startOfMonth.description == "2024-06-01")
    }
}
