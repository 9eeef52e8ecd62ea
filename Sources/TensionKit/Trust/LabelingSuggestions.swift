import Foundation

/// The sentences most worth labelling next: those the model is least sure of (uncertainty
/// sampling by margin), for `tension suggest`.
///
/// For a sentence with label probabilities sorted p₁ ≥ p₂ ≥ …:
///
///     margin = p₁ − p₂
///
/// from 0 (the model cannot choose between two labels) to 1 (certain). The sentences with the
/// smallest margins are where a new label teaches the model most. Duplicates (the same sentence
/// up to case, typographic folding and spacing, as wire copy repeats across outlets) are kept
/// once, at their first occurrence; sentences listed in `excluding` (say, the texts of the
/// training file) and empty sentences are skipped. Equal margins keep the input order.
public enum LabelingSuggestions {
    /// A sentence proposed for labelling.
    public struct Candidate: Equatable, Sendable {
        /// The article it comes from (its path or id).
        public var article: String
        /// The article's date, when known.
        public var date: Day?
        /// The sentence as written in the article.
        public var sentence: String
        /// The label the model would give it now.
        public var predicted: String
        /// p₁ − p₂.
        public var margin: Double
        /// The model's probability of each label, in model order.
        public var probabilities: [Double]
    }

    /// The `count` least-sure distinct sentences of `sentences`, least sure first.
    public static func leastSure(
        _ sentences: [(article: String, date: Day?, sentence: String)], classifier: TextClassifier, count: Int,
        excluding: [String] = [], threads: Int = Parallel.defaultThreads
    ) -> [Candidate] {
        guard count > 0 else { return [] }
        var seen = Set(excluding.map(key))
        var kept: [(article: String, date: Day?, sentence: String)] = []
        for s in sentences {
            let k = key(s.sentence)
            if k.isEmpty || !seen.insert(k).inserted { continue }
            kept.append(s)
        }
        let predictions = classifier.predict(kept.map(\.sentence), threads: threads)
        var candidates = zip(kept, predictions).map { s, p in
            Candidate(article: s.article, date: s.date, sentence: s.sentence, predicted: p.label,
                      margin: margin(p.probabilities), probabilities: p.probabilities)
        }
        // A stable sort on the margin alone keeps the input order among equal margins.
        let order = candidates.indices.sorted { candidates[$0].margin != candidates[$1].margin ? candidates[$0].margin < candidates[$1].margin : $0 < $1 }
        candidates = order.prefix(count).map { candidates[$0] }
        return candidates
    }

    /// p₁ − p₂ of `probabilities` (p₁ when there is one label, 0 for none).
    public static func margin(_ probabilities: [Double]) -> Double {
        var first = -Double.infinity, second = -Double.infinity
        for p in probabilities {
            if p > first { second = first; first = p } else if p > second { second = p }
        }
        guard first.isFinite else { return 0 }
        return second.isFinite ? first - second : first
    }

    /// The candidates as CSV with the header `text,label,article,date` and an empty label, ready
    /// to be labelled and appended to a training file (an undated article has an empty date).
    public static func csv(_ candidates: [Candidate], header: Bool = true) -> String {
        var out = header ? "text,label,article,date\n" : ""
        for c in candidates {
            out += CSVText.field(c.sentence) + ",," + CSVText.field(c.article) + "," + (c.date?.description ?? "") + "\n"
        }
        return out
    }

    /// The duplicate key of a sentence: folded, lower-cased, runs of white space made one space, trimmed.
    static func key(_ sentence: String) -> String {
        TextNormalizer.fold(sentence).lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
