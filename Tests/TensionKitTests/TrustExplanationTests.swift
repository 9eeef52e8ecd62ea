import Foundation
import Testing
@testable import TensionKit

@Suite struct TrustExplanationTests {
    static let sentences = TrustCorpus.unseen + Array(TrustCorpus.dataset.texts.prefix(6))

    @Test(arguments: sentences)
    func contributionsAddUpToTheModelsLogits(_ sentence: String) {
        let m = TrustCorpus.model
        let e = Explanation(sentence: sentence, classifier: m)
        let row = m.vectorizer.transform([sentence], threads: 1).row(0)
        let logits = m.regression.logits(row)
        #expect(e.terms.count == row.count)
        for k in m.labels.indices {
            let sum = e.intercepts[k] + e.terms.map { $0.contributions[k] }.reduce(0, +)
            #expect(abs(sum - logits[k]) < 1e-9)
            #expect(abs(e.logits[k] - logits[k]) < 1e-9)
        }
        // Each contribution is the TF-IDF value times the weight.
        for t in e.terms {
            #expect(m.vectorizer.features[t.column] == t.ngram)
            for k in m.labels.indices {
                #expect(t.contributions[k] == t.value * m.regression.weights[t.column * m.labels.count + k])
            }
        }
    }

    @Test(arguments: sentences)
    func labelAndProbabilitiesMatchPredict(_ sentence: String) {
        let m = TrustCorpus.model
        let e = Explanation(sentence: sentence, classifier: m)
        let p = m.predict([sentence], threads: 1)[0]
        #expect(e.label == p.label)
        #expect(e.labels == m.labels)
        for (a, b) in zip(e.probabilities, p.probabilities) { #expect(abs(a - b) < 1e-12) }
        #expect(abs(e.probabilities.reduce(0, +) - 1) < 1e-12)
    }

    @Test func unknownWordsLeaveOnlyTheIntercepts() {
        let e = Explanation(sentence: "Zxq blorf wug.", classifier: TrustCorpus.model)
        #expect(e.terms.isEmpty)
        #expect(e.logits == e.intercepts)
        for k in e.labels.indices { #expect(e.top(k, count: 5).isEmpty) }
        #expect(e.text(top: 5).contains("none of this sentence's n-grams"))
    }

    @Test(arguments: [0, 1, 3, 100])
    func topIsPositiveSortedAndCapped(_ count: Int) {
        let e = Explanation(sentence: TrustCorpus.unseen[0], classifier: TrustCorpus.model)
        for k in e.labels.indices {
            let top = e.top(k, count: count)
            let positive = e.terms.filter { $0.contributions[k] > 0 }
            #expect(top.count == min(count, positive.count))
            #expect(top.allSatisfy { $0.contributions[k] > 0 })
            #expect(zip(top, top.dropFirst()).allSatisfy { $0.contributions[k] >= $1.contributions[k] })
            // Nothing left out beats the last one shown.
            if let last = top.last {
                let shown = Set(top.map(\.column))
                #expect(positive.filter { !shown.contains($0.column) }.allSatisfy { $0.contributions[k] <= last.contributions[k] })
            }
        }
    }

    @Test func warningWordsPushTowardsWarning() throws {
        let e = Explanation(sentence: "The general threatened to fire missiles at the border posts.", classifier: TrustCorpus.model)
        #expect(e.label == Stance.warning)
        let w = try #require(e.index(of: Stance.warning))
        let top = e.top(w, count: 3).map(\.ngram)
        #expect(!Set(top).isDisjoint(with: ["threatened", "fire", "missiles", "border"]))
    }

    @Test func jsonIsValidAndHoldsTheFigures() throws {
        let e = Explanation(sentence: TrustCorpus.unseen[1], classifier: TrustCorpus.model)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(e.json(top: 2).utf8)) as? [String: Any])
        #expect(object["label"] as? String == e.label)
        #expect(object["sentence"] as? String == e.sentence)
        let probabilities = try #require(object["probabilities"] as? [String: Double])
        #expect(Set(probabilities.keys) == Set(e.labels))
        let labels = try #require(object["labels"] as? [String: [String: Any]])
        for (k, name) in e.labels.enumerated() {
            let entry = try #require(labels[name])
            let top = try #require(entry["top"] as? [[String: Any]])
            #expect(top.map { $0["ngram"] as? String } == e.top(k, count: 2).map(\.ngram))
            let logit = try #require(entry["logit"] as? Double)
            #expect(abs(logit - e.logits[k]) < 1e-6)
        }
    }

    @Test func textNamesEveryLabelAndTheChosenOne() {
        let e = Explanation(sentence: TrustCorpus.unseen[0], classifier: TrustCorpus.model)
        let text = e.text(top: 3)
        #expect(text.contains("label:    \(e.label)"))
        for name in e.labels { #expect(text.contains("  \(name): logit")) }
        for t in e.top(e.index(of: e.label)!, count: 3) { #expect(text.contains(t.ngram)) }
    }

    @Test func explainKeepsOrder() {
        let list = TrustCorpus.model.explain(TrustCorpus.unseen)
        #expect(list.map(\.sentence) == TrustCorpus.unseen)
    }
}
