import Foundation
@testable import TensionKit

// The training vectoriser as it was before the speed-vectorise branch (commit 63ec80f), kept
// verbatim as a reference: the tests in TfidfFitIdentityTests check that the current
// `TfidfVectorizer.fit` gives the same features, idf bits and matrix bits. Only names were
// changed (Reference…) and `writeRow` made static, since the original's is private.

/// The original `TfidfVectorizer.fit`, for comparison.
enum ReferenceTfidfFit {
    static func fit(_ texts: [String], options: TfidfOptions, threads: Int = Parallel.defaultThreads)
        throws -> (vectorizer: TfidfVectorizer, matrix: SparseMatrix)
    {
        try options.validate()
        let n = texts.count
        // Chunks of about 8,192 texts: few enough that merging their n-gram tables is cheap.
        let ranges = Parallel.ranges(count: n, chunks: Parallel.chunkCount(for: n, grain: 8192))
        let shared = SharedTexts(texts: texts)

        // 1. Tokenise each chunk against its own dictionary (parallel). A chunk keeps its
        //    documents' token ids in one flat array, with where each document starts.
        let chunkResults = DisjointWrites<ReferenceChunkTokens?>(repeating: nil, count: ranges.count)
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
            chunkResults[c] = ReferenceChunkTokens(vocabulary: order, tokens: tokens, starts: starts)
        }
        // Moved out (not copied), so that remapping the token ids below does not copy them.
        var chunks = (0..<ranges.count).map { c in chunkResults.take(c) }

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

        // 3-4. Count n-grams per chunk (parallel), a wave of `threads` chunks at a time, and merge
        //      each wave's n-gram tables into the global one in chunk order (so global ids are the
        //      same whatever the thread count). A chunk's table (its n-grams, df and totals) is freed
        //      as soon as it is merged and its token ids as soon as they are counted, so that only
        //      one wave's tables are ever in memory beside the per-document lists.
        let ngramMax = options.ngramMax
        let tokenChunks = DisjointWrites<ReferenceChunkTokens?>(repeating: nil, count: ranges.count)
        for c in chunks.indices { tokenChunks[c] = chunks[c] }
        chunks = []
        let countResults = DisjointWrites<ReferenceChunkCounts?>(repeating: nil, count: ranges.count)
        var globalNGram = ReferenceNGramTable(capacity: 1 << 16)
        var gKeys: [NGramKey] = []
        var gDF: [Int32] = []
        var gTotal: [Int64] = []
        var chunkMaps: [[Int32]] = []
        let wave = max(1, min(threads, ranges.count))
        for first in stride(from: 0, to: ranges.count, by: wave) {
            let last = min(first + wave, ranges.count)
            Parallel.forEach(chunks: last - first, threads: threads) { w in
                let c = first + w
                let chunk = tokenChunks[c]!
                tokenChunks[c] = nil
                // No document has more distinct n-grams than n-gram positions, so the per-document
                // lists never grow past this (and are never reallocated on the way).
                let bound = chunk.tokens.count * ngramMax
                var local = ReferenceNGramTable(capacity: 4096)
                var keys: [NGramKey] = []
                var df: [Int32] = []
                var total: [Int64] = []
                var docStart: [Int] = [0]
                docStart.reserveCapacity(chunk.starts.count)
                var docIDs: [Int32] = []
                var docCounts: [Int32] = []
                docIDs.reserveCapacity(bound)
                docCounts.reserveCapacity(bound)
                var scratch: [Int32] = []
                chunk.tokens.withUnsafeBufferPointer { tokens in
                    for d in 0..<(chunk.starts.count - 1) {
                        scratch.removeAll(keepingCapacity: true)
                        let first = chunk.starts[d]
                        let length = chunk.starts[d + 1] - first
                        // Every n-gram of the document, by start then length (as at transform), written
                        // out here without a closure: the loop is the hot path of training.
                        for start in 0..<length {
                            var key = NGramKey()
                            for len in 1...ngramMax where start + len <= length {
                                key.set(len - 1, tokens[first + start + len - 1])
                                let (id, inserted) = local.value(for: key, inserting: Int32(keys.count))
                                scratch.append(id)
                                if inserted {
                                    keys.append(key)
                                    df.append(0)
                                    total.append(0)
                                }
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
                }
                countResults[c] = ReferenceChunkCounts(keys: keys, df: df, total: total, docStart: docStart, ids: docIDs, counts: docCounts)
            }
            // Merge this wave's tables in chunk order; keep only the per-document lists.
            for c in first..<last {
                let part = countResults[c]!
                countResults[c]!.keys = []
                countResults[c]!.df = []
                countResults[c]!.total = []
                var map = [Int32](repeating: 0, count: part.keys.count)
                part.keys.withUnsafeBufferPointer { keys in
                    for l in 0..<keys.count {
                        let (g, inserted) = globalNGram.value(for: keys[l], inserting: Int32(gKeys.count))
                        map[l] = g
                        if inserted {
                            gKeys.append(keys[l])
                            gDF.append(part.df[l])
                            gTotal.append(part.total[l])
                        } else {
                            gDF[Int(g)] += part.df[l]
                            gTotal[Int(g)] += part.total[l]
                        }
                    }
                }
                chunkMaps.append(map)
            }
        }
        globalNGram = ReferenceNGramTable(capacity: 1)
        var counts = (0..<ranges.count).map { c in countResults.take(c) }

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

        // 6. Build the rows: count each row's kept entries (parallel), then write every chunk's
        //    rows at their final place (parallel). A chunk's counts are freed as soon as its rows
        //    are written, and the matrix's pages are touched only when written, so the counts and
        //    the finished matrix are not both whole in memory at once.
        let chunkCounts = DisjointWrites<ReferenceChunkCounts?>(repeating: nil, count: counts.count)
        for c in counts.indices { chunkCounts[c] = counts[c] }
        counts = []
        let mapsOf = ReferenceSharedMaps(maps: chunkMaps, column: column)
        chunkMaps = []
        let rowLengths = DisjointWrites<Int>(repeating: 0, count: n)
        Parallel.forEach(chunks: ranges.count, threads: threads) { c in
            let part = chunkCounts[c]!
            let map = mapsOf.maps[c]
            for d in 0..<(part.docStart.count - 1) {
                var kept = 0
                for k in part.docStart[d]..<part.docStart[d + 1] where mapsOf.column[Int(map[Int(part.ids[k])])] >= 0 {
                    kept += 1
                }
                rowLengths[ranges[c].lowerBound + d] = kept
            }
        }
        var rowStart = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { rowStart[i + 1] = rowStart[i] + rowLengths[i] }
        let nonZeros = rowStart[n]
        let starts = rowStart
        func writeRows(_ colsOut: SharedMutable<Int32>, _ valsOut: SharedMutable<Float>) {
            Parallel.forEach(chunks: ranges.count, threads: threads) { c in
                let part = chunkCounts[c]!
                let map = mapsOf.maps[c]
                var entries: [(Int32, Int32)] = []
                var weights: [Double] = []
                for d in 0..<(part.docStart.count - 1) {
                    entries.removeAll(keepingCapacity: true)
                    for k in part.docStart[d]..<part.docStart[d + 1] {
                        let j = mapsOf.column[Int(map[Int(part.ids[k])])]
                        if j >= 0 { entries.append((j, part.counts[k])) }
                    }
                    entries.sort { $0.0 < $1.0 }
                    let at = starts[ranges[c].lowerBound + d]
                    writeRow(entries, options: options, idf: vectorizer.idf, weights: &weights, columns: colsOut.pointer + at, values: valsOut.pointer + at)
                }
                chunkCounts[c] = nil
            }
        }
        // Every slot is written exactly once by writeRows (the row lengths add up to nonZeros).
        var vals: [Float] = []
        let cols = [Int32](unsafeUninitializedCapacity: nonZeros) { colsBuffer, colsCount in
            vals = [Float](unsafeUninitializedCapacity: nonZeros) { valsBuffer, valsCount in
                if let c = colsBuffer.baseAddress, let v = valsBuffer.baseAddress {
                    writeRows(SharedMutable(pointer: c), SharedMutable(pointer: v))
                }
                valsCount = nonZeros
            }
            colsCount = nonZeros
        }
        let matrix = SparseMatrix(rowCount: n, columnCount: features.count, rowStart: rowStart, columns: cols, values: vals)
        return (vectorizer, matrix)
    }

    /// Writes one TF-IDF row, given its (column, count) entries in column order, to `columns`
    /// and `values` (room for `entries.count` each); `weights` is scratch space.
    /// (``TextClassifier/probabilities(_:threads:)`` does the same sums in the same order.)
    private static func writeRow(
        _ entries: [(Int32, Int32)], options: TfidfOptions, idf: [Double], weights: inout [Double],
        columns: UnsafeMutablePointer<Int32>, values: UnsafeMutablePointer<Float>
    ) {
        var norm = 0.0
        weights.removeAll(keepingCapacity: true)
        for (j, tf) in entries {
            // tf 1 (most entries) gives 1 either way: 1 + ln 1 is exactly 1.
            let t = options.sublinearTF && tf != 1 ? 1 + log(Double(tf)) : Double(tf)
            let w = t * idf[Int(j)]
            weights.append(w)
            norm += w * w
        }
        let scale = norm > 0 ? 1 / norm.squareRoot() : 0
        for (k, (j, _)) in entries.enumerated() {
            columns[k] = j
            values[k] = Float(weights[k] * scale)
        }
    }
}

private struct ReferenceChunkTokens: Sendable {
    var vocabulary: [String]
    var tokens: [UInt32]
    var starts: [Int]
}

private struct ReferenceChunkCounts: Sendable {
    var keys: [NGramKey]
    var df: [Int32]
    var total: [Int64]
    var docStart: [Int]
    var ids: [Int32]
    var counts: [Int32]
}

private struct ReferenceSharedMaps: Sendable {
    let maps: [[Int32]]
    let column: [Int32]
}

/// (A copy of the original ``NGramTable``, so that the reference does not change with it.)
/// A hash table from ``NGramKey`` to a non-negative `Int32`, with open addressing and linear
/// probing over a power-of-two number of slots.
///
/// It replaces `Dictionary<NGramKey, Int32>` on the vectoriser's hot path: the hash is two
/// multiplications instead of SipHash, a slot keeps its key and value side by side (one cache
/// line per probe), and there is no per-process seed, which is harmless here because nothing
/// ever iterates the table (ids are handed out in insertion order).
struct ReferenceNGramTable: Sendable {
    private struct Slot {
        var a: UInt64
        var b: UInt64
        var value: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    /// The number of keys stored.
    private(set) var count = 0

    /// Creates an empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 1024) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [Slot](repeating: Slot(a: 0, b: 0, value: -1), count: n)
        shift = UInt64(64 - (n - 1).nonzeroBitCount)
    }

    /// Multiply, fold and multiply again, then take the high bits (Fibonacci hashing), so that
    /// every bit of both words reaches the slot index.
    @inline(__always)
    private static func home(_ a: UInt64, _ b: UInt64, shift: UInt64) -> Int {
        var h = (a &* 0x9E37_79B9_7F4A_7C15) ^ (b &* 0xC2B2_AE3D_27D4_EB4F)
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: h >> shift)
    }

    /// The value stored for `key`, or nil.
    @inline(__always)
    func value(for key: NGramKey) -> Int32? {
        slots.withUnsafeBufferPointer { s in
            let mask = s.count - 1
            var i = ReferenceNGramTable.home(key.a, key.b, shift: shift)
            while true {
                let v = s[i].value
                if v < 0 { return nil }
                if s[i].a == key.a, s[i].b == key.b { return v }
                i = (i + 1) & mask
            }
        }
    }

    /// The value stored for `key`; when there is none, stores `newValue` and returns it with
    /// `inserted` true.
    @inline(__always)
    mutating func value(for key: NGramKey, inserting newValue: Int32) -> (value: Int32, inserted: Bool) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let shift = self.shift
        let result: (Int32, Bool) = slots.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            var i = ReferenceNGramTable.home(key.a, key.b, shift: shift)
            while true {
                let v = s[i].value
                if v < 0 {
                    s[i] = Slot(a: key.a, b: key.b, value: newValue)
                    return (newValue, true)
                }
                if s[i].a == key.a, s[i].b == key.b { return (v, false) }
                i = (i + 1) & mask
            }
        }
        if result.1 { count += 1 }
        return result
    }

    private mutating func grow() {
        let old = slots
        let n = old.count * 2
        slots = [Slot](repeating: Slot(a: 0, b: 0, value: -1), count: n)
        shift = UInt64(64 - (n - 1).nonzeroBitCount)
        let shift = self.shift
        slots.withUnsafeMutableBufferPointer { s in
            let mask = n - 1
            for slot in old where slot.value >= 0 {
                var i = ReferenceNGramTable.home(slot.a, slot.b, shift: shift)
                while s[i].value >= 0 { i = (i + 1) & mask }
                s[i] = slot
            }
        }
    }
}
