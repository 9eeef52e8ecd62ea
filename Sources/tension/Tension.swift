import ArgumentParser
import TensionKit

@main
struct Tension: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tension",
        abstract: "Classify the stance of news sentences and chart how tension escalates day by day.",
        discussion: """
            Labels follow the project's guide: warning (raises tension), conciliatory (lowers it), neutral. Without --model, commands use the default model that ships in models/.
            """,
        version: "0.1.0",
        subcommands: [TrainCommand.self, EvalCommand.self, PredictCommand.self, ScoreCommand.self, ChartCommand.self,
                      ExplainCommand.self, InspectCommand.self, SuggestCommand.self]
    )

    /// Runs the command, printing library errors as plain lines on standard error.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as TensionError {
            Terminal.printError(error.description)
            Foundation.exit(error.code == .option ? 64 : 1)
        } catch {
            exit(withError: error)
        }
    }
}

import Foundation
