import ArgumentParser
import Foundation
import TensionKit

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train a model from a labelled CSV file and report held-out figures.",
        discussion: "The CSV needs a header; its text and label columns are chosen by name, in any order.")

    @Argument(help: "The labelled CSV files (RFC 4180, UTF-8, with a header row); several are joined.")
    var data: [String]

    @Option(name: .long, help: "Where to write the model (written to a temporary name, then renamed).")
    var output: String

    @OptionGroup var columns: ColumnOptions
    @OptionGroup var training: TrainingArguments

    @Option(name: .long, help: "A labelled CSV file to evaluate the model on after training.")
    var test: String?

    @Option(name: .long, help: "Hold out this fraction of the data (stratified, seeded) and evaluate on it, e.g. 0.2.")
    var holdout: Double?

    @Option(name: .long, help: "Threads to use (default: all cores). Results do not depend on it.")
    var threads: Int?

    @Option(name: .long, help: "Report format: text or json.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "With --c auto, the number of cross-validation folds.")
    var cv: Int = 5

    func validate() throws {
        if data.isEmpty { throw ValidationError("give at least one labelled CSV file") }
        if cv < 2 { throw ValidationError("--cv must be at least 2 (got \(cv))") }
        if test != nil, holdout != nil { throw ValidationError("give either --test or --holdout, not both") }
        if let h = holdout, !(h > 0 && h < 1) { throw ValidationError("--holdout must be a fraction between 0 and 1, such as 0.2 (got \(h))") }
        if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let threads = threads ?? Parallel.defaultThreads
        var options = try training.options()
        var all = try LabeledDataset.load(paths: data, textColumn: columns.textColumn, labelColumn: columns.labelColumn)
        if all.labelSet.count < 2 {
            throw TensionError(.data, "the training data has a single label (\(all.labelSet.first ?? "none"))", file: data.count == 1 ? data[0] : nil,
                               hint: "a classifier needs sentences of at least two labels; check --label-column")
        }
        var heldOut: LabeledDataset?
        var source: String?
        if let test {
            heldOut = try LabeledDataset.load(path: test, textColumn: columns.textColumn, labelColumn: columns.labelColumn)
            source = "test file \(test)"
        } else if let holdout {
            let split = try DataSplit.holdout(labels: all.labels, fraction: holdout, seed: options.seed)
            heldOut = all.subset(split.test)
            all = all.subset(split.train)
            source = "hold-out of \(Int((holdout * 100).rounded()))% (seed \(options.seed))"
        }
        if training.c == .auto {
            // The search sees only the training part, so held-out figures stay honest.
            let search = try RegularizationSearch.run(all, options: options, grid: training.grid ?? RegularizationSearch.defaultGrid,
                                                      k: cv, threads: threads)
            switch format {
            case .text: Terminal.write(search.text + "\n")
            case .json: Terminal.note(search.text)  // standard output keeps its single JSON report
            }
            options = search.chosenOptions
        }
        let trainingCount = all.count
        // Handed over, so that the texts are freed once vectorised (see TextClassifier.train).
        var classifier = try TextClassifier.train(consume all, options: options, threads: threads)
        if let report = classifier.summary?.convergence {
            Terminal.note("trained on \(trainingCount) sentences, \(classifier.vectorizer.featureCount) n-grams, labels \(classifier.labels.joined(separator: ", "))")
            Terminal.note("optimiser: \(report.message)")
        }
        if let heldOut {
            let report = classifier.evaluate(heldOut, threads: threads)
            classifier.summary?.heldOut = report
            classifier.summary?.heldOutSource = source
            switch format {
            case .text: Terminal.write("held-out figures (\(source!), \(heldOut.count) sentences)\n\n" + report.text)
            case .json: Terminal.write(report.json + "\n")
            }
        }
        try ModelFile.write(classifier, to: output)
        Terminal.note("model written to \(output)")
    }
}

/// `--text-column` and `--label-column`.
struct ColumnOptions: ParsableArguments {
    @Option(name: .long, help: "The name of the text column.")
    var textColumn: String = "text"

    @Option(name: .long, help: "The name of the label column.")
    var labelColumn: String = "label"
}

/// Feature and model options for training.
struct TrainingArguments: ParsableArguments {
    @Option(name: .long, help: "Use word n-grams of length 1 to N (1-4).")
    var ngrams: Int = 2

    @Option(name: .long, help: "Keep n-grams in at least this many documents (an integer) or this fraction of them (e.g. 0.001).")
    var minDf: String = "1"

    @Option(name: .long, help: "Keep n-grams in at most this many documents (an integer) or this fraction of them (e.g. 0.9).")
    var maxDf: String = "1.0"

    @Option(name: .long, help: "Keep only the N n-grams with the highest counts.")
    var maxFeatures: Int?

    @Option(name: .customLong("c"), help: "Inverse regularisation strength, as scikit-learn's C (larger fits more closely), or auto to choose it by cross-validation.")
    var c: CArgument = .value(10)

    @Option(name: .long, help: "With --c auto, the C values to try, comma-separated.")
    var cGrid: String = RegularizationSearch.defaultGrid.map { $0 == $0.rounded() ? String(Int($0)) : String($0) }.joined(separator: ",")

    @Option(name: .long, help: "Class weights: none or balanced.")
    var classWeight: ClassWeightArgument = .none

    @Option(name: .long, help: "The most L-BFGS iterations.")
    var maxIter: Int = 300

    @Option(name: .long, help: "Stop when the largest gradient component is at most this.")
    var tol: Double = 1e-4

    @Option(name: .long, help: "Seed of the hold-out split and cross-validation folds.")
    var seed: UInt64 = 1

    func validate() throws {
        guard (1...4).contains(ngrams) else { throw ValidationError("--ngrams must be 1, 2, 3 or 4 (got \(ngrams))") }
        if case .value(let v) = c, !(v > 0 && v.isFinite) { throw ValidationError("--c must be a positive number or auto (got \(v))") }
        guard grid != nil else { throw ValidationError("--c-grid must be positive numbers separated by commas, such as 0.1,1,10 (got \(cGrid))") }
        guard maxIter >= 1 else { throw ValidationError("--max-iter must be at least 1 (got \(maxIter))") }
        guard tol > 0 else { throw ValidationError("--tol must be positive (got \(tol))") }
        if let m = maxFeatures, m < 1 { throw ValidationError("--max-features must be at least 1 (got \(m))") }
        guard DocumentFrequencyLimit(minDf) != nil else { throw ValidationError("--min-df must be a whole number or a fraction from 0 to 1 (got \(minDf))") }
        guard DocumentFrequencyLimit(maxDf) != nil else { throw ValidationError("--max-df must be a whole number or a fraction from 0 to 1 (got \(maxDf))") }
    }

    func options() throws -> TrainingOptions {
        let tfidf = TfidfOptions(ngramMax: ngrams, minDF: DocumentFrequencyLimit(minDf)!, maxDF: DocumentFrequencyLimit(maxDf)!,
                                 maxFeatures: maxFeatures, sublinearTF: true)
        let lr = LogisticRegressionOptions(c: c.value ?? 10, classWeight: classWeight.value, maxIterations: maxIter, tolerance: tol)
        return TrainingOptions(tfidf: tfidf, regression: lr, seed: seed)
    }

    /// The C values of `--c-grid`, or nil when one is not a positive number.
    var grid: [Double]? {
        let values = cGrid.split(separator: ",").map { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil && $0! > 0 && $0!.isFinite }) else { return nil }
        return values.map { $0! }
    }
}

/// A value of `--c`: a number, or `auto` to choose one by cross-validation.
enum CArgument: ExpressibleByArgument, Equatable {
    case value(Double)
    case auto

    init?(argument: String) {
        if argument.lowercased() == "auto" { self = .auto } else if let v = Double(argument) { self = .value(v) } else { return nil }
    }

    var defaultValueDescription: String {
        switch self {
        case .value(let v): return v == v.rounded() ? String(Int(v)) : String(v)
        case .auto: return "auto"
        }
    }

    /// The number, or nil for auto.
    var value: Double? {
        if case .value(let v) = self { return v }
        return nil
    }
}

enum ClassWeightArgument: String, ExpressibleByArgument, CaseIterable {
    case none, balanced
    var value: LogisticRegressionOptions.ClassWeight { self == .none ? .none : .balanced }
}

enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
