import ArgumentParser
import TensionKit

struct PredictCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict",
        abstract: "Label sentences given as arguments, or one per line on standard input.")

    @Argument(help: "Sentences to label (default: one per line from standard input).")
    var sentences: [String] = []

    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "Output format: table, csv or jsonl.")
    var format: RowFormat = .table

    func run() throws {
        let classifier = try model.load()
        let texts = sentences.isEmpty ? Terminal.readStandardInputLines() : sentences
        let predictions = classifier.predict(texts, threads: model.threadCount)
        Terminal.write(PredictionTable.render(texts: texts, predictions: predictions, labels: classifier.labels, format: format))
    }
}

enum RowFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, jsonl
}

/// Prints predictions as a table, CSV or JSON Lines.
enum PredictionTable {
    static func render(texts: [String], predictions: [Prediction], labels: [String], format: RowFormat) -> String {
        var out = ""
        switch format {
        case .table:
            out += labels.map { pad(String($0.prefix(12)), 13) }.joined() + " label         sentence\n"
            for (t, p) in zip(texts, predictions) {
                out += p.probabilities.map { pad(fixed($0), 13) }.joined() + " " + p.label.padding(toLength: 13, withPad: " ", startingAt: 0) + " " + t + "\n"
            }
        case .csv:
            out += "sentence,label," + labels.map(CSVText.field).joined(separator: ",") + "\n"
            for (t, p) in zip(texts, predictions) {
                out += CSVText.field(t) + "," + CSVText.field(p.label) + "," + p.probabilities.map(fixed).joined(separator: ",") + "\n"
            }
        case .jsonl:
            for (t, p) in zip(texts, predictions) {
                let probs = zip(labels, p.probabilities).map { JSONText.string($0) + ": " + JSONText.number($1) }.joined(separator: ", ")
                out += "{\"sentence\": \(JSONText.string(t)), \"label\": \(JSONText.string(p.label)), \"probabilities\": {\(probs)}}\n"
            }
        }
        return out
    }

    static func fixed(_ v: Double) -> String { DecimalText.fixed(v, places: 4) }
    static func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
}

import Foundation
