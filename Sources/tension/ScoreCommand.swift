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
            // Sentences are scored in batches across articles; an article's table is written
            // once all its sentences are scored.
            var pending: [ScoredSentence] = []
            var next = 0
            try scorer.forEachBatch(read, threads: model.threadCount) { batch in
                pending += batch
                var groups: [[ScoredSentence]] = []
                var start = 0
                while next < read.count, pending.count - start >= read[next].sentences.count {
                    let end = start + read[next].sentences.count
                    groups.append(Array(pending[start..<end]))
                    start = end
                    next += 1
                }
                pending.removeFirst(start)
                try Terminal.write(bytes: Array(ScoreTable.render(each: groups, labels: labels, width: width, threads: model.threadCount).utf8))
            }
            // Articles with no sentences left at the end still get their (empty) table.
            if next < read.count {
                let rest = read[next...].map { _ in [ScoredSentence]() }
                try Terminal.write(bytes: Array(ScoreTable.render(each: rest, labels: labels, width: width, threads: 1).utf8))
            }
        case .csv:
            Terminal.write(ScoreTable.csvHeader(labels: labels))
            try scorer.forEachBatch(read, threads: model.threadCount, transform: { ScoreTable.csvRowsUTF8($0, labels: labels, threads: 1) }) {
                try Terminal.write(bytes: $0)
            }
        case .jsonl:
            try scorer.forEachBatch(read, threads: model.threadCount, transform: { ScoreJSONL.encodeUTF8($0, threads: 1) }) {
                try Terminal.write(bytes: $0)
            }
        }
    }
}
