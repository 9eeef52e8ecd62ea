import Foundation
import Testing
@testable import TensionKit

/// The byte form of ``SentenceSplitter/split(_:)`` must give exactly the sentences of the plain
/// `String` form, ``SentenceSplitter/splitByCharacters(_:)``, on any text.
@Suite struct ArticlesSplitterFastPathTests {
    /// Line ends written in every way the splitter knows.
    /// Whether both forms give the same sentences, byte for byte (String == would accept
    /// canonically equivalent text).
    func same(_ text: String) -> Bool {
        SentenceSplitter.split(text).map { Array($0.utf8) } == SentenceSplitter.splitByCharacters(text).map { Array($0.utf8) }
    }

    static let lineEnds = ["\n", "\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}"]

    @Test(arguments: SentenceCase.all)
    func goldenCaseMatchesTheCharacterForm(_ row: SentenceCase) {
        #expect(same(row.text))
        for end in Self.lineEnds.dropFirst() {
            let text = row.text.replacingOccurrences(of: "\n", with: end)
            #expect(same(text), "line end \(Array(end.unicodeScalars))")
        }
    }

    @Test func blankLinesAreJudgedByCharacters() {
        // A combining mark after a space belongs to the space's Character, so the line is blank.
        let texts = ["One.\n \u{301}\nTwo.", "One.\n\u{301}\nTwo.", "One.\n\u{A0}\u{3000}\nTwo.", "One.\n\u{200B}\nTwo.",
                     "One.\n\t \u{0C}Two.", "One.\r\n\r\nTwo.", "One.\n\r\nTwo.", "One.\r\rTwo.", "", " ", "\n", "\u{2029}"]
        for text in texts {
            #expect(same(text), "\(Array(text.unicodeScalars))")
        }
        #expect(SentenceSplitter.split("One.\n \u{301}\nTwo.") == ["One.", "Two."])
    }

    @Test func randomMixesMatchTheCharacterForm() {
        let pieces = [
            "The talks resumed", " Mr.", " Dr. Kim", " U.S.", " the U.N. said", " a.m.", " 11 p.m. Monday", " No. 5",
            " Jan. 12", " e.g.", " vs.", " etc.", " Inc.", " 3.5", " $1.2 billion", " 15:26", " example.com", " 1.",
            " J.", " s.", ".", "!", "?", "...", "\u{2026}", " \"", "\"", " \u{201C}Why?\u{201D}", " \u{201D}", "''", " ``",
            " \u{2018}", "\u{2019}", " (", ")", " [x]", " said Kim.", " he asked.", " The", " However", " the", " police",
            " Moscow", " Сеул", " 東京", " café", " naïve", "\u{301}", " \u{A0}", "\u{3000}", "\u{200B}", "\u{FEFF}",
            " \u{1F600}", " - ", " \u{2013} ", " \u{2014}", ",", ";", "/", "&", " (Yonhap)", " Reuters",
            "  ", "\t", "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}",
            " \n ", "\n \u{301}\n", "issue.the case", " so.However", "1992-''93", " party''s",
        ]
        var rng = SplitMix64(seed: 2024)
        for _ in 0..<4_000 {
            var text = ""
            for _ in 0..<rng.below(40) { text += pieces[rng.below(pieces.count)] }
            if rng.below(4) == 0 { text = text.lowercased() }
            #expect(same(text), "\(Array(text.unicodeScalars))")
        }
    }

    @Test(.enabled(if: ArticlesFixtures.exists(ArticlesFixtures.sharedArticles), "../shared/articles is absent; skipped"))
    func realArticlesMatchTheCharacterForm() throws {
        let files = FileManager.default.enumerator(at: ArticlesFixtures.sharedArticles, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "txt" } ?? []
        #expect(files.count > 0)
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            guard let (text, _) = try? ArticleTextDecoder.decode(bytes, name: file.path) else { continue }
            #expect(same(text), "\(file.lastPathComponent)")
            let repaired = MojibakeRepair.repair(text)
            #expect(same(repaired), "\(file.lastPathComponent) repaired")
            let crlf = repaired.replacingOccurrences(of: "\n", with: "\r\n")
            #expect(same(crlf), "\(file.lastPathComponent) CR LF")
        }
    }
}
