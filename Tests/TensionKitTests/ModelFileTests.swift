import Foundation
import Testing
@testable import TensionKit

@Suite struct ModelFileTests {
    @Test func saveAndLoadRoundTrip() throws {
        let model = try TestSupport.model()
        let bytes = try ModelFile.encode(model)
        let loaded = try ModelFile.decode(bytes, file: "m")
        #expect(loaded.labels == model.labels)
        #expect(loaded.vectorizer.features == model.vectorizer.features)
        #expect(loaded.vectorizer.idf == model.vectorizer.idf)
        #expect(loaded.regression.weights == model.regression.weights)
        #expect(loaded.regression.intercepts == model.regression.intercepts)
        #expect(loaded.options == model.options)
        #expect(loaded.summary == model.summary)
        let texts = ["Troops fired shells at the border", "Leaders agreed to talks", "Markets were quiet"]
        #expect(loaded.predict(texts) == model.predict(texts))
        #expect(try ModelFile.encode(loaded) == bytes)
    }

    @Test func sameDataGivesSameBytesWhateverTheThreads() throws {
        let a = try ModelFile.encode(try TextClassifier.train(TestSupport.dataset, options: TrainingOptions(), threads: 1))
        let b = try ModelFile.encode(try TextClassifier.train(TestSupport.dataset, options: TrainingOptions(), threads: 3))
        #expect(a == b)
    }

    /// Large enough that every parallel path cuts its work into several pieces: the vectoriser's
    /// text chunks (8,192 texts), the objective's row chunks (10,922 rows at K = 3) and feature
    /// ranges (21,845 features), and the optimiser's blocked dot products (65,536 numbers).
    @Test func manyChunksGiveTheSameBytesWhateverTheThreads() throws {
        var rng = SplitMix64(seed: 3)
        let words = (0..<4000).map { "w\($0)" }
        let labels = ["warning", "conciliatory", "neutral"]
        var texts: [String] = []
        var targets: [String] = []
        for _ in 0..<24_000 {
            let label = rng.below(3)
            var sentence = ["marker\(label)"]
            for _ in 0..<(5 + rng.below(6)) { sentence.append(words[rng.below(words.count)]) }
            texts.append(sentence.shuffled(using: &rng).joined(separator: " "))
            targets.append(labels[label])
        }
        let data = LabeledDataset(texts: texts, labels: targets)
        let options = TrainingOptions(regression: LogisticRegressionOptions(maxIterations: 12))
        let one = try TextClassifier.train(data, options: options, threads: 1)
        #expect(one.vectorizer.featureCount * 3 > 2 * 65_536, "the test must span several dot-product blocks")
        let a = try ModelFile.encode(one)
        let b = try ModelFile.encode(try TextClassifier.train(data, options: options, threads: 3))
        // A Bool, not the arrays: a failure must not make the test library diff megabytes.
        let same = a == b
        #expect(same, "the model bytes differ between 1 and 3 threads")
    }

    @Test func truncatedFilesAreReported() throws {
        let bytes = try ModelFile.encode(try TestSupport.model())
        for cut in [0, 5, 8, 12, 20, bytes.count / 2, bytes.count - 9, bytes.count - 1] {
            do {
                _ = try ModelFile.decode(Array(bytes[..<cut]), file: "m")
                Issue.record("cut at \(cut) was accepted")
            } catch let e as TensionError {
                #expect(e.code == .model)
                #expect(e.file == "m")
            }
        }
    }

    @Test func corruptedBytesFailTheChecksum() throws {
        var bytes = try ModelFile.encode(try TestSupport.model())
        bytes[bytes.count / 2] ^= 0x40
        do {
            _ = try ModelFile.decode(bytes, file: "m")
            Issue.record("corrupted file was accepted")
        } catch let e as TensionError {
            #expect(e.message.contains("checksum") || e.message.contains("truncated") || e.message.contains("more than"))
        }
    }

    @Test func newerVersionIsNamed() throws {
        var bytes = try ModelFile.encode(try TestSupport.model())
        bytes[8] = 9
        do {
            _ = try ModelFile.decode(bytes, file: "m")
            Issue.record("newer version was accepted")
        } catch let e as TensionError {
            #expect(e.message.contains("format version 9"))
        }
    }

    @Test func otherFilesAreNotModels() {
        #expect(throws: TensionError.self) { try ModelFile.decode(Array("text,label\nhello,a\n".utf8), file: "m") }
    }

    @Test func writingIsAtomicAndLeavesNoTemporaryFiles() throws {
        let dir = try TestSupport.temporaryFolder()
        let path = dir.appendingPathComponent("m.tensionmodel").path
        try ModelFile.write(try TestSupport.model(), to: path)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["m.tensionmodel"])
        #expect(throws: TensionError.self) { try ModelFile.write(try TestSupport.model(), to: dir.path + "/missing/m") }
    }
}
