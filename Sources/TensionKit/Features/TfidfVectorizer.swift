import Foundation

/// Turns sentences into TF-IDF rows over word n-grams, with scikit-learn's `TfidfVectorizer`
/// definitions so that the two can be compared number for number.
///
/// For an n-gram t in document d of a corpus of n documents, where tf is the count of t in d and
/// df the number of documents that contain t:
///
///     tf'(t, d)  = 1 + ln tf(t, d)        (sublinear tf; the raw count tf when it is off)
///     idf(t)     = ln((1 + n) / (1 + df(t))) + 1     (smoothed idf)
///     x(t, d)    = tf'(t, d) · idf(t) / ‖tf'(·, d) · idf(·)‖₂
///
/// so every row has unit L2 length (a row with no known n-gram stays all zero). N-grams are
/// built from the token sequence of ``Tokenizer`` and joined by a space. The vocabulary is
/// filtered by `minDF`/`maxDF`, cut to the `maxFeatures` n-grams with the highest corpus
/// counts (ties broken alphabetically), then sorted alphabetically: the column order.
public struct TfidfVectorizer: Sendable {
    /// The options the vocabulary was built with.
    public let options: TfidfOptions
    /// The n-grams, one per column, in alphabetical order.
    public let features: [String]
    /// The idf of each column.
    public let idf: [Double]
    private let tokenIDs: [String: UInt32]
    private let columnOf: [NGramKey: Int32]

    /// Rebuilds a fitted vectorizer from its vocabulary and idf (as stored in a model file).
    public init(options: TfidfOptions, features: [String], idf: [Double]) throws {
        guard features.count == idf.count else {
            throw TensionError(.model, "the vocabulary has \(features.count) n-grams but \(idf.count) idf values")
        }
        self.options = options
        self.features = features
        self.idf = idf
        var tokens: [String: UInt32] = [:]
        var columns: [NGramKey: Int32] = [:]
        columns.reserveCapacity(features.count)
        for (j, f) in features.enumerated() {
            let parts = f.split(separator: " ", omittingEmptySubsequences: false)
            guard !parts.isEmpty, parts.count <= options.ngramMax, parts.allSatisfy({ !$0.isEmpty }) else {
                throw TensionError(.model, "n-gram \(j + 1) of the vocabulary (\"\(f)\") is malformed")
            }
            var ids: [UInt32] = []
            for p in parts {
                let s = String(p)
                if let id = tokens[s] { ids.append(id) } else {
                    let id = UInt32(tokens.count)
                    tokens[s] = id
                    ids.append(id)
                }
            }
            let key = NGramKey(ids[...])
            guard columns.updateValue(Int32(j), forKey: key) == nil else {
                throw TensionError(.model, "n-gram \"\(f)\" appears twice in the vocabulary")
            }
        }
        self.tokenIDs = tokens
        self.columnOf = columns
    }

    /// The number of columns.
    public var featureCount: Int { features.count }

    /// Learns the vocabulary and idf from `texts` and returns the vectorizer with the TF-IDF
    /// matrix of those same texts.
    ///
    /// Throws `.data` when no text has a token of two or more word characters.
    public static func fit(_ texts: [String], options: TfidfOptions, threads: Int = Parallel.defaultThreads)
        throws -> (vectorizer: TfidfVectorizer, matrix: SparseMatrix)
    {
        try options.validate()
        let n = texts.count
        let ranges = Parallel.ranges(count: n, chunks: Parallel.chunkCount(for: n, grain: 2048))
        let shared = SharedTexts(texts: texts)

        // 1. Tokenise each chunk against its own dictionary (parallel). A chunk keeps its
        //    documents' token ids in one flat array, with where each document starts.
        let chunkResults = DisjointWrites<ChunkTokens?>(repeating: nil, count: ranges.count)
        Parallel.forEach(chunks: ranges.count, threads: threads) { c in
            var local: [String: UInt32] = [:]
            var order: [String] = []
            var tokens: [UInt32] = []
            var starts: [Int] = [0]
            starts.reserveCapacity(ranges[c].count + 1)
            let tokenizer = Tokenizer()
            for i in ranges[c] {
                tokenizer.forEachToken(TextNormalizer.fold(shared.texts[i])) { t in
                    if let id = local[t] { tokens.append(id) } else {
                        let id = UInt32(order.count)
                        local[t] = id
                        order.append(t)
                        tokens.append(id)
                    }
                }
                starts.append(tokens.count)
            }
            chunkResults[c] = ChunkTokens(vocabulary: order, tokens: tokens, starts: starts)
        }
        var chunks = chunkResults.array.map { $0! }

        // 2. Merge the chunk dictionaries in chunk order (sequential, cheap).
        var globalIDs: [String: UInt32] = [:]
        var tokenStrings: [String] = []
        for c in chunks.indices {
            let map = chunks[c].vocabulary.map { t -> UInt32 in
                if let id = globalIDs[t] { return id }
                let id = UInt32(tokenStrings.count)
                globalIDs[t] = id
                tokenStrings.append(t)
                return id
            }
            for k in chunks[c].tokens.indices { chunks[c].tokens[k] = map[Int(chunks[c].tokens[k])] }
            chunks[c].vocabulary = []
        }
        globalIDs = [:]

        // 3. Count n-grams per chunk (parallel): per document, its distinct local n-gram ids and counts.
        let sharedChunks = SharedChunks(chunks: chunks)
        chunks = []
        let ngramMax = options.ngramMax
        let countResults = DisjointWrites<ChunkCounts?>(repeating: nil, count: ranges.count)
        Parallel.forEach(chunks: ranges.count, threads: threads) { c in
            var local: [NGramKey: Int32] = [:]
            var keys: [NGramKey] = []
            var df: [Int32] = []
            var total: [Int64] = []
            var docStart: [Int] = [0]
            var docIDs: [Int32] = []
            var docCounts: [Int32] = []
            var scratch: [Int32] = []
            let chunk = sharedChunks.chunks[c]
            for d in 0..<(chunk.starts.count - 1) {
                scratch.removeAll(keepingCapacity: true)
                let ids = chunk.tokens[chunk.starts[d]..<chunk.starts[d + 1]]
                forEachNGram(ids, ngramMax: ngramMax) { key in
                    if let id = local[key] { scratch.append(id) } else {
                        let id = Int32(keys.count)
                        local[key] = id
                        keys.append(key)
                        df.append(0)
                        total.append(0)
                        scratch.append(id)
                    }
                }
                scratch.sort()
                var k = 0
                while k < scratch.count {
                    var e = k + 1
                    while e < scratch.count, scratch[e] == scratch[k] { e += 1 }
                    let id = Int(scratch[k])
                    df[id] += 1
                    total[id] += Int64(e - k)
                    docIDs.append(scratch[k])
                    docCounts.append(Int32(e - k))
                    k = e
                }
                docStart.append(docIDs.count)
            }
            countResults[c] = ChunkCounts(keys: keys, df: df, total: total, docStart: docStart, ids: docIDs, counts: docCounts)
        }
        var counts = countResults.array.map { $0! }

        // 4. Merge n-gram tables in chunk order.
        var globalNGram: [NGramKey: Int32] = [:]
        var gKeys: [NGramKey] = []
        var gDF: [Int32] = []
        var gTotal: [Int64] = []
        var chunkMaps: [[Int32]] = []
        for c in counts.indices {
            var map = [Int32](repeating: 0, count: counts[c].keys.count)
            for (l, key) in counts[c].keys.enumerated() {
                if let g = globalNGram[key] {
                    map[l] = g
                    gDF[Int(g)] += counts[c].df[l]
                    gTotal[Int(g)] += counts[c].total[l]
                } else {
                    let g = Int32(gKeys.count)
                    globalNGram[key] = g
                    gKeys.append(key)
                    gDF.append(counts[c].df[l])
                    gTotal.append(counts[c].total[l])
                    map[l] = g
                }
            }
            counts[c].keys = []
            chunkMaps.append(map)
        }
        globalNGram = [:]

        // 5. Filter by document frequency, cut to maxFeatures, sort alphabetically.
        let lo = max(1, options.minDF.documents(of: n, upper: false))
        let hi = options.maxDF.documents(of: n, upper: true)
        guard lo <= hi else {
            throw TensionError(.option, "--min-df (\(options.minDF)) keeps fewer documents than --max-df (\(options.maxDF)) allows",
                               hint: "lower --min-df or raise --max-df")
        }
        func text(_ key: NGramKey) -> String {
            key.ids.map { tokenStrings[Int($0)] }.joined(separator: " ")
        }
        var kept: [(text: String, id: Int)] = []
        for g in gKeys.indices where Int(gDF[g]) >= lo && Int(gDF[g]) <= hi {
            kept.append((text(gKeys[g]), g))
        }
        if let m = options.maxFeatures, kept.count > m {
            kept.sort { a, b in
                gTotal[a.id] != gTotal[b.id] ? gTotal[a.id] > gTotal[b.id] : a.text < b.text
            }
            kept.removeSubrange(m...)
        }
        kept.sort { $0.text < $1.text }
        guard !kept.isEmpty else {
            throw TensionError(.data, "no n-gram is left to learn from",
                               hint: tokenStrings.isEmpty ? "the texts hold no word of two or more letters or digits" : "lower --min-df or raise --max-df")
        }
        var column = [Int32](repeating: -1, count: gKeys.count)
        var idf = [Double](repeating: 0, count: kept.count)
        for (j, k) in kept.enumerated() {
            column[k.id] = Int32(j)
            idf[j] = log(Double(1 + n) / Double(1 + Int(gDF[k.id]))) + 1
        }
        let features = kept.map(\.text)
        kept = []
        let vectorizer = try TfidfVectorizer(options: options, features: features, idf: idf)

        // 6. Build the rows (sequential over chunks; each row is already counted).
        var rowStart = [Int](repeating: 0, count: n + 1)
        var cols: [Int32] = []
        var vals: [Float] = []
        var entries: [(Int32, Int32)] = []
        var row = 0
        for c in counts.indices {
            let part = counts[c]
            let map = chunkMaps[c]
            for d in 0..<(part.docStart.count - 1) {
                entries.removeAll(keepingCapacity: true)
                for k in part.docStart[d]..<part.docStart[d + 1] {
                    let j = column[Int(map[Int(part.ids[k])])]
                    if j >= 0 { entries.append((j, part.counts[k])) }
                }
                entries.sort { $0.0 < $1.0 }
                vectorizer.appendRow(entries, columns: &cols, values: &vals)
                row += 1
                rowStart[row] = cols.count
            }
            counts[c] = ChunkCounts(keys: [], df: [], total: [], docStart: [0], ids: [], counts: [])
        }
        let matrix = SparseMatrix(rowCount: n, columnCount: features.count, rowStart: rowStart, columns: cols, values: vals)
        return (vectorizer, matrix)
    }

    /// Appends one TF-IDF row, given its (column, count) entries in column order.
    private func appendRow(_ entries: [(Int32, Int32)], columns: inout [Int32], values: inout [Float]) {
        var norm = 0.0
        var weights: [Double] = []
        weights.reserveCapacity(entries.count)
        for (j, tf) in entries {
            let t = options.sublinearTF ? 1 + log(Double(tf)) : Double(tf)
            let w = t * idf[Int(j)]
            weights.append(w)
            norm += w * w
        }
        let scale = norm > 0 ? 1 / norm.squareRoot() : 0
        for (k, (j, _)) in entries.enumerated() {
            columns.append(j)
            values.append(Float(weights[k] * scale))
        }
    }

    /// The (column, count) entries of `text`, in column order; unknown n-grams are dropped.
    public func counts(_ text: String) -> [(column: Int32, count: Int32)] {
        var ids: [UInt32] = []
        Tokenizer().forEachToken(TextNormalizer.fold(text)) { t in
            ids.append(tokenIDs[t] ?? NGramKey.unknown)
        }
        var cols: [Int32] = []
        forEachNGram(ids[...], ngramMax: options.ngramMax) { key in
            if let j = columnOf[key] { cols.append(j) }
        }
        cols.sort()
        var out: [(Int32, Int32)] = []
        var k = 0
        while k < cols.count {
            var e = k + 1
            while e < cols.count, cols[e] == cols[k] { e += 1 }
            out.append((cols[k], Int32(e - k)))
            k = e
        }
        return out
    }

    /// The TF-IDF matrix of `texts`, one row per text, with the fitted vocabulary.
    public func transform(_ texts: [String], threads: Int = Parallel.defaultThreads) -> SparseMatrix {
        let shared = SharedTexts(texts: texts)
        let rows = Parallel.map(count: texts.count, threads: threads) { i -> ([Int32], [Float]) in
            var c: [Int32] = []
            var v: [Float] = []
            self.appendRow(self.counts(shared.texts[i]).map { ($0.column, $0.count) }, columns: &c, values: &v)
            return (c, v)
        }
        var rowStart = [0]
        rowStart.reserveCapacity(texts.count + 1)
        var cols: [Int32] = []
        var vals: [Float] = []
        for (c, v) in rows {
            cols.append(contentsOf: c)
            vals.append(contentsOf: v)
            rowStart.append(cols.count)
        }
        return SparseMatrix(rowCount: texts.count, columnCount: features.count, rowStart: rowStart, columns: cols, values: vals)
    }
}

/// Calls `body` with every n-gram of length 1...ngramMax of `ids`, in order of start then length.
@inline(__always)
func forEachNGram(_ ids: ArraySlice<UInt32>, ngramMax: Int, _ body: (NGramKey) -> Void) {
    let n = ids.count
    let first = ids.startIndex
    for start in 0..<n {
        var key = NGramKey()
        for len in 1...ngramMax where start + len <= n {
            key.set(len - 1, ids[first + start + len - 1])
            body(key)
        }
    }
}

/// Up to four token ids packed into two words: a hashable n-gram key.
struct NGramKey: Hashable, Sendable {
    static let none: UInt32 = .max
    static let unknown: UInt32 = .max - 1
    var a: UInt64 = .max
    var b: UInt64 = .max

    init() {}

    init(_ ids: ArraySlice<UInt32>) {
        for (k, id) in ids.enumerated() { set(k, id) }
    }

    mutating func set(_ position: Int, _ id: UInt32) {
        switch position {
        case 0: a = (a & 0xFFFF_FFFF_0000_0000) | UInt64(id)
        case 1: a = (a & 0x0000_0000_FFFF_FFFF) | (UInt64(id) << 32)
        case 2: b = (b & 0xFFFF_FFFF_0000_0000) | UInt64(id)
        default: b = (b & 0x0000_0000_FFFF_FFFF) | (UInt64(id) << 32)
        }
    }

    var ids: [UInt32] {
        [UInt32(a & 0xFFFF_FFFF), UInt32(a >> 32), UInt32(b & 0xFFFF_FFFF), UInt32(b >> 32)].filter { $0 != NGramKey.none }
    }
}

private struct ChunkTokens: Sendable {
    var vocabulary: [String]
    var tokens: [UInt32]
    var starts: [Int]
}

private struct ChunkCounts: Sendable {
    var keys: [NGramKey]
    var df: [Int32]
    var total: [Int64]
    var docStart: [Int]
    var ids: [Int32]
    var counts: [Int32]
}

/// Texts shared read-only by parallel chunks.
private struct SharedTexts: Sendable { let texts: [String] }
/// Tokenised chunks shared read-only by parallel chunks.
private struct SharedChunks: Sendable { let chunks: [ChunkTokens] }

