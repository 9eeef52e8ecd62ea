import ArgumentParser
import TensionKit

/// `--model` and `--threads`, shared by every command that uses a trained model.
struct ModelOptions: ParsableArguments {
    @Option(name: .long, help: "The model file (default: the model that ships in models/).")
    var model: String?

    @Option(name: .long, help: "Threads to use (default: all cores). Results do not depend on it.")
    var threads: Int?

    func validate() throws {
        if let t = threads, t < 1 { throw ValidationError("--threads must be at least 1") }
    }

    var threadCount: Int { threads ?? Parallel.defaultThreads }

    /// Loads the chosen model or the default one.
    func load() throws -> TextClassifier {
        try ModelFile.read(path: try model ?? DefaultModel.locate())
    }
}
