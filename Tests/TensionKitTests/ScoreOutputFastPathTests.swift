import Foundation
import Testing
@testable import TensionKit

/// The byte writers of `tension score` (JSON Lines, CSV, tables rendered in parallel) must give
/// exactly the bytes of the `String` writers, whatever the thread count.
@Suite struct ScoreOutputFastPathTests {
    /// Records with awkward text: escapes, control characters, commas, CR LF, non-ASCII, odd numbers.
    static let records: [ScoredSentence] = {
        let texts = ["The ministry warned of a firm response.", "say \"no\", twice", "back\\slash\ttab",
                     "line\r\nbreak", "bell\u{07}nul\u{00}esc\u{1B}\u{7F}", "Сеул и Москва, «мир»", "東京 \u{1F600}",
                     "", "a,b", "\u{2028}sep\u{85}"]
        let names = ["a.txt", "folder/b \"quoted\".txt", "c,d.txt", "\u{E9}.txt", "e\u{301}.txt"]
        let numbers: [Double] = [0.7, 0.1, 0.2, 1, 0, -0.0, 1e-7, 0.333333333333, 0.5, .nan, .infinity, 2.5e-300]
        var rng = SplitMix64(seed: 7)
        var out: [ScoredSentence] = []
        for i in 0..<3_000 {
            let p = (0..<3).map { _ in rng.below(3) == 0 ? numbers[rng.below(numbers.count)] : Double(rng.below(1 << 40)) / Double(1 << 40) }
            let labels = ["warning", "conciliatory", "neutral"]
            out.append(ScoredSentence(
                article: names[(i / 40) % names.count], date: rng.below(5) == 0 ? nil : Day(iso: "2024-06-\(10 + rng.below(18))"),
                index: i % 40, sentence: texts[rng.below(texts.count)] + " \(i)", label: labels[rng.below(3)],
                probabilities: zip(labels, p).map { (label: $0.0, probability: $0.1) }))
        }
        return out
    }()

    @Test(arguments: [1, 2, 5])
    func jsonLinesBytesMatchTheStringEncoder(threads: Int) {
        for count in [0, 1, 7, 600, Self.records.count] {
            let slice = Array(Self.records.prefix(count))
            #expect(ScoreJSONL.encodeUTF8(slice, threads: threads) == Array(ScoreJSONL.encode(slice).utf8), "\(count) records")
        }
    }

    @Test(arguments: [1, 2, 5])
    func csvBytesMatchTheStringWriter(threads: Int) {
        let labels = ["conciliatory", "neutral", "warning", "missing"]
        for count in [0, 1, 7, 600, Self.records.count] {
            let slice = Array(Self.records.prefix(count))
            #expect(ScoreTable.csvRowsUTF8(slice, labels: labels, threads: threads) == Array(ScoreTable.csvRows(slice, labels: labels).utf8), "\(count) records")
        }
    }

    @Test(arguments: [1, 2, 5])
    func tablesRenderedTogetherMatchOneByOne(threads: Int) {
        let labels = ["conciliatory", "neutral", "warning"]
        var groups: [[ScoredSentence]] = [[]]
        var start = 0
        var rng = SplitMix64(seed: 3)
        while start < Self.records.count {
            let end = min(Self.records.count, start + 1 + rng.below(60))
            groups.append(Array(Self.records[start..<end]))
            start = end
            if rng.below(10) == 0 { groups.append([]) }
        }
        for width in [nil, 40, 120] as [Int?] {
            let together = ScoreTable.render(each: groups, labels: labels, width: width, threads: threads)
            #expect(Array(together.utf8) == Array(groups.map { ScoreTable.render($0, labels: labels, width: width) }.joined().utf8))
        }
    }

    @Test func padRightMatchesFoundationPadding() {
        for text in ["", "label", "warning", "conciliatory", "neutral", "é", "e\u{301}", "\u{1F600}x", "東京", "a much longer label than the column"] {
            for width in [0, 1, 5, 13, 20] {
                #expect(Array(ScoreTable.padRight(text, width).utf8) == Array(text.padding(toLength: width, withPad: " ", startingAt: 0).utf8), "\(text) to \(width)")
            }
        }
    }

    @Test func chunkedBatchesGiveTheRecordsOfPlainBatches() throws {
        let scorer = ArticleScorer(model: try TestSupport.model())
        var rng = SplitMix64(seed: 9)
        let articles = (0..<40).map { a in
            Article(name: a % 7 == 0 ? "same.txt" : "a\(a).txt", date: a % 3 == 0 ? nil : Day(iso: "2024-06-1\(a % 10)"),
                    dateSource: .none, headline: nil,
                    sentences: (0..<rng.below(30)).map { _ in TestSupport.sentences[rng.below(TestSupport.sentences.count)].0 })
        }
        let plain = scorer.score(articles, threads: 1)
        for (batchSize, chunkSize, threads) in [(8192, 512, 2), (7, 3, 2), (50, 1, 3), (1, 1, 1)] {
            var chunked: [ScoredSentence] = []
            scorer.forEachBatch(articles, batchSize: batchSize, chunkSize: chunkSize, threads: threads, transform: { $0 }) { chunked += $0 }
            #expect(chunked == plain, "batch \(batchSize), chunk \(chunkSize)")
        }
    }
}
