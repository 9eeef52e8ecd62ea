import ArgumentParser
import TensionKit

/// The articles to read: paths, their format, the file pattern and a date override.
struct ArticleInputOptions: ParsableArguments {
    @Argument(help: "Article files, folders (read recursively) or - for standard input.")
    var paths: [String] = []

    @Option(name: .long, help: "Input format: auto, text or jsonl ({\"id\", \"date\", \"text\"} per line).")
    var input: InputFormatArgument = .auto

    @Option(name: .long, help: "File pattern for folders.")
    var glob: String = "*.txt"

    @Option(name: .long, help: "Publication date (YYYY-MM-DD) for every article; overrides dates found in them.")
    var date: String?

    func validate() throws {
        if let date, Day(iso: date) == nil {
            throw ValidationError("--date must be a real date written YYYY-MM-DD (got \(date))")
        }
    }

    /// Reads the articles, printing a one-line warning for each file that is skipped.
    func read() throws -> [Article] {
        let reader = ArticleReader(format: input.value, glob: glob, dateOverride: date.flatMap { Day(iso: $0) })
        let (articles, warnings) = try reader.read(paths: paths, standardInput: Terminal.readStandardInput)
        for w in warnings { Terminal.printWarning(w.description) }
        return articles
    }
}

enum InputFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case auto, text, jsonl
    var value: ArticleInputFormat {
        switch self {
        case .auto: return .auto
        case .text: return .text
        case .jsonl: return .jsonl
        }
    }
}
