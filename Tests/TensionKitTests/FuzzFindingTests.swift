import Foundation
import Testing
@testable import TensionKit

/// Regression tests for faults found by fuzzing and by review of the readers; each names its
/// fault. The inputs that found them are also saved in `Fuzz/corpus/<target>/regression-*`.
@Suite struct FuzzFindingTests {
    /// A model file whose header holds options that training would refuse (here `ngramMax` 0,
    /// with an empty vocabulary so that the vocabulary check passes) was accepted, and then
    /// `predict` trapped on `1...0` in the n-gram loop. Loading must refuse it as `.model`.
    @Test(arguments: [0, -3, 5])
    func modelWithImpossibleOptionsIsRefused(ngramMax: Int) throws {
        var options = TrainingOptions()
        options.tfidf.ngramMax = ngramMax
        let vectorizer = try TfidfVectorizer(options: options.tfidf, features: [], idf: [])
        let regression = try LogisticRegression(labels: ["a", "b"], featureCount: 0, weights: [], intercepts: [0, 0])
        let bytes = try ModelFile.encode(try TextClassifier(vectorizer: vectorizer, regression: regression, options: options, summary: nil))
        #expect(throws: TensionError.self) { _ = try ModelFile.decode(bytes, file: "m") }
        do {
            _ = try ModelFile.decode(bytes, file: "m")
        } catch let error as TensionError {
            #expect(error.code == .model)
            #expect(error.file == "m")
            #expect(error.message.contains("--ngrams"))
        }
    }

    /// A model whose vocabulary, weights or sizes disagree (found by fuzz-model: a header that
    /// announces 25 n-grams over a malformed vocabulary) was refused by the vectorizer's or the
    /// regression's own check, whose `TensionError` named no file. Every load error must name it.
    @Test func modelErrorsNameTheFile() throws {
        let url = FuzzCorpusTests.corpus.appendingPathComponent("fuzz-model/regression-error-code.model")
        var bytes = [UInt8](try Data(contentsOf: url))
        let sum = ModelFile.fnv1a(bytes[..<(bytes.count - 8)])
        withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange((bytes.count - 8)..., with: $0) }
        do {
            _ = try ModelFile.decode(bytes, file: "m")
            Issue.record("the malformed model was accepted")
        } catch let error as TensionError {
            #expect(error.code == .model)
            #expect(error.file == "m")
        }
    }
}
