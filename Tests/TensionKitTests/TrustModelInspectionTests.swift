import Foundation
import Testing
@testable import TensionKit

@Suite struct TrustModelInspectionTests {
    @Test(arguments: [1, 5, 20])
    func topNGramsAreTheLargestWeights(_ top: Int) throws {
        let m = TrustCorpus.model
        let inspection = try ModelInspection(m, top: top)
        let k = m.labels.count
        for l in 0..<k {
            // Brute force: sort the whole vocabulary.
            let expected = m.vectorizer.features.indices
                .filter { m.regression.weights[$0 * k + l] > 0 }
                .sorted { a, b in
                    let wa = m.regression.weights[a * k + l], wb = m.regression.weights[b * k + l]
                    return wa != wb ? wa > wb : m.vectorizer.features[a] < m.vectorizer.features[b]
                }
                .prefix(top)
                .map { m.vectorizer.features[$0] }
            #expect(inspection.topNGrams[l].map(\.ngram) == Array(expected))
        }
    }

    @Test func warningWordsTopTheWarningLabel() throws {
        let m = TrustCorpus.model
        let inspection = try ModelInspection(m, top: 15)
        let w = try #require(m.labels.firstIndex(of: Stance.warning))
        let c = try #require(m.labels.firstIndex(of: Stance.conciliatory))
        let warningTop = Set(inspection.topNGrams[w].map(\.ngram))
        let conciliatoryTop = Set(inspection.topNGrams[c].map(\.ngram))
        #expect(warningTop.isDisjoint(with: conciliatoryTop))
        #expect(!warningTop.isDisjoint(with: ["fired", "threatened", "warned", "sanctions", "condemned", "border"]))
    }

    @Test func sizesAndOptions() throws {
        let m = TrustCorpus.model
        let inspection = try ModelInspection(m, top: 3)
        #expect(inspection.featureCount == m.vectorizer.featureCount)
        #expect(inspection.parameterCount == m.regression.weights.count + m.regression.intercepts.count)
        #expect(inspection.ngramLengths.count == m.options.tfidf.ngramMax)
        #expect(inspection.ngramLengths.reduce(0, +) == inspection.featureCount)
        #expect(inspection.ngramLengths[0] == m.vectorizer.features.filter { !$0.contains(" ") }.count)
        let encoded = try ModelFile.encode(m)
        #expect(inspection.fileSize == encoded.count)
        #expect(inspection.options == m.options)
        #expect(inspection.summary == m.summary)
    }

    @Test func readsAModelFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("trust-inspect-\(UUID().uuidString).model").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var o = TrainingOptions()
        o.regression.c = 3
        let m = try TextClassifier.train(TrustCorpus.dataset, options: o, threads: 1)
        try ModelFile.write(m, to: path)
        let inspection = try ModelInspection.read(path: path, top: 4)
        let size = try #require(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        #expect(inspection.fileSize == size)
        #expect(inspection.path == path)
        #expect(inspection.options.regression.c == 3)
        #expect(inspection.text.contains("C 3,"))
        #expect(inspection.text.contains("model: \(path)"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(inspection.json.utf8)) as? [String: Any])
        #expect(object["file_size"] as? Int == size)
        #expect((object["options"] as? [String: Any])?["c"] as? Double == 3)
        let top = try #require(object["top"] as? [String: [[String: Any]]])
        #expect(top[Stance.warning]?.map { $0["ngram"] as? String } == inspection.topNGrams[m.labels.firstIndex(of: Stance.warning)!].map(\.ngram))
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["training_rows"] as? Int == TrustCorpus.dataset.count)
    }

    @Test func missingFileIsAnIOError() {
        #expect(throws: TensionError.self) { try ModelInspection.read(path: "/nonexistent/trust.model") }
    }

    /// Values, how many to keep, and the indices expected (ties broken by the lower index here).
    @Test(arguments: [
        ([3.0, 1, 2], 2, [0, 2]),
        ([1.0, 1, 1], 2, [0, 1]),
        ([-1.0, 0, -2], 3, []),
        ([0.5, -1, 0.5, 4], 10, [3, 0, 2]),
        ([2.0, 5], 0, []),
    ])
    func largestKeepsTheTopPositiveValues(_ values: [Double], _ count: Int, _ expected: [Int]) {
        #expect(ModelInspection.largest(count: count, of: values.count, value: { values[$0] }, ordered: { $0 < $1 }) == expected)
    }
}
