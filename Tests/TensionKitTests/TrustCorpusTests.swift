import Foundation
import Testing
@testable import TensionKit

/// Invented sentences (written for these tests) of the three stances, and a model trained on them,
/// shared by the Trust suites.
enum TrustCorpus {
    static let warning = [
        "The defence minister threatened a strong military response to the border incursion.",
        "The army fired artillery shells across the frontier overnight.",
        "The government condemned the missile launch as a grave provocation.",
        "Officials warned that any further drills would cross a red line.",
        "The ministry summoned the ambassador to protest the naval seizure.",
        "The president vowed stern retaliation against the rebel attacks.",
        "Troops massed along the border as the standoff deepened.",
        "The alliance accused the regime of violating the ceasefire.",
        "The foreign ministry denounced the sanctions as hostile pressure.",
        "Rebels shelled the capital and threatened more strikes.",
        "The navy fired warning shots at the patrol boats.",
        "Leaders warned of retaliation after the drone strike on the base.",
        "The regime tested another ballistic missile in defiance of the ban.",
        "Police cracked down on protesters and arrested opposition leaders.",
        "The spokesman blamed the neighbour for the deadly shelling.",
        "The council imposed new sanctions and expelled three diplomats.",
    ]
    static let conciliatory = [
        "The two leaders agreed to resume peace talks next month.",
        "The minister called for calm and restraint on both sides.",
        "Both governments signed a trade and cultural cooperation agreement.",
        "The president welcomed the release of the prisoners.",
        "Officials praised the dialogue and hoped for lasting peace.",
        "The neighbours reopened the hotline and pledged to keep talking.",
        "The government offered humanitarian aid to the flooded region.",
        "The envoy thanked the mediators for the peaceful solution.",
        "The rivals agreed to a truce and a gradual withdrawal of troops.",
        "The council lifted the sanctions after the talks succeeded.",
        "The premier invited his counterpart for a friendly summit.",
        "Both sides pledged cooperation and expressed hope for good relations.",
        "The ministry apologised and promised dialogue to resolve the dispute.",
        "The leaders congratulated each other on the peace agreement.",
        "The envoy reassured the public that talks would continue calmly.",
        "The government welcomed the offer of negotiation and aid.",
    ]
    static let neutral = [
        "The summit will take place in the capital on Tuesday.",
        "The delegation arrived at the airport in the afternoon.",
        "Heavy rain is expected across the region this weekend.",
        "The football team won the match by two goals.",
        "Shares in the company rose three percent on Monday.",
        "The committee meets every year in the spring.",
        "The report was published by the statistics office.",
        "The museum opened a new exhibition of old maps.",
        "The train schedule changes at the start of the month.",
        "The minister visited a school and a hospital in the province.",
        "The court adjourned the trial of the bank clerk until June.",
        "The agreement runs for five years and covers three ports.",
        "The conference hall holds about two thousand people.",
        "The new bridge connects the two halves of the city.",
        "The festival attracts many tourists every summer.",
        "The weather office recorded the warmest day of the year.",
    ]

    /// The corpus as a labelled data set, labels interleaved so that no label is in one block.
    static let dataset: LabeledDataset = {
        var texts: [String] = []
        var labels: [String] = []
        for i in 0..<warning.count {
            for (label, list) in [(Stance.warning, warning), (Stance.conciliatory, conciliatory), (Stance.neutral, neutral)] {
                texts.append(list[i])
                labels.append(label)
            }
        }
        return LabeledDataset(texts: texts, labels: labels)
    }()

    /// A model trained on the whole corpus with the default options.
    static let model: TextClassifier = {
        do { return try TextClassifier.train(dataset, options: TrainingOptions(), threads: 2) } catch { fatalError("training failed: \(error)") }
    }()

    /// Sentences the model has not seen, written for these tests.
    static let unseen = [
        "The general threatened to fire missiles at the border posts.",
        "The ministers agreed to resume talks and called for calm.",
        "The exhibition opens on Tuesday in the city museum.",
        "Zxq blorf wug.",
        "",
    ]
}

@Suite struct TrustCorpusTests {
    @Test func corpusIsBalancedAndDistinct() {
        let d = TrustCorpus.dataset
        #expect(d.count == 48)
        #expect(Set(d.texts).count == d.count)
        #expect(d.labelSet == [Stance.conciliatory, Stance.neutral, Stance.warning])
    }

    @Test func modelLearnsTheCorpus() throws {
        let m = TrustCorpus.model
        #expect(m.labels == [Stance.conciliatory, Stance.neutral, Stance.warning])
        let summary = try #require(m.summary)
        #expect(summary.trainingAccuracy == 1)
        let labels = m.predict(Array(TrustCorpus.unseen.prefix(3)), threads: 1).map(\.label)
        #expect(labels == [Stance.warning, Stance.conciliatory, Stance.neutral])
    }
}
