import ArgumentParser
import Foundation
import TensionKit

struct ChartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart",
        abstract: "Chart the daily escalation index of news articles in the terminal, as CSV, JSON or SVG.",
        discussion: """
            The index of a day is mean P(warning) - mean P(conciliatory) over its sentences, from -1 to +1; a sentence repeated word for word on one day counts once. Days without articles are gaps. Either score articles (PATH...) or read the JSON Lines of `tension score --format jsonl` (--scores).
            """)

    @OptionGroup var articles: ArticleInputOptions
    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "Read scored sentences from this JSON Lines file (- for standard input) instead of scoring articles.")
    var scores: String?

    @Option(name: .long, help: "First day to chart (YYYY-MM-DD).")
    var from: String?

    @Option(name: .long, help: "Last day to chart (YYYY-MM-DD).")
    var to: String?

    @Option(name: .long, help: "Group by day, week or month.")
    var by: GranularityArgument = .day

    @Option(name: .long, help: "Exponentially weighted smoothing with this half-life in days.")
    var smooth: Double?

    @Option(name: .long, help: "Output: chart, csv or json.")
    var format: ChartFormat = .chart

    @Flag(name: .long, help: "Draw with ASCII characters only.")
    var ascii = false

    @Option(name: .long, help: "Also write the chart as a standalone SVG file.")
    var svg: String?

    func validate() throws {
        if scores == nil, articles.paths.isEmpty {
            throw ValidationError("give article files or folders, or --scores FILE")
        }
        if scores != nil, !articles.paths.isEmpty {
            throw ValidationError("give either article paths or --scores, not both")
        }
        for (name, value) in [("--from", from), ("--to", to)] {
            if let value, Day(iso: value) == nil { throw ValidationError("\(name) must be a real date written YYYY-MM-DD (got \(value))") }
        }
        if let smooth, !(smooth > 0 && smooth.isFinite) { throw ValidationError("--smooth must be a positive number of days (got \(smooth))") }
    }

    func run() throws {
        let scored: [ScoredSentence]
        if let scores {
            let bytes: [UInt8]
            if scores == "-" {
                bytes = Terminal.readStandardInput()
            } else {
                guard let data = FileManager.default.contents(atPath: scores) else {
                    throw TensionError(.io, FileManager.default.fileExists(atPath: scores) ? "cannot be read" : "no such file", file: scores)
                }
                bytes = [UInt8](data)
            }
            scored = try ScoreJSONL.decode(bytes, file: scores == "-" ? "standard input" : scores)
        } else {
            let classifier = try model.load()
            scored = ArticleScorer(model: classifier).score(try articles.read(), threads: model.threadCount)
        }
        let options = SeriesOptions(from: from.flatMap { Day(iso: $0) }, to: to.flatMap { Day(iso: $0) }, by: by.value,
                                    smoothHalfLife: smooth)
        let series = try EscalationSeries.build(scored, options: options)
        if let svg {
            try AtomicFile.write(SVGChart.render(series, title: "Escalation index by \(by.rawValue)"), to: svg)
        }
        switch format {
        case .chart:
            let style = TerminalChartStyle.forStandardOutput(environment: ProcessInfo.processInfo.environment, ascii: ascii)
            Terminal.write(TerminalChart.render(series, style: style))
        case .csv: Terminal.write(SeriesFormatter.csv(series))
        case .json: Terminal.write(SeriesFormatter.json(series))
        }
    }
}

enum GranularityArgument: String, ExpressibleByArgument, CaseIterable {
    case day, week, month
    var value: ChartGranularity {
        switch self {
        case .day: return .day
        case .week: return .week
        case .month: return .month
        }
    }
}

enum ChartFormat: String, ExpressibleByArgument, CaseIterable {
    case chart, csv, json
}
