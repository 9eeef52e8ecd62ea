import Foundation
import Testing
@testable import TensionKit

/// Where the articles tests find their fixture files and the shared real articles.
enum ArticlesFixtures {
    /// A file in `Tests/TensionKitTests/Fixtures/articles`.
    static func url(_ name: String) -> URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures/articles/\(name)")
    }

    static func data(_ name: String) throws -> Data { try Data(contentsOf: url(name)) }

    static func text(_ name: String) throws -> String { String(decoding: try data(name), as: UTF8.self) }

    /// `../shared/articles` beside the package root (on CI too, where `shared/` is cloned beside the repo).
    static let sharedArticles: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // TensionKitTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/articles").standardizedFileURL

    static let seeds = sharedArticles.appendingPathComponent("seeds")
    static let timesOfIndia = sharedArticles.appendingPathComponent("india-police-2002-03")

    static func exists(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}

/// One row of `sentence-cases.json`: a text and the sentences it must split into.
struct SentenceCase: Codable, Sendable, CustomTestStringConvertible {
    var name: String
    var text: String
    var sentences: [String]
    var testDescription: String { name }

    static let all: [SentenceCase] = {
        do {
            return try JSONDecoder().decode([SentenceCase].self, from: ArticlesFixtures.data("sentence-cases.json"))
        } catch {
            return [SentenceCase(name: "fixture failed to load: \(error)", text: "x", sentences: [])]
        }
    }()
}

@Suite struct ArticlesSentenceSplitterTests {
    @Test func tableHasAtLeastSixtyCases() {
        #expect(SentenceCase.all.count >= 60)
    }

    @Test(arguments: SentenceCase.all)
    func splitsLikeTheTable(_ row: SentenceCase) {
        #expect(SentenceSplitter.split(row.text) == row.sentences)
    }

    @Test func caselessDetection() {
        #expect(SentenceSplitter.isCaseless(Array("the police said so. then they left.".unicodeScalars)))
        #expect(!SentenceSplitter.isCaseless(Array("The police said so. Then they left.".unicodeScalars)))
    }

    @Test func everyCharacterOfTheInputIsKeptInOrder() {
        // Splitting never rewrites text: joining the sentences gives the input without its white space.
        for row in SentenceCase.all {
            let joined = SentenceSplitter.split(row.text).joined().unicodeScalars.filter { !SentenceSplitter.isSpace($0) }
            let input = row.text.unicodeScalars.filter { !SentenceSplitter.isSpace($0) }
            if joined.contains(where: { $0.properties.isAlphabetic }) {
                #expect(String(String.UnicodeScalarView(joined)) == String(String.UnicodeScalarView(input)), "\(row.name)")
            }
        }
    }
}
