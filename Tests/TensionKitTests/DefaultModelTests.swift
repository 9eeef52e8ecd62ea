import Foundation
import Testing
@testable import TensionKit

@Suite struct DefaultModelTests {
    static let shipped = TestSupport.packageRoot.appendingPathComponent("models/default.tensionmodel").path

    /// The shipped model must be exactly what `scripts/build-model.sh` makes from training-data/.
    @Test func shippedModelMatchesAFreshTraining() throws {
        let model = try ModelFile.read(path: Self.shipped)
        let folder = TestSupport.packageRoot.appendingPathComponent("training-data").path
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }.map { folder + "/" + $0 }
        let data = try LabeledDataset.load(paths: files)
        let fresh = try TextClassifier.train(data, options: model.options)
        // A Bool, not the arrays: a failure must not make the test library diff megabytes.
        let same = try ModelFile.encode(fresh) == (try [UInt8](Data(contentsOf: URL(fileURLWithPath: Self.shipped))))
        #expect(same, "models/default.tensionmodel is stale: run scripts/build-model.sh")
    }

    @Test func shippedModelHasTheGuideLabels() throws {
        let model = try ModelFile.read(path: Self.shipped)
        #expect(model.labels.sorted() == Stance.all.sorted())
    }

    @Test func locatorFindsTheModelAboveTheExecutable() throws {
        let exe = TestSupport.packageRoot.appendingPathComponent(".build/x86_64-unknown-linux-gnu/release/tension").path
        let found = DefaultModel.candidates(executablePath: exe, currentDirectory: "/", environment: [:])
        #expect(found.contains(Self.shipped))
        let installed = DefaultModel.candidates(executablePath: "/usr/local/bin/tension", currentDirectory: "/", environment: [:])
        #expect(installed.contains("/usr/local/share/tension/default.tensionmodel"))
        let env = DefaultModel.candidates(executablePath: exe, currentDirectory: "/", environment: ["TENSION_MODEL": "/x/m"])
        #expect(env.first == "/x/m")
    }
}
