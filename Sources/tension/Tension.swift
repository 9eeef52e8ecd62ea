import ArgumentParser
import TensionKit

@main
struct Tension: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tension",
        abstract: "Classify the stance of news sentences and chart how tension escalates day by day.",
        version: "0.1.0",
        subcommands: []
    )
}
