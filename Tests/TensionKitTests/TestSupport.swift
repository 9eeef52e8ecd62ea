import Foundation
@testable import TensionKit

/// Helpers shared by the test suites.
enum TestSupport {
    /// The package's root folder.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared` beside the package, where the team's real articles and benchmark sets live; nil when absent.
    static let shared: URL? = {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// A fresh temporary folder.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tension-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Invented labelled sentences, enough to train a small three-label model.
    static let sentences: [(String, String)] = [
        ("The army fired artillery shells across the border overnight", "warning"),
        ("The minister threatened a firm response to any incursion", "warning"),
        ("Troops massed near the frontier as drills began", "warning"),
        ("The government condemned the missile launch as a provocation", "warning"),
        ("Police cracked down on protesters and arrested dozens", "warning"),
        ("The foreign ministry summoned the ambassador to protest the seizure", "warning"),
        ("Militants bombed a checkpoint, killing four soldiers", "warning"),
        ("Officials warned that sanctions would follow if the tests continued", "warning"),
        ("The two leaders agreed to resume talks next month", "conciliatory"),
        ("The envoy welcomed the ceasefire and praised both sides", "conciliatory"),
        ("Prisoners were released in a goodwill gesture", "conciliatory"),
        ("Both governments called for calm and restraint", "conciliatory"),
        ("The ministers signed a trade and cultural cooperation agreement", "conciliatory"),
        ("Aid convoys reached the flooded villages with help from the neighbours", "conciliatory"),
        ("The president said his country does not seek confrontation", "conciliatory"),
        ("The hotline between the militaries was reopened", "conciliatory"),
        ("Parliament will meet on Tuesday to discuss the budget", "neutral"),
        ("Markets closed slightly higher after a quiet session", "neutral"),
        ("The summit will be held in the capital in June", "neutral"),
        ("The city reported mild weather and light rain", "neutral"),
        ("The report was published by the statistics office", "neutral"),
        ("The delegation arrived in the afternoon", "neutral"),
        ("The football team won its third match of the season", "neutral"),
        ("The agreement covers fisheries, ports and customs procedures", "neutral"),
    ]

    /// ``sentences`` as a data set.
    static var dataset: LabeledDataset {
        LabeledDataset(texts: sentences.map(\.0), labels: sentences.map(\.1))
    }

    /// ``sentences`` as CSV text.
    static var csv: String {
        "text,label\n" + sentences.map { CSVText.field($0.0) + "," + $0.1 }.joined(separator: "\n") + "\n"
    }

    /// A small model trained on ``sentences``.
    static func model() throws -> TextClassifier {
        try TextClassifier.train(dataset, options: TrainingOptions(), threads: 1)
    }

    /// The built `tension` executable beside the test bundle.
    static var executable: URL {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("tension")
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDir), !isDir.boolValue { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/tension")
    }

    /// Runs the `tension` executable and returns its exit status, standard output and standard error.
    static func run(_ arguments: [String], input: String? = nil, environment: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        p.environment = env
        let out = Pipe()
        let err = Pipe()
        let inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let input { inp.fileHandleForWriting.write(Data(input.utf8)) }
        try inp.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile()
        let e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }
}
