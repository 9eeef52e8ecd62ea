import Foundation

/// Chooses the regularisation strength C of logistic regression by cross-validation.
///
/// Every C of the grid is cross-validated with the same folds (``CrossValidation``, same seed);
/// the chosen C has the highest mean macro-F1 over the folds. Macro-F1 rather than accuracy,
/// because a stance tracker must find the rare labels too. Means within `tolerance` (1e-9) of
/// the best count as a tie, and a tie goes to the smallest C: the simplest model that does as well.
public struct RegularizationSearch: Sendable {
    /// The default grid: half-decades from 0.1 to 100.
    public static let defaultGrid: [Double] = [0.1, 0.3, 1, 3, 10, 30, 100]
    /// Means closer than this to the best count as ties.
    public static let tolerance = 1e-9

    /// The cross-validation of each C, in grid order (ascending C).
    public var results: [CrossValidation]
    /// The index of the chosen C in ``results``.
    public var chosenIndex: Int

    /// The chosen C.
    public var chosen: Double { results[chosenIndex].options.regression.c }
    /// The options of the base recipe with the chosen C.
    public var chosenOptions: TrainingOptions { results[chosenIndex].options }

    /// Cross-validates `options` with each C of `grid` (sorted, duplicates dropped) on `data`
    /// with `k` folds, and picks the best.
    ///
    /// Throws `.option` for an empty grid or a C that is not a positive number, and what
    /// ``CrossValidation/run(_:options:k:threads:)`` throws.
    public static func run(_ data: LabeledDataset, options: TrainingOptions, grid: [Double] = defaultGrid, k: Int = 5,
                           threads: Int = Parallel.defaultThreads) throws -> RegularizationSearch {
        let cs = Array(Set(grid)).sorted()
        guard !cs.isEmpty else { throw TensionError(.option, "the grid of C values is empty") }
        for c in cs where !(c > 0 && c.isFinite) {
            throw TensionError(.option, "every C of the grid must be a positive number (got \(c))")
        }
        var results: [CrossValidation] = []
        for c in cs {
            var o = options
            o.regression.c = c
            results.append(try CrossValidation.run(data, options: o, k: k, threads: threads))
        }
        return RegularizationSearch(results: results, chosenIndex: choose(results.map(\.meanMacroF1)))
    }

    /// The index of the best score: the highest, and of several within ``tolerance`` of it,
    /// the first (with scores in ascending C order, the smallest C).
    public static func choose(_ scores: [Double]) -> Int {
        precondition(!scores.isEmpty)
        let best = scores.max()!
        return scores.firstIndex { $0 >= best - tolerance }!
    }

    /// Why ``chosen`` was picked, in one or two sentences.
    public var reason: String {
        let r = results[chosenIndex]
        func f(_ v: Double) -> String { String(format: "%.3f", v) }
        var out = "C \(CrossValidation.format(chosen)) has the highest mean macro-F1 over \(r.k) folds, \(f(r.meanMacroF1)) ± \(f(r.sdMacroF1))"
        let tied = results.indices.filter { $0 != chosenIndex && results[$0].meanMacroF1 >= r.meanMacroF1 - Self.tolerance }
        if !tied.isEmpty {
            out += "; it ties with C " + tied.map { CrossValidation.format(results[$0].options.regression.c) }.joined(separator: ", ")
                + " and is the smallest, so the most regularised"
        } else if let second = results.indices.filter({ $0 != chosenIndex }).max(by: { results[$0].meanMacroF1 < results[$1].meanMacroF1 }) {
            let s = results[second]
            out += "; the next best, C \(CrossValidation.format(s.options.regression.c)), has \(f(s.meanMacroF1))"
            if r.meanMacroF1 - s.meanMacroF1 < r.sdMacroF1 {
                out += " (a gap smaller than one standard deviation: either would do)"
            }
        }
        if results.count > 1, chosenIndex == 0 || chosenIndex == results.count - 1 {
            out += ". It is at the edge of the grid: a \(chosenIndex == 0 ? "smaller" : "larger") C might do better"
        }
        return out + "."
    }

    /// The table of C against mean ± sd of accuracy and macro-F1, the chosen row marked, then ``reason``.
    public var text: String {
        func f(_ v: Double) -> String { String(format: "%.3f", v) }
        let k = results.first?.k ?? 0
        var out = "choosing C by \(k)-fold stratified cross-validation (seed \(results.first?.options.seed ?? 0))\n\n"
        out += "        C    accuracy          macro-F1\n"
        for (i, r) in results.enumerated() {
            let c = CrossValidation.format(r.options.regression.c)
            out += String(repeating: " ", count: max(0, 9 - c.count)) + c
                + "    \(f(r.meanAccuracy)) ± \(f(r.sdAccuracy))    \(f(r.meanMacroF1)) ± \(f(r.sdMacroF1))"
                + (i == chosenIndex ? "   <- chosen" : "") + "\n"
        }
        return out + "\n" + reason + "\n"
    }

    /// As one JSON object: `chosen`, `reason`, `k`, and `grid` (each `c`, `accuracy` and `macro_f1` with `mean`, `sd`).
    public var json: String {
        let rows = results.map {
            "{\"c\": \(JSONText.number($0.options.regression.c)), \"accuracy\": {\"mean\": \(JSONText.number($0.meanAccuracy)), \"sd\": \(JSONText.number($0.sdAccuracy))}, \"macro_f1\": {\"mean\": \(JSONText.number($0.meanMacroF1)), \"sd\": \(JSONText.number($0.sdMacroF1))}}"
        }
        return "{\"chosen\": \(JSONText.number(chosen)), \"reason\": \(JSONText.string(reason)), \"k\": \(results.first?.k ?? 0), \"grid\": [" + rows.joined(separator: ", ") + "]}"
    }
}
