import Foundation
import Testing
@testable import TensionKit

/// One row of `date-lines.json` or `date-filenames.json`: an input and the date it states, if any.
struct DateCase: Codable, Sendable, CustomTestStringConvertible {
    var line: String?
    var name: String?
    var date: String?
    var testDescription: String { line ?? name ?? "" }

    static func load(_ file: String) -> [DateCase] {
        (try? JSONDecoder().decode([DateCase].self, from: ArticlesFixtures.data(file)))
            ?? [DateCase(line: "fixture \(file) failed to load", date: "0000-00-00")]
    }
}

@Suite struct ArticlesDateTests {
    @Test(arguments: DateCase.load("date-lines.json"))
    func headerLine(_ row: DateCase) {
        let found = PublicationDateFinder.find(headerLines: [row.line ?? ""], fileName: nil)
        #expect(found?.0.description == row.date)
        if row.date != nil { #expect(found?.1 == .header) }
    }

    @Test(arguments: DateCase.load("date-filenames.json"))
    func fileName(_ row: DateCase) {
        #expect(PublicationDateFinder.date(inFileName: row.name ?? "")?.description == row.date)
    }

    @Test func headerBeatsFileName() {
        let found = PublicationDateFinder.find(headerLines: ["Headline", "Published: 3 May 2021"], fileName: "2020-01-01.txt")
        #expect(found?.0.description == "2021-05-03")
        #expect(found?.1 == .header)
        let fallback = PublicationDateFinder.find(headerLines: ["Headline", "No date here"], fileName: "2020-01-01.txt")
        #expect(fallback?.0.description == "2020-01-01")
        #expect(fallback?.1 == .fileName)
        #expect(PublicationDateFinder.find(headerLines: ["Headline"], fileName: "story.txt") == nil)
    }

    @Test func publicationKeywordBeatsUpdateAndStamp() {
        let lines = ["Updated: 2021-05-09", "2021-05-08", "Published: 2021-05-07"]
        #expect(PublicationDateFinder.find(headerLines: lines, fileName: nil)?.0.description == "2021-05-07")
        #expect(PublicationDateFinder.find(headerLines: lines.dropLast(), fileName: nil)?.0.description == "2021-05-08")
    }

    @Test func overrideBeatsEverything() throws {
        let text = "Headline\nPublished: 3 May 2021\nThe story.\n"
        let reader = ArticleReader(format: .text, dateOverride: Day(iso: "2022-02-02"))
        let article = try #require(try reader.parse(name: "2020-01-01.txt", bytes: Array(text.utf8)).first)
        #expect(article.date?.description == "2022-02-02")
        #expect(article.dateSource == .override)
    }

    @Test func datesInTheStoryAreNotPublicationDates() throws {
        var lines = ["Headline of the story", "A caption dated June 3, 2021 under the photograph with several more words in it here"]
        lines += (1...10).map { "Paragraph \($0) mentions 2021-06-0\($0 % 9 + 1) in passing as the event date." }
        lines.append("2021-07-01")  // a bare date, but far below the header
        let article = try #require(try ArticleReader(format: .text).parse(name: "story.txt", bytes: Array(lines.joined(separator: "\n").utf8)).first)
        #expect(article.date == nil)
        #expect(article.dateSource == DateSource.none)
    }

    @Test func lineRightUnderTheHeadlineCountsEvenLow() throws {
        var lines = [
            "Home > World > Asia", "Sign in", "Subscribe", "Facebook Twitter", "Advertisement",
            "Most Popular", "Log in", "Share this", "Recent Comments",
        ]
        lines += ["A headline after a long menu", "Published: 4 July 2020", "The story itself begins here."]
        let article = try #require(try ArticleReader(format: .text).parse(name: "page.txt", bytes: Array(lines.joined(separator: "\n").utf8)).first)
        #expect(article.date?.description == "2020-07-04")
    }
}
