import Foundation
import Testing
@testable import TensionKit

/// A hand-computed case of the expected calibration error.
struct CalibrationCase: Sendable, CustomTestStringConvertible {
    var confidences: [Double]
    var correct: [Bool]
    var ece: Double
    var note: String
    var testDescription: String { note }
}

@Suite struct TrustCalibrationTests {
    /// ECE = Σ_b (n_b / n) · |acc_b − conf_b|, worked out by hand for each case.
    static let cases: [CalibrationCase] = [
        CalibrationCase(confidences: [0.95, 0.95, 0.85, 0.85], correct: [true, false, true, true], ece: 0.5 * 0.45 + 0.5 * 0.15,
                        note: "over-confident top bin, under-confident next"),
        CalibrationCase(confidences: [0.5, 0.5], correct: [true, false], ece: 0, note: "calibrated at one half"),
        CalibrationCase(confidences: [1.0], correct: [true], ece: 0, note: "confidence 1 falls in the last bin"),
        CalibrationCase(confidences: [1.0, 0.35], correct: [false, false], ece: 0.5 * 1 + 0.5 * 0.35, note: "all wrong"),
        CalibrationCase(confidences: [], correct: [], ece: 0, note: "no sentences"),
        CalibrationCase(confidences: [0.6, 0.7, 0.8], correct: [true, true, true], ece: (0.4 + 0.3 + 0.2) / 3, note: "under-confident, one per bin"),
        CalibrationCase(confidences: [0.91, 0.99, 0.93, 0.97], correct: [true, true, true, false], ece: 0.2, note: "one bin, mean conf 0.95 vs 0.75"),
    ]

    @Test(arguments: cases)
    func expectedCalibrationErrorMatchesHandComputation(_ c: CalibrationCase) {
        let cal = Calibration(confidences: c.confidences, correct: c.correct)
        #expect(abs(cal.expectedCalibrationError - c.ece) < 1e-12)
        #expect(cal.bins.count == 10)
        #expect(cal.bins.map(\.count).reduce(0, +) == c.confidences.count)
        #expect(cal.count == c.confidences.count)
    }

    @Test(arguments: [(0.0, 0), (0.0999, 0), (0.1, 1), (0.5, 5), (0.999, 9), (1.0, 9), (-0.2, 0), (1.5, 9)])
    func binsAreEqualWidthAndClamped(_ c: Double, _ bin: Int) {
        #expect(Calibration.bin(of: c, binCount: 10) == bin)
    }

    @Test func binEdgesTileTheUnitInterval() {
        let cal = Calibration(confidences: [0.2], correct: [true], binCount: 4)
        #expect(cal.bins.map(\.lower) == [0, 0.25, 0.5, 0.75])
        #expect(cal.bins.map(\.upper) == [0.25, 0.5, 0.75, 1])
        #expect(cal.bins[0].count == 1 && cal.bins[0].meanConfidence == 0.2 && cal.bins[0].accuracy == 1)
    }

    @Test func modelCalibrationAgreesWithItsReport() throws {
        let m = TrustCorpus.model
        let d = TrustCorpus.dataset
        let predictions = m.predict(d.texts, threads: 1)
        let cal = Calibration(predictions: predictions, truth: d.labels)
        let report = m.evaluate(d, threads: 1)
        #expect(abs(cal.accuracy - report.accuracy) < 1e-12)
        // The ECE is the weighted gap of the bins it lists.
        let fromBins = cal.bins.map { Double($0.count) / Double(cal.count) * abs($0.accuracy - $0.meanConfidence) }.reduce(0, +)
        #expect(abs(fromBins - cal.expectedCalibrationError) < 1e-12)
        let meanTop = predictions.map { $0.probabilities.max()! }.reduce(0, +) / Double(predictions.count)
        #expect(abs(cal.meanConfidence - meanTop) < 1e-12)
        for b in cal.bins where b.count > 0 {
            #expect(b.meanConfidence >= b.lower && b.meanConfidence <= b.upper)
        }
    }

    @Test func jsonIsValid() throws {
        let c = Self.cases[0]
        let cal = Calibration(confidences: c.confidences, correct: c.correct)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(cal.json.utf8)) as? [String: Any])
        #expect(abs((object["ece"] as? Double ?? -1) - c.ece) < 1e-6)
        let bins = try #require(object["bins"] as? [[String: Any]])
        #expect(bins.count == 10)
        #expect(bins.map { $0["count"] as? Int ?? -1 } == cal.bins.map(\.count))
        #expect(cal.text.contains("0.9-1.0"))
        #expect(!cal.text.contains("0.0-0.1"))  // Empty bins are left out of the text table.
    }
}
