import Foundation
import Testing
@testable import TensionKit

/// `TfidfVectorizer.fit` against the original implementation (``ReferenceTfidfFit``): the same
/// features in the same order, the same idf bits and the same matrix bits, for every option and
/// thread count, on ASCII and non-ASCII text.
@Suite struct TfidfFitIdentityTests {
    /// The thread counts every comparison runs with.
    static let threadCounts = [1, 2, 3, 7]

    /// Option sets for the larger corpora: each option moved away from its default at least once.
    static let mainOptions: [TfidfOptions] = [
        TfidfOptions(),
        TfidfOptions(ngramMax: 1),
        TfidfOptions(ngramMax: 3, sublinearTF: false),
        TfidfOptions(ngramMax: 4),
        TfidfOptions(ngramMax: 2, minDF: .count(2)),
        TfidfOptions(ngramMax: 2, minDF: .fraction(0.001), maxDF: .fraction(0.4)),
        TfidfOptions(ngramMax: 3, maxDF: .count(50), maxFeatures: 5000),
        TfidfOptions(ngramMax: 2, maxFeatures: 777, sublinearTF: false),
    ]

    /// Every combination of n-gram length, sublinear tf, document-frequency limits (as counts
    /// and as fractions) and a feature cap, for the generated corpus.
    static let allOptions: [TfidfOptions] = {
        let limits: [(DocumentFrequencyLimit, DocumentFrequencyLimit)] = [
            (.count(1), .fraction(1.0)), (.count(3), .fraction(1.0)),
            (.fraction(0.0005), .count(2000)), (.count(1), .fraction(0.25)),
        ]
        var out: [TfidfOptions] = []
        for ngrams in 1...4 {
            for sublinear in [true, false] {
                for (lo, hi) in limits {
                    for cap in [nil, 300] as [Int?] {
                        out.append(TfidfOptions(ngramMax: ngrams, minDF: lo, maxDF: hi, maxFeatures: cap, sublinearTF: sublinear))
                    }
                }
            }
        }
        return out
    }()

    /// Words for the generated corpus: ASCII, "é" composed and decomposed, the Kelvin sign (whose
    /// decomposition is ASCII "K"), the Ohm and Ångström signs, decomposed Hangul, dotted capital
    /// I, a titlecase digraph, CJK, emoji, curly quotes, dashes, non-breaking and other spaces,
    /// digits of other scripts, and separators alone.
    static let words: [String] = [
        "talks", "Talks", "TALKS", "border", "troops", "ceasefire", "warned", "minister", "a", "x1", "under_score",
        "caf\u{E9}", "cafe\u{301}", "CAF\u{C9}", "CAFE\u{301}", "\u{212A}elvin", "kelvin", "Kelvin", "\u{212A}",
        "\u{2126}hm", "\u{3A9}hm", "\u{212B}ngstr\u{F6}m", "\u{C5}ngstro\u{308}m", "\u{1100}\u{1161}\u{11A8}", "\u{AC01}",
        "\u{130}stanbul", "istanbul", "\u{1C5}ungla", "Stra\u{DF}e", "STRASSE", "\u{FB01}ne", "fine",
        "\u{6771}\u{4EAC}", "\u{65E5}\u{672C}\u{8A9E}", "\u{1F642}", "\u{1F1EB}\u{1F1F7}", "don\u{2019}t", "don't",
        "\u{201C}peace\u{201D}", "\u{2014}", "north\u{2013}south", "\u{A0}", "\u{2009}", "new\u{A0}york", "new york",
        "\u{663}\u{664}", "x\u{B2}", "\u{3A9}\u{3BC}\u{3AD}\u{3B3}\u{3B1}", "\u{3C9}\u{3BC}\u{3B5}\u{301}\u{3B3}\u{3B1}",
        "!!", "?", "-", "'", "\u{200B}", "e\u{301}\u{301}", "\u{301}", "na\u{EF}ve", "nai\u{308}ve",
    ]

    /// A corpus of `count` texts made of ``words`` (some all-ASCII, some empty, some without
    /// any token), reproducible from `seed`.
    static func generatedTexts(count: Int, seed: UInt64) -> [String] {
        var rng = SplitMix64(seed: seed)
        let ascii = words.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        return (0..<count).map { _ in
            switch rng.below(20) {
            case 0: return ""
            case 1: return ["!!", "?", "a", "- -", "\u{A0}", "\u{2014}"][rng.below(6)]
            case 2...9:
                return (0..<rng.below(9)).map { _ in ascii[rng.below(ascii.count)] }.joined(separator: " ")
            default:
                let separators = [" ", " ", " ", "\u{A0}", ", ", "\u{2009}", "\u{2014}", "\n"]
                var text = ""
                for k in 0..<rng.below(10) {
                    if k > 0 { text += separators[rng.below(separators.count)] }
                    text += words[rng.below(words.count)]
                }
                return text
            }
        }
    }

    /// Fits `texts` with the reference and with `TfidfVectorizer.fit` at every thread count and
    /// expects the same result (or the same error).
    static func expectSameFit(_ texts: [String], _ options: TfidfOptions, _ what: String) {
        let expected: Result<(TfidfVectorizer, SparseMatrix), TensionError> = Result {
            try ReferenceTfidfFit.fit(texts, options: options, threads: 2)
        }.mapError { $0 as! TensionError }
        for threads in threadCounts {
            let actual: Result<(TfidfVectorizer, SparseMatrix), TensionError> = Result {
                try TfidfVectorizer.fit(texts, options: options, threads: threads)
            }.mapError { $0 as! TensionError }
            let context = "\(what), \(options), \(threads) threads"
            switch (expected, actual) {
            case (.failure(let e), .failure(let a)):
                #expect(e == a, "\(context): different errors")
            case (.success(let e), .success(let a)):
                #expect(e.0.features == a.0.features, "\(context): features differ")
                #expect(e.0.idf.map(\.bitPattern) == a.0.idf.map(\.bitPattern), "\(context): idf differs")
                #expect(e.1.rowCount == a.1.rowCount && e.1.columnCount == a.1.columnCount, "\(context): shapes differ")
                #expect(e.1.rowStart == a.1.rowStart, "\(context): row starts differ")
                #expect(e.1.columns == a.1.columns, "\(context): columns differ")
                #expect(e.1.values.map(\.bitPattern) == a.1.values.map(\.bitPattern), "\(context): values differ")
            default:
                Issue.record("\(context): one fit threw and the other did not (\(expected), \(actual))")
            }
        }
    }

    /// Every CSV file of `training-data/`, read at run time, as one corpus (several chunks).
    static let trainingTexts: [String] = {
        let folder = TestSupport.packageRoot.appendingPathComponent("training-data")
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        let paths = files.filter { $0.hasSuffix(".csv") }.sorted().map { folder.appendingPathComponent($0).path }
        return (try? LabeledDataset.load(paths: paths).texts) ?? []
    }()

    // The comparisons are sized for a debug build (where a fit costs about half a millisecond a
    // text): the larger corpora with a few option sets, the generated one with all of them.

    @Test func trainingDataGivesTheOriginalFit() throws {
        try #require(Self.trainingTexts.count > 16_384, "training-data/*.csv should give more than two chunks of texts")
        Self.expectSameFit(Self.trainingTexts, TfidfOptions(), "training-data")
    }

    @Test(arguments: mainOptions) func eachTrainingFileGivesTheOriginalFit(_ options: TfidfOptions) throws {
        let folder = TestSupport.packageRoot.appendingPathComponent("training-data")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        try #require(!files.isEmpty)
        // A few single files (one chunk each), spread over the list.
        for name in stride(from: 0, to: files.count, by: 15).map({ files[$0] }) {
            let texts = try LabeledDataset.load(path: folder.appendingPathComponent(name).path).texts
            Self.expectSameFit(texts, options, name)
        }
    }

    @Test(arguments: mainOptions.prefix(4)) func agnewsGivesTheOriginalFit(_ options: TfidfOptions) throws {
        guard let shared = TestSupport.shared else {
            print("TfidfFitIdentityTests: ../shared is absent; skipping the agnews comparison")
            return
        }
        let path = shared.appendingPathComponent("bench/agnews/train.csv").path
        guard FileManager.default.fileExists(atPath: path) else {
            print("TfidfFitIdentityTests: \(path) is absent; skipping the agnews comparison")
            return
        }
        let texts = try LabeledDataset.load(path: path).texts
        Self.expectSameFit(Array(texts.prefix(3000)), options, "agnews")
    }

    static let generated = generatedTexts(count: 2000, seed: 7)

    @Test(arguments: allOptions) func generatedTextsGiveTheOriginalFit(_ options: TfidfOptions) {
        Self.expectSameFit(Self.generated, options, "generated texts")
    }

    @Test(arguments: [mainOptions[0], mainOptions[3], mainOptions[6]])
    func manyGeneratedTextsGiveTheOriginalFit(_ options: TfidfOptions) {
        // 17,000 texts: three chunks, merged in waves of 1, 2, 3 (and 3 with 7 threads).
        Self.expectSameFit(Self.generatedTexts(count: 17_000, seed: 9), options, "many generated texts")
    }

    @Test func smallAndDegenerateCorporaGiveTheOriginalFit() {
        let corpora: [(String, [String])] = [
            ("one text", ["Talks resume"]),
            ("empty texts", ["", "", ""]),
            ("no token", ["a b", "!!", "", "\u{A0}\u{2014}"]),
            ("one token among empties", ["", "peace", ""]),
            ("Kelvin first", ["\u{212A}elvin scale", "kelvin scale", "KELVIN"]),
            ("Kelvin last", ["kelvin scale", "\u{212A}elvin scale"]),
            ("decomposed first", ["cafe\u{301} au lait", "caf\u{E9} au lait", "CAF\u{C9}"]),
            ("non-ASCII only", ["\u{6771}\u{4EAC} \u{65E5}\u{672C}\u{8A9E}", "\u{1F642}\u{1F642}", "\u{130}stanbul \u{1C5}ungla"]),
            ("generated", Self.generatedTexts(count: 300, seed: 11)),
        ]
        for (what, texts) in corpora {
            for options in Self.mainOptions + [TfidfOptions(minDF: .count(5), maxDF: .count(2)), TfidfOptions(minDF: .count(1000))] {
                Self.expectSameFit(texts, options, what)
            }
        }
    }
}

extension TfidfOptions: CustomTestStringConvertible {
    public var testDescription: String {
        "ngrams \(ngramMax), min-df \(minDF), max-df \(maxDF), max-features \(maxFeatures.map(String.init) ?? "-"), sublinear \(sublinearTF)"
    }
}
