import ArgumentParser
import Foundation
import TensionKit

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Pick the sentences the model is least sure of, as CSV rows ready to label.",
        discussion: """
            Sentences are ranked by the margin between their two most probable labels, smallest first; repeated sentences and sentences already in --exclude files appear once or not at all. Output columns: text,label,article,date with an empty label. Label them, then append them to a training file (tension train reads the text and label columns by name and ignores the others).
            """)

    @OptionGroup var articles: ArticleInputOptions
    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "How many sentences to suggest.")
    var count: Int = 20

    @Option(name: .long, parsing: .upToNextOption, help: "Labelled CSV files whose sentences are not to be suggested again.")
    var exclude: [String] = []

    @Flag(name: .long, help: "Leave out the header row (for appending to an existing file).")
    var noHeader = false

    func validate() throws {
        if articles.paths.isEmpty { throw ValidationError("give at least one article file, folder or - for standard input") }
        if count < 1 { throw ValidationError("--count must be at least 1 (got \(count))") }
    }

    func run() throws {
        let classifier = try model.load()
        let excluded = exclude.isEmpty ? [] : try LabeledDataset.load(paths: exclude).texts
        let sentences = try articles.read().flatMap { a in a.sentences.map { (article: a.name, date: a.date, sentence: $0) } }
        let picked = LabelingSuggestions.leastSure(sentences, classifier: classifier, count: count, excluding: excluded,
                                                   threads: model.threadCount)
        Terminal.write(LabelingSuggestions.csv(picked, header: !noHeader))
    }
}
