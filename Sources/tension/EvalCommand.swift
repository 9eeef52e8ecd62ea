import ArgumentParser
import TensionKit

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a model on a labelled CSV file: accuracy, macro-F1, per-label scores, confusion matrix, calibration.",
        discussion: """
            With --cv K, no model is loaded: the data is split into K stratified folds (seeded by --seed), a model is trained with the training options below on K-1 folds and scored on the other, and the mean and sample standard deviation of accuracy and macro-F1 over the folds are reported. With --cv and --c auto, every C of --c-grid is cross-validated and the table shows which is best.
            """)

    @Argument(help: "The labelled CSV files; several are joined.")
    var data: [String]

    @OptionGroup var model: ModelOptions
    @OptionGroup var columns: ColumnOptions

    @Option(name: .long, help: "Report format: text or json.")
    var format: ReportFormat = .text

    @Option(name: .long, help: "Cross-validate with K stratified folds instead of evaluating a model.")
    var cv: Int?

    @OptionGroup(title: "Training options (with --cv)") var training: TrainingArguments

    func validate() throws {
        if let k = cv {
            if k < 2 { throw ValidationError("--cv must be at least 2 (got \(k))") }
            if model.model != nil { throw ValidationError("--cv trains its own models; --model is not used with it") }
        } else if training.c == .auto {
            throw ValidationError("--c auto needs --cv K")
        }
    }

    func run() throws {
        let dataset = try LabeledDataset.load(paths: data, textColumn: columns.textColumn, labelColumn: columns.labelColumn)
        if let k = cv { return try crossValidate(dataset, k: k) }
        let classifier = try model.load()
        let predictions = classifier.predict(dataset.texts, threads: model.threadCount)
        let report = ClassificationReport(truth: dataset.labels, predicted: predictions.map(\.label), labels: classifier.labels)
        let calibration = Calibration(predictions: predictions, truth: dataset.labels)
        switch format {
        case .text: Terminal.write("\(dataset.count) sentences from \(data.joined(separator: ", "))\n\n" + report.text + "\n" + calibration.text)
        case .json: Terminal.write(Self.adding(["calibration": calibration.json], to: report.json) + "\n")
        }
    }

    private func crossValidate(_ dataset: LabeledDataset, k: Int) throws {
        let options = try training.options()
        let threads = model.threadCount
        if training.c == .auto {
            let search = try RegularizationSearch.run(dataset, options: options, grid: training.grid ?? RegularizationSearch.defaultGrid,
                                                      k: k, threads: threads)
            switch format {
            case .text: Terminal.write(search.text)
            case .json: Terminal.write(search.json + "\n")
            }
            return
        }
        let result = try CrossValidation.run(dataset, options: options, k: k, threads: threads)
        let pooled = result.pooledReport
        let calibration = result.calibration
        switch format {
        case .text:
            Terminal.write("\(dataset.count) sentences from \(data.joined(separator: ", "))\n\n" + result.text
                + "\nout-of-fold predictions of all \(dataset.count) sentences together:\n\n" + pooled.text + "\n" + calibration.text)
        case .json:
            Terminal.write(Self.adding(["pooled": pooled.json, "calibration": calibration.json], to: result.json) + "\n")
        }
    }

    /// `object` (JSON text of an object) with more keys appended, in key order.
    static func adding(_ members: [String: String], to object: String) -> String {
        var s = object
        precondition(s.hasSuffix("}"))
        s.removeLast()
        for key in members.keys.sorted() { s += ", " + JSONText.string(key) + ": " + members[key]! }
        return s + "}"
    }
}
