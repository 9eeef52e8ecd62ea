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
        let classifier: TextClassifier
        let texts: [String]
        if sentences.isEmpty {
            // Standard input is read and split on a second thread while the model loads.
            let lines = Terminal.readStandardInputLinesInBackground()
            classifier = try model.load()
            texts = lines.wait()
        } else {
            classifier = try model.load()
            texts = sentences
        }
        try Terminal.write(bytes: PredictionTable.header(labels: classifier.labels, format: format))
        for part in PredictionTable.render(texts: texts, classifier: classifier, format: format, threads: model.threadCount) {
            try Terminal.write(bytes: part)
        }
    }
}

enum RowFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, jsonl
}

/// Prints predictions as a table, CSV or JSON Lines.
enum PredictionTable {
    /// The bytes of the header line(s) of ``render(texts:predictions:labels:format:)``.
    static func header(labels: [String], format: RowFormat) -> [UInt8] {
        Array(render(texts: [], predictions: [], labels: labels, format: format).utf8)
    }

    /// The bytes of the rows of ``render(texts:predictions:labels:format:)`` for `classifier`'s
    /// predictions of `texts`, in parts to write in order: chunks of rows, each formatted
    /// straight to bytes on the thread that computed its probabilities.
    static func render(texts: [String], classifier: TextClassifier, format: RowFormat, threads: Int) -> [[UInt8]] {
        let labels = classifier.labels
        let k = labels.count
        // Each label's cell, written once: padded for the table, quoted for CSV and JSON.
        let labelCells: [[UInt8]] = labels.map { label in
            var cell: [UInt8] = []
            switch format {
            case .table: cell += label.padding(toLength: 13, withPad: " ", startingAt: 0).utf8
            case .csv: CSVText.append(label, to: &cell)
            case .jsonl: JSONText.append(label, to: &cell)
            }
            return cell
        }
        let jsonKeys: [[UInt8]] = labels.map { label in
            var key: [UInt8] = []
            JSONText.append(label, to: &key)
            return key + Array(": ".utf8)
        }
        let shared = SharedRows(texts: texts)
        return classifier.mapProbabilities(texts, threads: threads) { range, all in
            var out: [UInt8] = []
            out.reserveCapacity(range.count * 300)
            for (row, i) in range.enumerated() {
                let p = UnsafeBufferPointer(rebasing: all[(row * k)..<((row + 1) * k)])
                let best = TextClassifier.mostProbable(p)
                let text = shared.texts[i]
                switch format {
                case .table:
                    for v in p {
                        // A probability is at most "1.0000": 7 bytes before padding to 13.
                        let start = out.count
                        DecimalText.append(v, places: 4, to: &out)
                        let width = out.count - start
                        if width < 13 { out.insert(contentsOf: repeatElement(0x20, count: 13 - width), at: start) }
                    }
                    out.append(0x20)
                    out += labelCells[best]
                    out.append(0x20)
                    out += text.utf8
                case .csv:
                    CSVText.append(text, to: &out)
                    out.append(UInt8(ascii: ","))
                    out += labelCells[best]
                    for v in p {
                        out.append(UInt8(ascii: ","))
                        DecimalText.append(v, places: 4, to: &out)
                    }
                case .jsonl:
                    out += #"{"sentence": "#.utf8
                    JSONText.append(text, to: &out)
                    out += #", "label": "#.utf8
                    out += labelCells[best]
                    out += #", "probabilities": {"#.utf8
                    for (c, v) in p.enumerated() {
                        if c > 0 { out += ", ".utf8 }
                        out += jsonKeys[c]
                        JSONText.appendNumber(v, to: &out)
                    }
                    out += "}}".utf8
                }
                out.append(0x0A)
            }
            return out
        }
    }

    /// The texts, shared read-only by the chunks that format them.
    private struct SharedRows: Sendable {
        let texts: [String]
    }

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
