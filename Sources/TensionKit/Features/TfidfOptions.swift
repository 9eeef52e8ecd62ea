/// A document-frequency bound given as a count of documents or as a fraction of them, as
/// scikit-learn's `min_df` and `max_df` take an `int` or a `float`.
public enum DocumentFrequencyLimit: Codable, Equatable, Sendable, CustomStringConvertible {
    /// At least or at most this many documents.
    case count(Int)
    /// At least or at most this fraction of the documents, 0...1.
    case fraction(Double)

    /// Parses `"2"` as a count and `"0.5"` (anything with a decimal point) as a fraction.
    public init?(_ text: String) {
        if text.contains(".") || text.contains("e") {
            guard let f = Double(text), f >= 0, f <= 1 else { return nil }
            self = .fraction(f)
        } else {
            guard let c = Int(text), c >= 0 else { return nil }
            self = .count(c)
        }
    }

    /// The bound in documents for a corpus of `documents`: a fraction f gives ⌈f·n⌉ as a lower
    /// bound and ⌊f·n⌋ as an upper bound, as scikit-learn rounds them.
    public func documents(of documents: Int, upper: Bool) -> Int {
        switch self {
        case .count(let c): return c
        case .fraction(let f):
            let x = f * Double(documents)
            return upper ? Int(x.rounded(.down)) : Int(x.rounded(.up))
        }
    }

    public var description: String {
        switch self {
        case .count(let c): return String(c)
        case .fraction(let f): return String(f)
        }
    }
}

/// How text becomes TF-IDF features; the defaults are the project's and are saved in every model.
public struct TfidfOptions: Codable, Equatable, Sendable {
    /// Word n-grams of length 1 through `ngramMax` (1...4). Default 2: "not attend" and
    /// "will not" carry stance that single words miss.
    public var ngramMax: Int
    /// Keep n-grams that occur in at least this many (or this fraction of) documents. Default 1.
    public var minDF: DocumentFrequencyLimit
    /// Keep n-grams that occur in at most this many (or this fraction of) documents. Default 1.0.
    public var maxDF: DocumentFrequencyLimit
    /// Keep only the n-grams with the highest corpus counts, at most this many. Default: all.
    public var maxFeatures: Int?
    /// Use 1 + ln(tf) instead of the raw count. Default true.
    public var sublinearTF: Bool

    /// Creates options.
    public init(ngramMax: Int = 2, minDF: DocumentFrequencyLimit = .count(1), maxDF: DocumentFrequencyLimit = .fraction(1.0),
                maxFeatures: Int? = nil, sublinearTF: Bool = true) {
        self.ngramMax = ngramMax
        self.minDF = minDF
        self.maxDF = maxDF
        self.maxFeatures = maxFeatures
        self.sublinearTF = sublinearTF
    }

    /// Throws `.option` when a value is out of range.
    public func validate() throws {
        guard (1...4).contains(ngramMax) else {
            throw TensionError(.option, "--ngrams must be 1, 2, 3 or 4 (got \(ngramMax))")
        }
        if let m = maxFeatures, m < 1 {
            throw TensionError(.option, "--max-features must be at least 1 (got \(m))")
        }
        if case .count(let c) = minDF, c < 1 {
            throw TensionError(.option, "--min-df must be at least 1 as a count (got \(c))")
        }
    }
}
