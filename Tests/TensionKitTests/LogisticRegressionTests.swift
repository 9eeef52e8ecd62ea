import Foundation
import Testing
@testable import TensionKit

@Suite struct LogisticRegressionTests {
    func smallProblem(weight: LogisticRegressionOptions.ClassWeight) throws -> (Objective, Int) {
        let texts = [
            "army fires missiles at border", "minister threatens retaliation", "troops mass near frontier",
            "leaders agree to resume talks", "envoy welcomes the ceasefire", "prisoners released in goodwill gesture",
            "parliament meets on tuesday", "markets closed higher", "talks on tuesday at the border",
        ]
        let targets = [0, 0, 0, 1, 1, 1, 2, 2, 2, 0].prefix(texts.count).map { $0 }
        let (_, m) = try TfidfVectorizer.fit(texts, options: TfidfOptions(), threads: 1)
        return (Objective(matrix: m, targets: targets, classes: 3, classWeight: weight, c: 3), m.columnCount)
    }

    @Test(arguments: [LogisticRegressionOptions.ClassWeight.none, .balanced])
    func gradientMatchesFiniteDifferences(_ weight: LogisticRegressionOptions.ClassWeight) throws {
        let (objective, _) = try smallProblem(weight: weight)
        var rng = SplitMix64(seed: 7)
        let theta = (0..<objective.dimension).map { _ in Double(rng.below(2001) - 1000) / 1000 }
        var g = [Double](repeating: 0, count: objective.dimension)
        _ = theta.withUnsafeBufferPointer { tp in g.withUnsafeMutableBufferPointer { objective.evaluate(tp.baseAddress!, gradient: $0.baseAddress!, threads: 1) } }
        let h = 1e-6
        var scratch = [Double](repeating: 0, count: objective.dimension)
        for i in stride(from: 0, to: objective.dimension, by: max(1, objective.dimension / 40)) {
            var plus = theta
            var minus = theta
            plus[i] += h
            minus[i] -= h
            let fp = plus.withUnsafeBufferPointer { p in scratch.withUnsafeMutableBufferPointer { objective.evaluate(p.baseAddress!, gradient: $0.baseAddress!, threads: 1) } }
            let fm = minus.withUnsafeBufferPointer { p in scratch.withUnsafeMutableBufferPointer { objective.evaluate(p.baseAddress!, gradient: $0.baseAddress!, threads: 1) } }
            let numeric = (fp - fm) / (2 * h)
            #expect(abs(numeric - g[i]) < 1e-6 * max(1, abs(numeric)), "component \(i): \(numeric) vs \(g[i])")
        }
        // The intercepts are the last three components.
        for i in (objective.dimension - 3)..<objective.dimension {
            var plus = theta
            var minus = theta
            plus[i] += h
            minus[i] -= h
            let fp = plus.withUnsafeBufferPointer { p in scratch.withUnsafeMutableBufferPointer { objective.evaluate(p.baseAddress!, gradient: $0.baseAddress!, threads: 1) } }
            let fm = minus.withUnsafeBufferPointer { p in scratch.withUnsafeMutableBufferPointer { objective.evaluate(p.baseAddress!, gradient: $0.baseAddress!, threads: 1) } }
            #expect(abs((fp - fm) / (2 * h) - g[i]) < 1e-6)
        }
    }

    @Test func trainingPredictionsFromTheBlocksMatchTheProbabilities() throws {
        // Enough rows for several of the objective's row chunks; a few iterations only, so that
        // many rows sit near a decision boundary.
        var rng = SplitMix64(seed: 11)
        let words = (0..<500).map { "w\($0)" }
        var texts: [String] = []
        var targets: [Int] = []
        for _ in 0..<30_000 {
            let label = rng.below(3)
            var sentence = rng.below(4) == 0 ? [] : ["marker\(label)"]
            for _ in 0..<(3 + rng.below(5)) { sentence.append(words[rng.below(words.count)]) }
            texts.append(sentence.joined(separator: " "))
            targets.append(label)
        }
        let (_, m) = try TfidfVectorizer.fit(texts, options: TfidfOptions(), threads: 2)
        let fitted = try LogisticRegression.fitPredictingTraining(
            m, targets: targets, labels: ["a", "b", "c"], options: LogisticRegressionOptions(maxIterations: 3), threads: 2)
        let p = fitted.model.probabilities(m, threads: 2)
        var mismatches = 0
        for i in 0..<texts.count where Int(fitted.predicted[i]) != p.withUnsafeBufferPointer({ TextClassifier.mostProbable(UnsafeBufferPointer(rebasing: $0[(i * 3)..<((i + 1) * 3)])) }) { mismatches += 1 }
        #expect(fitted.predicted.count == texts.count)
        #expect(mismatches == 0, "\(mismatches) rows differ")
        // Not a trivial answer: every class is predicted somewhere.
        #expect(Set(fitted.predicted).count == 3)
    }

    @Test func fitConvergesAndSeparatesTheClasses() throws {
        let texts = [
            "army fires missiles at border", "minister threatens retaliation", "troops mass near frontier",
            "leaders agree to resume talks", "envoy welcomes the ceasefire", "prisoners released in goodwill gesture",
            "parliament meets on tuesday", "markets closed higher", "weather stays mild",
        ]
        let targets = [0, 0, 0, 1, 1, 1, 2, 2, 2]
        let (_, m) = try TfidfVectorizer.fit(texts, options: TfidfOptions(), threads: 1)
        let (model, report) = try LogisticRegression.fit(m, targets: targets, labels: ["c", "w", "n"], options: LogisticRegressionOptions(c: 100), threads: 1)
        #expect(report.converged, "\(report.message)")
        #expect(report.gradientMax <= 1e-4)
        let p = model.probabilities(m, threads: 1)
        for i in 0..<9 {
            let row = Array(p[(i * 3)..<(i * 3 + 3)])
            #expect(row.firstIndex(of: row.max()!) == targets[i])
            #expect(abs(row.reduce(0, +) - 1) < 1e-12)
        }
    }

    @Test func singleLabelIsRefused() throws {
        let (_, m) = try TfidfVectorizer.fit(["one text", "two text"], options: TfidfOptions(), threads: 1)
        #expect(throws: TensionError.self) {
            try LogisticRegression.fit(m, targets: [0, 0], labels: ["only"], options: LogisticRegressionOptions(), threads: 1)
        }
    }

    @Test(arguments: [-1.0, 0, .infinity, .nan])
    func badCIsRefused(_ c: Double) {
        #expect(throws: TensionError.self) { try LogisticRegressionOptions(c: c).validate() }
    }
}
