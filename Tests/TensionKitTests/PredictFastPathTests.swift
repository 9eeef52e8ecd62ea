import Foundation
import Testing
@testable import TensionKit

/// The prediction fast paths (tokens looked up by bytes, bigrams by first token, text to
/// probabilities without the matrix, output written as bytes) must give exactly what the
/// general, obviously right paths give, on tricky input.
@Suite struct PredictFastPathTests {
    /// Tricky sentences: non-ASCII, curly quotes (which fold to ASCII), apostrophes, digits,
    /// underscores, control characters, CR LF, empty and very long text, long tokens.
    static let tricky: [String] = [
        "", " ", "\t", "a", "ab", "AB", "a b", "Seoul warns Moscow", "don't cross the line",
        "it’s “over” — says Kestria’s envoy", "North Korea's 2024 tests", "snake_case and CamelCase",
        "café vs cafe\u{301} vs CAFÉ", "Ärger über Ölpreise", "北京 와 서울", "İstanbul talks",
        "line one\r\nline two", "tab\tseparated\u{0B}vertical\u{0C}feed", "nul\u{0}byte", "emoji 🚀 rockets",
        "x_y__z 1_000 3.14 2024-11-26", "\u{212A}elvin and kelvin", "non\u{00A0}breaking\u{2009}spaces",
        String(repeating: "Troops mass at the border and talks resume ", count: 400),
        String(repeating: "a", count: 9) + " " + String(repeating: "b", count: 64) + " " + String(repeating: "Z", count: 200),
        "the border the border THE BORDER the", "resume talks resume talks",
        "abcdefgh abcdefghi abcdefghij abcdefg", "12345678 123456789 1234567",
    ]

    /// The tokens of ASCII text by the Unicode path (the reference for the byte path).
    static func referenceTokens(_ text: String) -> [String] {
        var out: [String] = []
        Tokenizer.unicodeTokens(text) { out.append($0) }
        return out
    }

    @Test func asciiTokensMatchTheUnicodePath() {
        var rng = SplitMix64(seed: 17)
        let alphabet = Array("aZ09_ '-.\t\r\n\u{0}\u{7F}qQxyzLONGword".unicodeScalars)
        var texts = Self.tricky.filter { $0.utf8.allSatisfy { $0 < 0x80 } }
        for _ in 0..<3_000 {
            var s = String.UnicodeScalarView()
            for _ in 0..<rng.below(80) { s.append(alphabet[rng.below(alphabet.count)]) }
            texts.append(String(s))
        }
        for text in texts {
            #expect(Tokenizer().tokens(text) == Self.referenceTokens(text), "\(text.debugDescription)")
        }
    }

    /// A vectorizer fitted on the tricky sentences and more, with unigrams, bigrams and
    /// (for `ngramMax` 3) trigrams.
    static func vectorizer(ngramMax: Int) throws -> TfidfVectorizer {
        let corpus = tricky + TestSupport.sentences.map(\.0) + ["border talks resume", "the border talks"]
        return try TfidfVectorizer.fit(corpus, options: TfidfOptions(ngramMax: ngramMax), threads: 1).vectorizer
    }

    /// The (column, count) entries of `text` the slow way: tokens by the general path, n-grams
    /// joined by spaces and looked up as `String`s.
    static func referenceCounts(_ text: String, _ v: TfidfVectorizer) -> [(column: Int32, count: Int32)] {
        var column: [String: Int32] = [:]
        for (j, f) in v.features.enumerated() { column[f] = Int32(j) }
        let tokens = Tokenizer().tokens(TextNormalizer.fold(text))
        var counts: [Int32: Int32] = [:]
        for start in tokens.indices {
            for len in 1...v.options.ngramMax where start + len <= tokens.count {
                if let j = column[tokens[start..<(start + len)].joined(separator: " ")] { counts[j, default: 0] += 1 }
            }
        }
        return counts.sorted { $0.key < $1.key }.map { (column: $0.key, count: $0.value) }
    }

    @Test(arguments: [1, 2, 3])
    func countsMatchTheStringLookUp(ngramMax: Int) throws {
        let v = try Self.vectorizer(ngramMax: ngramMax)
        var rng = SplitMix64(seed: 3)
        var texts = Self.tricky + TestSupport.sentences.map(\.0)
        // Shuffled words of the corpus, so that known and unknown n-grams mix.
        let words = texts.flatMap { $0.split(separator: " ").map(String.init) }
        for _ in 0..<500 { texts.append((0..<rng.below(30)).map { _ in words[rng.below(words.count)] }.joined(separator: " ")) }
        for text in texts {
            let fast = v.counts(text)
            let slow = Self.referenceCounts(text, v)
            #expect(fast.map(\.column) == slow.map(\.column), "\(text.debugDescription)")
            #expect(fast.map(\.count) == slow.map(\.count), "\(text.debugDescription)")
        }
    }

    @Test func probabilitiesMatchTransformThenRegression() throws {
        let model = try TestSupport.model()
        var texts = Self.tricky + TestSupport.sentences.map(\.0)
        texts += texts.map { $0.uppercased() }
        for threads in [1, 3] {
            let fused = model.probabilities(texts, threads: threads)
            let matrix = model.vectorizer.transform(texts, threads: threads)
            let reference = model.regression.probabilities(matrix, threads: threads)
            #expect(fused.map(\.bitPattern) == reference.map(\.bitPattern))
            let labels = model.predict(texts, threads: threads).map(\.label)
            let k = model.labels.count
            let best = (0..<texts.count).map { i in
                reference.withUnsafeBufferPointer { model.labels[TextClassifier.mostProbable(UnsafeBufferPointer(rebasing: $0[(i * k)..<((i + 1) * k)]))] }
            }
            #expect(labels == best)
        }
    }

    @Test(arguments: [1, 2, 64, 65, 4_096, 152_756, 1 << 24])
    func columnSortSorts(columnCount: Int) {
        var rng = SplitMix64(seed: UInt64(columnCount))
        var sorter = ColumnSort(columnCount: columnCount)
        for size in [0, 1, 2, 15, 16, 17, 60, 200, 3_000] {
            for spread in [1, 3, columnCount] {
                var a = (0..<size).map { _ in Int32(rng.below(min(spread, columnCount))) }
                let expected = a.sorted()
                sorter.sort(&a)
                #expect(a == expected, "size \(size), spread \(spread)")
            }
        }
    }

    @Test func balancedForEachRunsEveryChunkOnce() {
        for threads in [1, 2, 3, 8] {
            for chunks in [0, 1, 2, 7, 100] {
                let runs = DisjointWrites<Int>(repeating: 0, count: max(chunks, 1))
                Parallel.forEachBalanced(chunks: chunks, threads: threads) { runs[$0] += 1 }
                #expect(runs.array.prefix(chunks).allSatisfy { $0 == 1 }, "\(chunks) chunks, \(threads) threads")
            }
        }
    }

    @Test func tokenTableFindsWhatWasStoredAndNothingElse() {
        var rng = SplitMix64(seed: 29)
        var table = TokenTable(capacity: 4)
        var reference: [[UInt8]: UInt32] = [:]
        func randomKey() -> [UInt8] {
            // Lengths around the 8-byte boundaries; bytes from a small set so that keys collide in prefixes.
            (0..<(1 + rng.below(30))).map { _ in [0x61, 0x62, 0x30, 0x5F, 0x00, 0x7F][rng.below(6)] }
        }
        for _ in 0..<5_000 {
            let key = randomKey()
            let (id, inserted) = key.withUnsafeBytes { table.id(of: $0, inserting: UInt32(reference.count)) }
            if let known = reference[key] {
                #expect(!inserted && id == known)
            } else {
                #expect(inserted && id == UInt32(reference.count))
                reference[key] = id
            }
        }
        #expect(table.count == reference.count)
        for _ in 0..<5_000 {
            var key = randomKey()
            let length = key.count
            key += [UInt8](repeating: 0, count: TokenTable.paddedLength(length) - length)
            let found = key.withUnsafeBytes { table.id(of: $0.baseAddress!, length: length, hash: TokenTable.hash($0.baseAddress!, length: length)) }
            #expect(found == reference[Array(key[..<length])])
        }
    }

    @Test func bigramIndexFindsEveryBigramAndReportsTheLaterDuplicate() {
        var rng = SplitMix64(seed: 41)
        var reference: [[UInt32]: Int32] = [:]
        var list: [(first: UInt32, second: UInt32, column: Int32)] = []
        while list.count < 3_000 {
            let a = UInt32(rng.below(rng.below(10) == 0 ? 200 : 20)), b = UInt32(rng.below(300))
            if reference[[a, b]] == nil {
                reference[[a, b]] = Int32(list.count)
                list.append((a, b, Int32(list.count)))
            }
        }
        let (index, duplicate) = BigramIndex.build(rng.shuffled(list), tokenCount: 200)
        #expect(duplicate == nil)
        for a in 0..<UInt32(201) {
            for b in 0..<UInt32(301) { #expect(index.column(a, b) == reference[[a, b]]) }
        }
        #expect(index.column(.max - 1, 0) == nil)
        // Searches in a batch find what they find one at a time.
        var lanes: [BigramIndex.Lane] = []
        for _ in 0..<300 {
            let ids = (0..<rng.below(40)).map { _ in rng.below(12) == 0 ? NGramKey.unknown : UInt32(rng.below(rng.below(3) == 0 ? 210 : 25)) }
            var found: [Int32] = []
            ids.withUnsafeBufferPointer { index.appendColumns(ofBigramsIn: $0, to: &found, lanes: &lanes) }
            let expected = zip(ids, ids.dropFirst()).compactMap { reference[[$0, $1]] }
            #expect(found.sorted() == expected.sorted(), "\(ids)")
        }
        let withDuplicates = list + [(list[70].first, list[70].second, 3_001), (list[5].first, list[5].second, 3_000)]
        #expect(BigramIndex.build(withDuplicates, tokenCount: 200).duplicate == 3_000)
    }

    /// Vocabulary checks name the first faulty n-gram in vocabulary order, whatever its kind.
    @Test(arguments: [
        (["a b", "c", "a b", "d  e"], "\"a b\" appears twice"),
        (["a b", "d  e", "a b"], "n-gram 2"),
        (["x", "a b", "x", "a b"], "\"x\" appears twice"),
        (["a b c", "a b c"], "is malformed"),
        (["café", "cafe\u{301}"], "appears twice"),
        (["\u{212A}m", "Km"], "\"Km\" appears twice"),
        (["\u{212A}m x", "Km x"], "appears twice"),
        (["", "a"], "n-gram 1"),
        (["a ", "b"], "n-gram 1"),
    ])
    func vocabularyFaults(_ features: [String], _ words: String) {
        do {
            _ = try TfidfVectorizer(options: TfidfOptions(ngramMax: 2), features: features, idf: features.map { _ in 1 })
            Issue.record("accepted \(features)")
        } catch let error as TensionError {
            #expect(error.message.contains(words), "\(error.message)")
        } catch {
            Issue.record("\(error)")
        }
    }

    /// Tokens are told apart by canonical equivalence, as a `Dictionary<String, _>` did.
    @Test func nonASCIITokensMatchByCanonicalEquivalence() throws {
        let v = try TfidfVectorizer(options: TfidfOptions(ngramMax: 2), features: ["cafe\u{301}", "cafe\u{301} talks", "ölpreise"],
                                    idf: [1, 1, 1])
        #expect(v.counts("Café talks").map(\.column) == [0, 1])
        #expect(v.counts("Ölpreise ölpreise").map(\.count) == [2])
        #expect(v.counts("cafe talks").isEmpty)
    }

    @Test func byteFormattersMatchTheStringOnes() {
        let strings = Self.tricky + ["say \"no\"", "a,b", "back\\slash", "\u{1}\u{1F}", "cr\rlf\n", "é\"é"]
        for s in strings {
            var csv: [UInt8] = []
            CSVText.append(s, to: &csv)
            #expect(csv == Array(CSVText.field(s).utf8))
            var json: [UInt8] = []
            JSONText.append(s, to: &json)
            #expect(json == Array(JSONText.string(s).utf8))
        }
        var rng = SplitMix64(seed: 7)
        var values: [Double] = [0, -0.0, 1, 0.5, 1e-7, -1e-7, 0.0000005, 123456.5, 1e13, .nan, .infinity, -.infinity]
        for _ in 0..<5_000 { values.append(Double(rng.below(1 << 53)) / Double(1 << 53)) }
        for v in values {
            var out: [UInt8] = [0x41]
            JSONText.appendNumber(v, to: &out)
            #expect(out == [0x41] + Array(JSONText.number(v).utf8), "\(v)")
            var fixed: [UInt8] = []
            DecimalText.append(v, places: 4, to: &fixed)
            #expect(String(decoding: fixed, as: UTF8.self) == String(format: "%.4f", v), "\(v)")
        }
    }

    /// `tension predict` writes, in every format, what the String-building renderer wrote
    /// before output went out as bytes in parallel chunks.
    @Test(arguments: ["table", "csv", "jsonl"])
    func predictOutputIsTheStringRendering(format: String) throws {
        let model = try TestSupport.model()
        let dir = try TestSupport.temporaryFolder()
        let path = dir.appendingPathComponent("m.model").path
        try ModelFile.write(model, to: path)
        // Enough lines for several output chunks.
        let input = (Self.tricky + TestSupport.sentences.map(\.0) + ["Sports, \"quoted\", and\u{1}control"]).joined(separator: "\n")
        let lines = [String](repeating: input, count: 60).joined(separator: "\r\n")
        let texts = TextLines.nonBlank(Array(lines.utf8))
        let predictions = model.predict(texts, threads: 1)
        let labels = model.labels
        func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
        func fixed(_ v: Double) -> String { String(format: "%.4f", v) }
        var expected = ""
        switch format {
        case "table":
            expected += labels.map { pad(String($0.prefix(12)), 13) }.joined() + " label         sentence\n"
            for (t, p) in zip(texts, predictions) {
                expected += p.probabilities.map { pad(fixed($0), 13) }.joined() + " " + p.label.padding(toLength: 13, withPad: " ", startingAt: 0) + " " + t + "\n"
            }
        case "csv":
            expected += "sentence,label," + labels.map(CSVText.field).joined(separator: ",") + "\n"
            for (t, p) in zip(texts, predictions) {
                expected += CSVText.field(t) + "," + CSVText.field(p.label) + "," + p.probabilities.map(fixed).joined(separator: ",") + "\n"
            }
        default:
            for (t, p) in zip(texts, predictions) {
                let probs = zip(labels, p.probabilities).map { JSONText.string($0) + ": " + JSONText.number($1) }.joined(separator: ", ")
                expected += "{\"sentence\": \(JSONText.string(t)), \"label\": \(JSONText.string(p.label)), \"probabilities\": {\(probs)}}\n"
            }
        }
        for threads in ["1", "2"] {
            let r = try TestSupport.run(["predict", "--model", path, "--format", format, "--threads", threads], input: lines)
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out == expected)
        }
    }
}
