import Foundation
import Testing
@testable import TensionKit

@Suite struct TrustCrossValidationTests {
    static let result: CrossValidation = {
        do { return try CrossValidation.run(TrustCorpus.dataset, options: TrainingOptions(), k: 4, threads: 2) } catch { fatalError("\(error)") }
    }()

    @Test func foldsCoverEveryRowOnce() {
        let r = Self.result
        let n = TrustCorpus.dataset.count
        #expect(r.folds.count == 4)
        #expect(r.folds.map(\.testRows).reduce(0, +) == n)
        #expect(r.folds.allSatisfy { $0.trainingRows + $0.testRows == n })
        #expect(r.predictions.count == n && r.truth == TrustCorpus.dataset.labels)
    }

    @Test func meanAndSampleStandardDeviationOfTheFolds() {
        let r = Self.result
        let acc = r.folds.map(\.accuracy)
        let f1 = r.folds.map(\.macroF1)
        let meanAcc = acc.reduce(0, +) / 4
        #expect(abs(r.meanAccuracy - meanAcc) < 1e-12)
        #expect(abs(r.sdAccuracy - (acc.map { ($0 - meanAcc) * ($0 - meanAcc) }.reduce(0, +) / 3).squareRoot()) < 1e-12)
        let meanF1 = f1.reduce(0, +) / 4
        #expect(abs(r.meanMacroF1 - meanF1) < 1e-12)
        #expect(abs(r.sdMacroF1 - (f1.map { ($0 - meanF1) * ($0 - meanF1) }.reduce(0, +) / 3).squareRoot()) < 1e-12)
    }

    @Test func aFoldIsTheModelTrainedOnTheOtherFolds() throws {
        let d = TrustCorpus.dataset
        let folds = try DataSplit.folds(labels: d.labels, k: 4, seed: 1)
        let test = folds[2]
        let train = (0..<d.count).filter { !test.contains($0) }
        let model = try TextClassifier.train(d.subset(train), options: TrainingOptions(), threads: 1)
        let report = model.evaluate(d.subset(test), threads: 1)
        #expect(Self.result.folds[2].accuracy == report.accuracy)
        #expect(Self.result.folds[2].macroF1 == report.macroF1)
        let predicted = model.predict(d.subset(test).texts, threads: 1)
        #expect(test.map { Self.result.predictions[$0] } == predicted)
    }

    @Test func pooledAccuracyIsTheRowWeightedMeanOfTheFolds() {
        let r = Self.result
        let weighted = r.folds.map { $0.accuracy * Double($0.testRows) }.reduce(0, +) / Double(r.truth.count)
        #expect(abs(r.pooledReport.accuracy - weighted) < 1e-12)
        #expect(r.calibration.count == r.truth.count)
    }

    @Test func sameSeedSameResultWhateverTheThreads() throws {
        let again = try CrossValidation.run(TrustCorpus.dataset, options: TrainingOptions(), k: 4, threads: 1)
        #expect(again.folds == Self.result.folds)
        #expect(again.predictions == Self.result.predictions)
    }

    @Test func learnsSomethingOnUnseenFolds() {
        // Three balanced labels: guessing gives 1/3.
        #expect(Self.result.meanAccuracy > 0.5)
    }

    @Test(arguments: [1, 0, 49])
    func refusesImpossibleFoldCounts(_ k: Int) {
        #expect(throws: TensionError.self) {
            try CrossValidation.run(TrustCorpus.dataset, options: TrainingOptions(), k: k, threads: 1)
        }
    }

    static let deviations: [([Double], Double)] = [
        ([1, 2, 3, 4], (5.0 / 3).squareRoot()), ([5], 0), ([2, 2], 0), ([], 0), ([0, 1], 0.5.squareRoot()),
    ]

    @Test(arguments: deviations)
    func sampleStandardDeviation(_ values: [Double], _ sd: Double) {
        #expect(abs(CrossValidation.sampleSD(values) - sd) < 1e-12)
    }

    @Test func jsonAndTextReportTheFigures() throws {
        let r = Self.result
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.json.utf8)) as? [String: Any])
        #expect(object["k"] as? Int == 4)
        let f1 = try #require(object["macro_f1"] as? [String: Double])
        #expect(abs(f1["mean"]! - r.meanMacroF1) < 1e-6)
        #expect((object["folds"] as? [Any])?.count == 4)
        #expect(r.text.contains(String(format: "%.3f ± %.3f", r.meanMacroF1, r.sdMacroF1)))
    }
}
