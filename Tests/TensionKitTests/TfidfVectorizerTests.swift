import Foundation
import Testing
@testable import TensionKit

@Suite struct TfidfVectorizerTests {
    // Three documents; values worked out by hand from the formulas in TfidfVectorizer's comment.
    let docs = ["warns warns talks", "talks resume", "warns"]

    @Test func unigramValuesMatchHandComputation() throws {
        let (v, m) = try TfidfVectorizer.fit(docs, options: TfidfOptions(ngramMax: 1), threads: 1)
        #expect(v.features == ["resume", "talks", "warns"])
        // n = 3; df: resume 1, talks 2, warns 2. idf = ln(4 / (1 + df)) + 1.
        let idfResume = log(4.0 / 2.0) + 1
        let idfTalks = log(4.0 / 3.0) + 1
        let idfWarns = log(4.0 / 3.0) + 1
        #expect(abs(v.idf[0] - idfResume) < 1e-12)
        #expect(abs(v.idf[1] - idfTalks) < 1e-12)
        #expect(abs(v.idf[2] - idfWarns) < 1e-12)
        // Doc 0: warns tf 2 → 1 + ln 2; talks tf 1 → 1.
        let w = (1 + log(2.0)) * idfWarns
        let t = 1 * idfTalks
        let norm = (w * w + t * t).squareRoot()
        let row0 = m.row(0)
        #expect(row0.map(\.column) == [1, 2])
        #expect(abs(Double(row0[0].value) - t / norm) < 1e-6)
        #expect(abs(Double(row0[1].value) - w / norm) < 1e-6)
        // Doc 2 has one term: unit value.
        #expect(m.row(2).map(\.value) == [1])
    }

    @Test func bigramsJoinTokensWithASpace() throws {
        let (v, _) = try TfidfVectorizer.fit(["Troops mass at the border", "troops withdraw"], options: TfidfOptions(ngramMax: 2), threads: 1)
        #expect(v.features.contains("troops mass"))
        #expect(v.features.contains("the border"))
        #expect(v.features.contains("troops withdraw"))
        #expect(v.features == v.features.sorted())
    }

    @Test func rowsHaveUnitLength() throws {
        let texts = (0..<50).map { "sentence number \($0) about talks and warns \($0 % 7) times" }
        let (_, m) = try TfidfVectorizer.fit(texts, options: TfidfOptions(), threads: 2)
        for i in 0..<m.rowCount {
            let s = m.row(i).reduce(0.0) { $0 + Double($1.value) * Double($1.value) }
            #expect(abs(s - 1) < 1e-5)
        }
    }

    @Test func transformOfTrainingTextsEqualsFitMatrix() throws {
        let texts = (0..<3000).map { "doc \($0 % 97) says word\($0 % 13) and word\($0 % 5) again" }
        let (v, m) = try TfidfVectorizer.fit(texts, options: TfidfOptions(ngramMax: 3), threads: 2)
        let again = v.transform(texts, threads: 2)
        #expect(again.rowStart == m.rowStart)
        #expect(again.columns == m.columns)
        #expect(again.values == m.values)
    }

    @Test func resultsDoNotDependOnThreadCount() throws {
        // Three chunks of texts, so that 1, 2 and 3 threads count and merge them in waves of
        // different sizes (1+1+1, 2+1, 3), each chunk bringing n-grams the earlier ones lack.
        let texts = (0..<20_000).map { "item \($0 % 331) reports \($0 % 17) clashes near town\($0 % 23) batch\($0 / 900)" }
        let (v1, m1) = try TfidfVectorizer.fit(texts, options: TfidfOptions(), threads: 1)
        for threads in [2, 3] {
            let (v2, m2) = try TfidfVectorizer.fit(texts, options: TfidfOptions(), threads: threads)
            #expect(v1.features == v2.features)
            #expect(v1.idf == v2.idf)
            let same = m1 == m2
            #expect(same, "the matrices differ between 1 and \(threads) threads")
        }
    }

    @Test func documentFrequencyLimitsAndMaxFeatures() throws {
        let texts = ["alpha beta", "alpha gamma", "alpha beta delta"]
        let (v, _) = try TfidfVectorizer.fit(texts, options: TfidfOptions(ngramMax: 1, minDF: .count(2)), threads: 1)
        #expect(v.features == ["alpha", "beta"])
        let (v2, _) = try TfidfVectorizer.fit(texts, options: TfidfOptions(ngramMax: 1, maxDF: .fraction(0.9)), threads: 1)
        #expect(!v2.features.contains("alpha"))
        let (v3, _) = try TfidfVectorizer.fit(texts, options: TfidfOptions(ngramMax: 1, maxFeatures: 2), threads: 1)
        #expect(v3.features == ["alpha", "beta"])
    }

    @Test func unknownWordsAreIgnoredAtTransform() throws {
        let (v, _) = try TfidfVectorizer.fit(["talks resume today"], options: TfidfOptions(), threads: 1)
        let m = v.transform(["zebra talks zebra resume"])
        // "talks" and "resume" are known; "talks resume" is not adjacent here.
        #expect(m.row(0).map { v.features[$0.column] } == ["resume", "talks"])
    }

    @Test func textsWithoutTokensCannotTrain() {
        #expect(throws: TensionError.self) { try TfidfVectorizer.fit(["a b", "!!"], options: TfidfOptions(), threads: 1) }
    }
}
