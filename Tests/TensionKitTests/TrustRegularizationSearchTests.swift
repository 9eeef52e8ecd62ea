import Foundation
import Testing
@testable import TensionKit

@Suite struct TrustRegularizationSearchTests {
    static let search: RegularizationSearch = {
        do {
            return try RegularizationSearch.run(TrustCorpus.dataset, options: TrainingOptions(), grid: [10, 0.01, 1, 10], k: 3, threads: 2)
        } catch { fatalError("\(error)") }
    }()

    /// Scores in ascending C order and the index that must be chosen: the best, ties to the smallest C.
    @Test(arguments: [
        ([0.5, 0.7, 0.7], 1),
        ([0.9, 0.9], 0),
        ([0.1], 0),
        ([0.3, 0.8, 0.8 + 1e-12, 0.2], 1),
        ([0.2, 0.5, 0.4], 1),
        ([0.2, 0.5, 0.5 + 1e-6], 2),
        ([0.0, 0.0, 0.0], 0),
    ])
    func choosesTheBestAndTheSmallestCOnATie(_ scores: [Double], _ index: Int) {
        #expect(RegularizationSearch.choose(scores) == index)
    }

    @Test func gridIsSortedWithoutDuplicates() {
        #expect(Self.search.results.map(\.options.regression.c) == [0.01, 1, 10])
    }

    @Test func chosenCHasTheBestMeanMacroF1() {
        let s = Self.search
        let best = s.results.map(\.meanMacroF1).max()!
        #expect(s.results[s.chosenIndex].meanMacroF1 == best)
        #expect(s.results[..<s.chosenIndex].allSatisfy { $0.meanMacroF1 < best - RegularizationSearch.tolerance })
        #expect(s.chosenOptions.regression.c == s.chosen)
        // Everything but C is the recipe it was given.
        var other = s.chosenOptions
        other.regression.c = TrainingOptions().regression.c
        #expect(other == TrainingOptions())
    }

    @Test func eachRowIsThatCsCrossValidation() throws {
        var o = TrainingOptions()
        o.regression.c = 1
        let direct = try CrossValidation.run(TrustCorpus.dataset, options: o, k: 3, threads: 1)
        let row = try #require(Self.search.results.first { $0.options.regression.c == 1 })
        #expect(row.folds == direct.folds)
    }

    @Test func heavyRegularisationDoesWorseThanLight() {
        // With C = 0.01 the weights can hardly move from zero; C = 10 fits the corpus.
        let r = Self.search.results
        #expect(r[0].meanMacroF1 < r[2].meanMacroF1)
    }

    @Test(arguments: [[Double](), [1, -1], [0], [.infinity]])
    func refusesBadGrids(_ grid: [Double]) {
        #expect(throws: TensionError.self) {
            try RegularizationSearch.run(TrustCorpus.dataset, options: TrainingOptions(), grid: grid, k: 3, threads: 1)
        }
    }

    @Test func reportSaysWhichAndWhy() throws {
        let s = Self.search
        let c = CrossValidation.format(s.chosen)
        #expect(s.reason.hasPrefix("C \(c) has the highest mean macro-F1"))
        #expect(s.text.contains("<- chosen"))
        #expect(s.text.components(separatedBy: "\n").filter { $0.contains("<- chosen") }.count == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(s.json.utf8)) as? [String: Any])
        #expect(object["chosen"] as? Double == s.chosen)
        #expect((object["grid"] as? [Any])?.count == 3)
        #expect(object["reason"] as? String == s.reason)
    }
}
