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
        let scored = ArticleScorer(model: classifier).score(read, threads: model.threadCount)
        switch format {
        case .table: Terminal.write(ScoreTable.render(scored, labels: classifier.labels, width: Terminal.outputIsTerminal ? Terminal.width : nil))
        case .csv: Terminal.write(ScoreTable.csv(scored, labels: classifier.labels))
        case .jsonl: Terminal.write(ScoreJSONL.encode(scored))
        }
    }
}
