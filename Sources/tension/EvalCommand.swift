import ArgumentParser
import TensionKit

struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate a model on a labelled CSV file: accuracy, macro-F1, per-label scores, confusion matrix.")

    @Argument(help: "The labelled CSV file.")
    var data: String

    @OptionGroup var model: ModelOptions
    @OptionGroup var columns: ColumnOptions

    @Option(name: .long, help: "Report format: text or json.")
    var format: ReportFormat = .text

    func run() throws {
        let classifier = try model.load()
        let dataset = try LabeledDataset.load(path: data, textColumn: columns.textColumn, labelColumn: columns.labelColumn)
        let report = classifier.evaluate(dataset, threads: model.threadCount)
        switch format {
        case .text: Terminal.write("\(dataset.count) sentences from \(data)\n\n" + report.text)
        case .json: Terminal.write(report.json + "\n")
        }
    }
}
