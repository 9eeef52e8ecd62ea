import ArgumentParser
import TensionKit

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what a model holds: its training options, recorded metrics, size and top n-grams per label.")

    @Argument(help: "The model file (default: the model that ships in models/).")
    var modelPath: String?

    @Option(name: .long, help: "The model file, as the other commands take it (same as the argument).")
    var model: String?

    @Option(name: .long, help: "Show this many n-grams per label.")
    var top: Int = 15

    @Option(name: .long, help: "Output format: text or json.")
    var format: ReportFormat = .text

    func validate() throws {
        if modelPath != nil, model != nil { throw ValidationError("give the model either as an argument or with --model, not both") }
        if top < 0 { throw ValidationError("--top must be 0 or more (got \(top))") }
    }

    func run() throws {
        let path = try modelPath ?? model ?? DefaultModel.locate()
        let inspection = try ModelInspection.read(path: path, top: top)
        switch format {
        case .text: Terminal.write(inspection.text)
        case .json: Terminal.write(inspection.json + "\n")
        }
    }
}
