import Foundation
import Testing
@testable import TensionKit

@Suite struct TrustLabelingSuggestionsTests {
    /// Invented article sentences, some repeated across articles with different spacing or case.
    static let sentences: [(article: String, date: Day?, sentence: String)] = [
        ("a.txt", Day(iso: "2024-03-01"), "The army fired shells at the border and threatened more strikes."),
        ("a.txt", Day(iso: "2024-03-01"), "The ministers agreed to resume talks, calling for calm."),
        ("a.txt", Day(iso: "2024-03-01"), "The summit will take place on Tuesday."),
        ("b.txt", nil, "The  army fired shells at the border and THREATENED more strikes."),
        ("b.txt", nil, "The ministers met the envoy and the troops at the museum."),
        ("b.txt", nil, "   "),
        ("c.txt", Day(iso: "2024-03-02"), "Officials said the \"talks\" on the border drills would continue, despite warnings."),
        ("c.txt", Day(iso: "2024-03-02"), "The summit will take place on Tuesday."),
    ]

    static let margins: [([Double], Double)] = [([0.5, 0.3, 0.2], 0.2), ([0.4, 0.4, 0.2], 0), ([0.1, 0.2, 0.7], 0.5), ([1.0], 1), ([], 0)]

    @Test(arguments: margins)
    func marginIsTheGapBetweenTheTopTwo(_ p: [Double], _ margin: Double) {
        #expect(abs(LabelingSuggestions.margin(p) - margin) < 1e-12)
    }

    @Test func leastSureFirstWithoutDuplicates() {
        let m = TrustCorpus.model
        let all = LabelingSuggestions.leastSure(Self.sentences, classifier: m, count: 100, threads: 1)
        // 8 inputs, one blank, two repeats.
        #expect(all.count == 5)
        #expect(Set(all.map { LabelingSuggestions.key($0.sentence) }).count == all.count)
        #expect(zip(all, all.dropFirst()).allSatisfy { $0.margin <= $1.margin })
        // The first occurrence of a repeat is the one kept.
        #expect(all.first { $0.sentence.hasPrefix("The army") }?.article == "a.txt")
        // Margins are those of the model's own predictions.
        for c in all {
            let p = m.predict([c.sentence], threads: 1)[0]
            #expect(c.predicted == p.label)
            #expect(abs(c.margin - LabelingSuggestions.margin(p.probabilities)) < 1e-12)
        }
        let top2 = LabelingSuggestions.leastSure(Self.sentences, classifier: m, count: 2, threads: 1)
        #expect(top2 == Array(all.prefix(2)))
    }

    @Test func excludedSentencesAreSkipped() {
        let got = LabelingSuggestions.leastSure(Self.sentences, classifier: TrustCorpus.model, count: 100,
                                                excluding: ["the summit will take place on tuesday."], threads: 1)
        #expect(!got.contains { $0.sentence.contains("summit") })
        #expect(got.count == 4)
    }

    @Test func csvRowsHaveAnEmptyLabelAndReadBack() throws {
        let got = LabelingSuggestions.leastSure(Self.sentences, classifier: TrustCorpus.model, count: 3, threads: 1)
        let csv = LabelingSuggestions.csv(got)
        #expect(csv.hasPrefix("text,label,article,date\n"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trust-suggest-\(UUID().uuidString).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let table = try CSVReader(fileName: path).read(path: path)
        #expect(table.header == ["text", "label", "article", "date"])
        #expect(table.rows.map { $0[0] } == got.map(\.sentence))
        #expect(table.rows.allSatisfy { $0[1].isEmpty })
        #expect(table.rows.map { $0[3] } == got.map { $0.date?.description ?? "" })
        #expect(!LabelingSuggestions.csv(got, header: false).hasPrefix("text,"))
    }

    @Test func zeroCountGivesNothing() {
        #expect(LabelingSuggestions.leastSure(Self.sentences, classifier: TrustCorpus.model, count: 0).isEmpty)
    }
}
