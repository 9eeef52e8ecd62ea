import ArgumentParser
import TensionKit

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why the model labels each sentence as it does: probabilities and the n-grams behind each label.",
        discussion: """
            Each label's logit is its intercept plus one contribution per n-gram of the sentence, contribution = TF-IDF value x weight; the probabilities are the softmax of the logits. The n-grams with the largest positive contributions to a label pushed the sentence towards it.
            """)

    @Argument(help: "Sentences to explain (default: one per line from standard input).")
    var sentences: [String] = []

    @OptionGroup var model: ModelOptions

    @Option(name: .long, help: "Show this many n-grams per label.")
    var top: Int = 5

    @Option(name: .long, help: "Output format: text or json (one JSON object per line).")
    var format: ReportFormat = .text

    func validate() throws {
        if top < 0 { throw ValidationError("--top must be 0 or more (got \(top))") }
    }

    func run() throws {
        let classifier = try model.load()
        let texts = sentences.isEmpty ? Terminal.readStandardInputLines() : sentences
        let explanations = classifier.explain(texts)
        switch format {
        case .text: Terminal.write(explanations.map { $0.text(top: top) }.joined(separator: "\n"))
        case .json: Terminal.write(explanations.map { $0.json(top: top) + "\n" }.joined())
        }
    }
}
