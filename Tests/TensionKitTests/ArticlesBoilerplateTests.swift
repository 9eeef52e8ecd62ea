import Foundation
import Testing
@testable import TensionKit

@Suite struct ArticlesBoilerplateTests {
    @Test(arguments: ["page-portal", "page-daily"])
    func removesPageFurniture(_ page: String) throws {
        let lines = ArticleBuilder.splitLines(try ArticlesFixtures.text("\(page).txt"))
        let expected = try ArticlesFixtures.text("\(page).expected.txt")
        let cleaned = BoilerplateFilter.clean(lines: lines).joined(separator: "\n")
        #expect(cleaned == expected.trimmingCharacters(in: .newlines))
    }

    @Test func pagesAreDatedFromTheirHeaderNotTheirCaptions() throws {
        let reader = ArticleReader()
        let portal = try reader.parse(name: "page-portal.txt", bytes: Array(try ArticlesFixtures.data("page-portal.txt")))
        #expect(portal.first?.date?.description == "2031-04-09")
        #expect(portal.first?.dateSource == .header)
        #expect(portal.first?.headline == "Harbour talks end without deal as fishing fleets wait")
        let daily = try reader.parse(name: "page-daily.txt", bytes: Array(try ArticlesFixtures.data("page-daily.txt")))
        #expect(daily.first?.date?.description == "2030-01-15")
        #expect(daily.first?.headline == "River agreement signed after long dispute")
    }

    @Test(arguments: [
        "Related stories", "Most viewed", "Most Popular", "Top 10 Stories", "Recent Comments", "Trending now",
    ])
    func storyListsAreDroppedUntilProseReturns(_ title: String) {
        let prose = Array(repeating: "word", count: 30).joined(separator: " ") + "."
        let lines = ["A headline here", "The story begins.", title, "Another headline", "Yet another one", prose]
        #expect(BoilerplateFilter.clean(lines: lines) == ["A headline here", "The story begins.", prose])
    }

    @Test(arguments: [
        "Facebook Twitter Linkedin Mail", "- Advertisement -", "Advertisement", "Sign up for our newsletter",
        "Please enter your comment!", "To write comments, please log in.", "Contact: desk@example.org",
        "By Jane Doe, staff reporter", "Home > World > Asia", "PHOTO NAME / AFP via Getty Images",
        "Posted on : 2024-06-17 17:11 KST", "Published: 26 Jun. 2024, 14:02", "This story is from March 10, 2002",
        "See also  A story about something else entirely that runs long",
        "Comments (12)", "12 comments", "Reporting by Tomas Reyes; editing by Clara Voss",
        "Additional reporting by Ana Ruiz in Kelby", "Editing by Mark Heinrich",
    ])
    func furnitureLinesAreDropped(_ line: String) {
        #expect(BoilerplateFilter.clean(lines: ["Headline", line, "The story."]) == ["Headline", "The story."])
    }

    @Test(arguments: [
        "By Friday, both sides had pulled back.", "Home ministers met in the capital on Monday.",
        "The accord was signed on June 20, 2024, in the capital.", "- the first demand was a ceasefire",
        "Published reports said the talks had stalled, but officials denied it.",
    ])
    func storyLinesAreKept(_ line: String) {
        #expect(BoilerplateFilter.clean(lines: ["Headline", line, "The story."]) == ["Headline", line, "The story."])
    }

    @Test func gluedBylineIsCutFromTheHeadline() {
        #expect(BoilerplateFilter.removingGluedByline("Talks resume after long pauseBy Jane Doe") == "Talks resume after long pause")
        #expect(BoilerplateFilter.removingGluedByline("Talks resume By Friday") == "Talks resume By Friday")
    }
}
