import Foundation
import Testing
@testable import TensionKit

/// Tests on the real articles in `../shared/articles`; skipped, saying so, where that folder is absent.
@Suite(.enabled(if: ArticlesFixtures.exists(ArticlesFixtures.seeds), "../shared/articles/seeds is absent; real-article tests skipped"))
struct ArticlesSeedTests {
    static let stated: [(prefix: String, date: String?)] = [
        ("000_", "2024-06-17"), ("001_", "2024-06-26"), ("002_", "2024-06-20"), ("003_", nil), ("004_", nil),
    ]

    func readSeeds() throws -> [Article] {
        let (articles, warnings) = try ArticleReader().read(paths: [ArticlesFixtures.seeds.path], standardInput: { [] })
        #expect(warnings.isEmpty, "\(warnings)")
        return articles
    }

    func seed(_ prefix: String, in articles: [Article]) throws -> Article {
        try #require(articles.first { ($0.name as NSString).lastPathComponent.hasPrefix(prefix) })
    }

    @Test func seedsGetTheirStatedDates() throws {
        let articles = try readSeeds()
        #expect(articles.count == 5)
        for (prefix, date) in Self.stated {
            let article = try seed(prefix, in: articles)
            #expect(article.date?.description == date, "\(prefix)")
            #expect(article.dateSource == (date == nil ? DateSource.none : .header), "\(prefix)")
        }
    }

    /// Counted by hand from the files: the headline, the deck or photo caption (the repeated copy
    /// dropped, its credit kept with it), then the story's sentences, a quotation of two
    /// sentences counting as one; bylines, contact lines and lists of other stories left out.
    @Test(arguments: [("000_", 13), ("003_", 26)])
    func sentenceCountAndBoundaries(_ prefix: String, _ expected: Int) throws {
        let article = try seed(prefix, in: try readSeeds())
        #expect(article.sentences.count == expected)
        #expect(article.headline == article.sentences.first)
        let source = try String(contentsOfFile: article.name, encoding: .utf8)
        let sourceLines = source.split(whereSeparator: \.isNewline).map { BoilerplateFilter.trimmed(String($0)) }
        let abbreviations = [
            "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Lt.", "Col.", "St.", "No.", "Jr.", "U.S.", "U.N.", "a.m.", "p.m.",
            "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        ]
        for (index, sentence) in article.sentences.enumerated() {
            let lastWord = String(sentence.split(separator: " ").last ?? "")
            #expect(!abbreviations.contains(lastWord), "split after an abbreviation: \(sentence)")
            // A split inside a quotation leaves an odd number of double quotation marks, unless
            // the source paragraph itself never closes the quotation (the sentence ends its line).
            let marks = sentence.unicodeScalars.filter { $0 == "\"" || $0 == "\u{201C}" || $0 == "\u{201D}" }.count
            let endsALine = sourceLines.contains { $0.hasSuffix(sentence.suffix(40)) }
            #expect(marks % 2 == 0 || endsALine, "split inside a quotation: \(sentence)")
            if index > 0, let first = sentence.unicodeScalars.first {
                #expect(first != "\u{201D}" && !first.properties.isLowercase, "starts mid-sentence: \(sentence)")
            }
        }
    }

    @Test func furnitureIsGone() throws {
        let all = try readSeeds().flatMap(\.sentences).joined(separator: "\n")
        for phrase in ["Most viewed", "Related stories", "Top 10", "log in", "Sign up", "@", "Advertisement", "See also", "Posted on", "Published"] {
            #expect(!all.contains(phrase), "\(phrase) left in")
        }
    }
}

@Suite(.enabled(if: ArticlesFixtures.exists(ArticlesFixtures.timesOfIndia), "../shared/articles/india-police-2002-03 is absent; skipped"))
struct ArticlesTimesOfIndiaTests {
    /// Every file gets the date of its "This story is from …" line, found here by a separate regular
    /// expression; files without that line are undated.
    @Test func everyFileGetsTheDateOfItsStoryLine() throws {
        let folder = ArticlesFixtures.timesOfIndia.path
        let (articles, warnings) = try ArticleReader().read(paths: [folder], standardInput: { [] })
        #expect(warnings.isEmpty, "\(warnings.prefix(3))")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".txt") }
        #expect(articles.count == files.count)
        #expect(files.count == 1257)
        let pattern = try NSRegularExpression(pattern: #"This story is from ([A-Z][a-z]+) (\d{1,2}), (\d{4})"#)
        let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                      "October", "November", "December"]
        var dated = 0
        for article in articles {
            let text = try String(contentsOfFile: article.name, encoding: .utf8)
            var expected: String?
            if let m = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) {
                let group = { (k: Int) in String(text[Range(m.range(at: k), in: text)!]) }
                let month = try #require(months.firstIndex(of: group(1))) + 1
                expected = String(format: "%@-%02d-%02d", group(3), month, Int(group(2))!)
                dated += 1
            }
            #expect(article.date?.description == expected, "\(article.name)")
            #expect(article.dateSource == (expected == nil ? DateSource.none : .header), "\(article.name)")
            #expect(!article.sentences.isEmpty)
            #expect(!article.sentences.joined().contains("â€"), "mojibake left in \(article.name)")
            #expect(!article.sentences.contains { $0.contains("This story is from") || $0.contains("Facebook Twitter") })
        }
        #expect(dated > 0)
    }
}
