import ArgumentParser
import TensionKit

struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Label every sentence of news articles, with the probability of every label.",
        discussion: """
            Page boilerplate is dropped, each article is dated from its header lines, else from a date in its file name, else from --date (which also overrides); undated articles are reported as undated.
            """)

    @OptionGroup var articles: ArticleInputOptions
    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "Output format: table, csv or jsonl.")
    var format: RowFormat = .table

    func validate() throws {
        if articles.paths.isEmpty { throw ValidationError("give at least one article file, folder or - for standard input") }
    }

    func run() throws {
        let classifier = try model.load()
        let read = try articles.read()
        let scorer = ArticleScorer(model: classifier)
        let labels = classifier.labels
        switch format {
        case .table:
            // One article at a time: each table ends with that article's summary.
            let width = Terminal.outputIsTerminal ? Terminal.width : nil
            for article in read {
                Terminal.write(ScoreTable.render(scorer.score([article], threads: model.threadCount), labels: labels, width: width))
            }
        case .csv:
            Terminal.write(ScoreTable.csvHeader(labels: labels))
            scorer.forEachBatch(read, threads: model.threadCount) { Terminal.write(ScoreTable.csvRows($0, labels: labels)) }
        case .jsonl:
            scorer.forEachBatch(read, threads: model.threadCount) { Terminal.write(ScoreJSONL.encode($0)) }
        }
    }
}
