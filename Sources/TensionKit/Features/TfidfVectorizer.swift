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
    /// The id of every ASCII token of the vocabulary, looked up by bytes.
    private let asciiTokens: TokenTable
    /// The id of every non-ASCII token (canonical equivalence, as `String` compares), for text
    /// that takes the Unicode path. Empty for most models.
    private let otherTokens: [String: UInt32]
    /// The column of each token id as a unigram, or -1: an array small enough to stay in cache.
    private let unigramColumn: [Int32]
    /// The column of each n-gram of two tokens.
    private let bigrams: BigramIndex
    /// The column of each n-gram of three or more tokens.
    private let columnOf: NGramTable

    /// Rebuilds a fitted vectorizer from its vocabulary and idf (as stored in a model file).
    ///
    /// Tokens are told apart as `String` tells them apart (canonical equivalence), as they were
    /// when the token ids lived in a `Dictionary<String, UInt32>`: an ASCII token is equivalent
    /// only to itself, so ASCII tokens are keyed by their bytes in a ``TokenTable``; a non-ASCII
    /// token whose canonical decomposition is ASCII (e.g. the Kelvin sign, "K") is keyed by
    /// that decomposition there too, and any other goes to a `Dictionary<String, UInt32>`.
    public init(options: TfidfOptions, features: [String], idf: [Double]) throws {
        guard features.count == idf.count else {
            throw TensionError(.model, "the vocabulary has \(features.count) n-grams but \(idf.count) idf values")
        }
        self.options = options
        self.features = features
        self.idf = idf
        var table = TokenTable(capacity: max(1024, features.count / 2))
        var others: [String: UInt32] = [:]
        var nextID: UInt32 = 0
        var unigrams: [Int32] = []
        func id(ofASCII bytes: UnsafeRawBufferPointer) -> UInt32 {
            let (id, inserted) = table.id(of: bytes, inserting: nextID)
            if inserted {
                nextID += 1
                unigrams.append(-1)
            }
            return id
        }
        func id(of token: Substring) -> UInt32 {
            if token.utf8.allSatisfy({ $0 < 0x80 }) { return Array(token.utf8).withUnsafeBytes { id(ofASCII: $0) } }
            let s = String(token)
            if let id = others[s] { return id }
            let decomposed = s.decomposedStringWithCanonicalMapping
            if decomposed.utf8.allSatisfy({ $0 < 0x80 }) { return Array(decomposed.utf8).withUnsafeBytes { id(ofASCII: $0) } }
            others[s] = nextID
            nextID += 1
            unigrams.append(-1)
            return nextID - 1
        }
        var bigramList: [(first: UInt32, second: UInt32, column: Int32)] = []
        var columns = NGramTable(capacity: options.ngramMax > 2 ? features.count / 2 : 16)
        let ngramMax = options.ngramMax
        var ids: [UInt32] = []
        // The first fault in vocabulary order is the one reported, as when each n-gram was
        // checked in turn; duplicate bigrams are found only once all are read, so faults are
        // noted here and thrown at the end.
        var fault: (column: Int, error: TensionError)?
        for (j, f) in features.enumerated() where fault == nil {
            ids.removeAll(keepingCapacity: true)
            var wellFormed = true
            let wasASCII: Bool? = f.utf8.withContiguousStorageIfAvailable { bytes in
                guard Tokenizer.isASCII(bytes) else { return false }
                // ASCII: splitting the bytes at spaces is splitting the Characters at " ".
                var start = 0
                for i in 0...bytes.count where i == bytes.count || bytes[i] == 0x20 {
                    if i == start || ids.count >= ngramMax {
                        wellFormed = false
                        break
                    }
                    ids.append(id(ofASCII: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<i])))
                    start = i + 1
                }
                return true
            }
            if wasASCII != true {
                // The general path: " " followed by a combining mark is one Character, not a split.
                let parts = f.split(separator: " ", omittingEmptySubsequences: false)
                if parts.isEmpty || parts.count > ngramMax || !parts.allSatisfy({ !$0.isEmpty }) {
                    wellFormed = false
                } else {
                    for p in parts { ids.append(id(of: p)) }
                }
            }
            guard wellFormed, !ids.isEmpty else {
                fault = (j, TensionError(.model, "n-gram \(j + 1) of the vocabulary (\"\(f)\") is malformed"))
                break
            }
            var known = false
            switch ids.count {
            case 1:
                known = unigrams[Int(ids[0])] >= 0
                unigrams[Int(ids[0])] = Int32(j)
            case 2:
                bigramList.append((ids[0], ids[1], Int32(j)))
            default:
                known = !columns.value(for: NGramKey(ids[...]), inserting: Int32(j)).inserted
            }
            if known { fault = (j, TensionError(.model, "n-gram \"\(f)\" appears twice in the vocabulary")) }
        }
        let (index, duplicate) = BigramIndex.build(bigramList, tokenCount: Int(nextID))
        if let d = duplicate.map(Int.init), d < fault?.column ?? Int.max {
            fault = (d, TensionError(.model, "n-gram \"\(features[d])\" appears twice in the vocabulary"))
        }
        if let fault { throw fault.error }
        self.asciiTokens = table
        self.otherTokens = others
        self.unigramColumn = unigrams
        self.bigrams = index
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
        let ngramMax = options.ngramMax
        // Chunks of about 8,192 texts: few enough that merging their n-gram tables is cheap.
        let ranges = Parallel.ranges(count: n, chunks: Parallel.chunkCount(for: n, grain: 8192))
        let shared = SharedTexts(texts: texts)

        // 1. Tokenise and count each chunk's n-grams against its own token and n-gram ids
        //    (parallel; see ChunkNGramCounts), a wave of `threads` chunks at a time, and merge
        //    each wave into the global tokens and n-grams in chunk order, so that global ids are
        //    the same whatever the thread count (the order of first appearance in the corpus). A
        //    chunk's tables are freed as soon as it is merged, so that only one wave's tables are
        //    ever in memory beside the per-document lists.
        let parts = DisjointWrites<ChunkNGramCounts?>(repeating: nil, count: ranges.count)
        var vocabulary = TokenVocabulary(capacity: 1 << 14)
        var gUnigram: [Int32] = []
        var gPairs = PairTable(capacity: ngramMax >= 2 ? 1 << 16 : 16)
        var gLonger = NGramTable(capacity: ngramMax >= 3 ? 1 << 16 : 16)
        var gKeys: [NGramKey] = []
        var gDF: [Int32] = []
        var gTotal: [Int64] = []
        var chunkMaps: [[Int32]] = []
        // Where the loads that only warm the cache go.
        var sink: UInt64 = 0
        let wave = max(1, min(threads, ranges.count))
        for first in stride(from: 0, to: ranges.count, by: wave) {
            let last = min(first + wave, ranges.count)
            Parallel.forEach(chunks: last - first, threads: threads) { w in
                parts[first + w] = ChunkNGramCounts.count(shared.texts, range: ranges[first + w], ngramMax: ngramMax)
            }
            for c in first..<last {
                var part = parts.take(c)
                let tokenMap = vocabulary.merge(part.vocabulary)
                part.vocabulary = TokenVocabulary(capacity: 1)
                while gUnigram.count < vocabulary.count { gUnigram.append(-1) }
                var map = [Int32](repeating: 0, count: part.keys.count)
                // A block of keys at a time: first each key in global token ids, with its home
                // slot read (so that the block's cache misses are under way together), then the
                // look-ups, in key order.
                let block = 64
                var global = [NGramKey](repeating: NGramKey(), count: block)
                let none = UInt64(NGramKey.none)
                for from in stride(from: 0, to: part.keys.count, by: block) {
                    let to = min(from + block, part.keys.count)
                    for l in from..<to {
                        // The local key in global token ids (NGramKey.none marks unused places).
                        let local = part.keys[l]
                        var key = NGramKey()
                        key.set(0, tokenMap[Int(local.a & 0xFFFF_FFFF)])
                        if local.a >> 32 != none {
                            key.set(1, tokenMap[Int(local.a >> 32)])
                            if local.b == UInt64.max {
                                sink &+= gPairs.touch(key.a)
                            } else {
                                key.set(2, tokenMap[Int(local.b & 0xFFFF_FFFF)])
                                if local.b >> 32 != none { key.set(3, tokenMap[Int(local.b >> 32)]) }
                                sink &+= gLonger.touch(key)
                            }
                        }
                        global[l - from] = key
                    }
                    for l in from..<to {
                        let key = global[l - from]
                        var g: Int32
                        var inserted: Bool
                        if key.a >> 32 == none {
                            let t0 = Int(key.a & 0xFFFF_FFFF)
                            g = gUnigram[t0]
                            inserted = g < 0
                            if inserted {
                                g = Int32(gKeys.count)
                                gUnigram[t0] = g
                            }
                        } else if key.b == UInt64.max {
                            (g, inserted) = gPairs.value(for: key.a, inserting: Int32(gKeys.count))
                        } else {
                            (g, inserted) = gLonger.value(for: key, inserting: Int32(gKeys.count))
                        }
                        map[l] = g
                        if inserted {
                            gKeys.append(key)
                            gDF.append(part.df[l])
                            gTotal.append(part.total[l])
                        } else {
                            gDF[Int(g)] += part.df[l]
                            gTotal[Int(g)] += part.total[l]
                        }
                    }
                }
                part.keys = []
                part.df = []
                part.total = []
                parts[c] = part
                chunkMaps.append(map)
            }
        }
        // A use of the warming loads' sum that the optimiser cannot drop (and that is harmless).
        if sink == 1 { gKeys.reserveCapacity(gKeys.count + 1) }
        gPairs = PairTable(capacity: 1)
        gLonger = NGramTable(capacity: 1)
        gUnigram = []
        let tokenStrings = vocabulary.texts
        vocabulary = TokenVocabulary(capacity: 1)

        // 2. Filter by document frequency, cut to maxFeatures, sort alphabetically.
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

        // 3. Build the rows: find the column of each chunk n-gram and count each row's kept
        //    entries (parallel), then write every chunk's rows at their final place (parallel).
        //    A row's entries are in order of first appearance; sorting them by column gives the
        //    row (columns within a row are distinct, so any order before the sort gives the same
        //    row). A chunk's lists are freed as soon as its rows are written, and the matrix's
        //    pages are touched only when written, so the lists and the finished matrix are not
        //    both whole in memory at once.
        // Each chunk's map is freed as soon as its columns are found, so that the maps and the
        // columns are not both whole in memory at once.
        let maps = DisjointWrites<[Int32]>(repeating: [], count: ranges.count)
        for c in chunkMaps.indices { maps[c] = chunkMaps[c] }
        chunkMaps = []
        let columnOfID = column
        column = []
        let localColumns = DisjointWrites<[Int32]>(repeating: [], count: ranges.count)
        let rowLengths = DisjointWrites<Int>(repeating: 0, count: n)
        Parallel.forEach(chunks: ranges.count, threads: threads) { c in
            let part = parts[c]!
            let columnOf = maps[c].map { columnOfID[Int($0)] }
            maps[c] = []
            for d in 0..<(part.docStart.count - 1) {
                var kept = 0
                for k in part.docStart[d]..<part.docStart[d + 1] where columnOf[Int(part.ids[k])] >= 0 {
                    kept += 1
                }
                rowLengths[ranges[c].lowerBound + d] = kept
            }
            localColumns[c] = columnOf
        }
        var rowStart = [Int](repeating: 0, count: n + 1)
        for i in 0..<n { rowStart[i + 1] = rowStart[i] + rowLengths[i] }
        let nonZeros = rowStart[n]
        let starts = rowStart
        let columnCount = features.count
        let idfValues = idf
        let sublinear = options.sublinearTF
        func writeRows(_ colsOut: SharedMutable<Int32>, _ valsOut: SharedMutable<Float>) {
            Parallel.forEach(chunks: ranges.count, threads: threads) { c in
                let part = parts.take(c)
                let columnOf = localColumns[c]
                localColumns[c] = []
                var sorter = ColumnSort(columnCount: columnCount)
                var entries: [UInt64] = []
                var weights: [Double] = []
                let first = ranges[c].lowerBound
                idfValues.withUnsafeBufferPointer { idf in
                    part.ids.withUnsafeBufferPointer { ids in
                        part.counts.withUnsafeBufferPointer { counts in
                            columnOf.withUnsafeBufferPointer { columnOf in
                                for d in 0..<(part.docStart.count - 1) {
                                    entries.removeAll(keepingCapacity: true)
                                    for k in part.docStart[d]..<part.docStart[d + 1] {
                                        let j = columnOf[Int(ids[k])]
                                        if j >= 0 { entries.append(UInt64(UInt32(j)) << 32 | UInt64(UInt32(counts[k]))) }
                                    }
                                    sorter.sortByHighWord(&entries)
                                    let at = starts[first + d]
                                    TfidfVectorizer.writeRow(packed: entries, idf: idf, sublinearTF: sublinear, weights: &weights,
                                                             columns: colsOut.pointer + at, values: valsOut.pointer + at)
                                }
                            }
                        }
                    }
                }
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

    /// Writes one TF-IDF row, given its entries in column order, each packed as column << 32 |
    /// count, to `columns` and `values` (room for `entries.count` each); `weights` is scratch
    /// space. The same sums in the same order as ``writeRow(_:weights:columns:values:)``.
    private static func writeRow(
        packed entries: [UInt64], idf: UnsafeBufferPointer<Double>, sublinearTF: Bool, weights: inout [Double],
        columns: UnsafeMutablePointer<Int32>, values: UnsafeMutablePointer<Float>
    ) {
        var norm = 0.0
        weights.removeAll(keepingCapacity: true)
        for e in entries {
            let tf = Int32(truncatingIfNeeded: e)
            // tf 1 (most entries) gives 1 either way: 1 + ln 1 is exactly 1.
            let t = sublinearTF && tf != 1 ? 1 + log(Double(tf)) : Double(tf)
            let w = t * idf[Int(e >> 32)]
            weights.append(w)
            norm += w * w
        }
        let scale = norm > 0 ? 1 / norm.squareRoot() : 0
        for (k, e) in entries.enumerated() {
            columns[k] = Int32(truncatingIfNeeded: e >> 32)
            values[k] = Float(weights[k] * scale)
        }
    }

    /// Writes one TF-IDF row, given its (column, count) entries in column order, to `columns`
    /// and `values` (room for `entries.count` each); `weights` is scratch space.
    /// (``TextClassifier/probabilities(_:threads:)`` does the same sums in the same order.)
    private func writeRow(
        _ entries: [(Int32, Int32)], weights: inout [Double],
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

    /// The (column, count) entries of `text`, in column order; unknown n-grams are dropped.
    public func counts(_ text: String) -> [(column: Int32, count: Int32)] {
        var scratch = RowScratch()
        countEntries(text, into: &scratch)
        return scratch.entries.map { (column: $0.0, count: $0.1) }
    }

    /// Reusable buffers for ``countEntries(_:into:)``, one per thread.
    struct RowScratch {
        /// A token's bytes, padded (see ``Tokenizer/forEachASCIIToken(_:scratch:_:)``).
        var token: [UInt8] = []
        /// The ASCII tokens of the text, not yet looked up, with their bytes from the 9th on.
        var pending: [PendingToken] = []
        var rest: [UInt8] = []
        var ids: [UInt32] = []
        var lanes: [BigramIndex.Lane] = []
        var sorter: ColumnSort?
        var columns: [Int32] = []
        var entries: [(Int32, Int32)] = []
        var weights: [Double] = []
        /// Where ``TokenTable/touch(hash:)`` results go.
        var sink: UInt64 = 0
    }

    /// A token waiting for its look-up: its hash, first 8 bytes (padded), length, and where its
    /// bytes from the 9th on are in ``RowScratch/rest``.
    struct PendingToken {
        var hash: UInt64
        var first: UInt64
        var length: Int
        var restAt: Int
    }

    /// The id of `token` (a token of the Unicode path), or ``NGramKey/unknown``; `scratch` holds
    /// the padded bytes of an ASCII token.
    private func tokenID(_ token: String, scratch: inout [UInt8]) -> UInt32 {
        var token = token
        let id: UInt32? = token.withUTF8 { bytes in
            guard Tokenizer.isASCII(bytes) else { return nil }
            let padded = TokenTable.paddedLength(bytes.count)
            if scratch.count < padded { scratch = [UInt8](repeating: 0, count: padded) }
            return scratch.withUnsafeMutableBytes { out in
                out.copyMemory(from: UnsafeRawBufferPointer(bytes))
                for k in bytes.count..<padded { out[k] = 0 }
                let h = TokenTable.hash(out.baseAddress!, length: bytes.count)
                return asciiTokens.id(of: out.baseAddress!, length: bytes.count, hash: h) ?? NGramKey.unknown
            }
        }
        if let id { return id }
        if let id = otherTokens[token] { return id }
        let decomposed = token.decomposedStringWithCanonicalMapping
        return decomposed.utf8.allSatisfy({ $0 < 0x80 }) ? tokenID(decomposed, scratch: &scratch) : NGramKey.unknown
    }

    /// Appends the token ids of `text` to `scratch.ids` when `text` is ASCII, by bytes; returns
    /// false, having done nothing, when it is not.
    ///
    /// Three passes: the first tokenises and hashes, the second reads each token's home slot,
    /// the third looks the tokens up. A look-up is mostly a cache miss; this way a sentence's
    /// misses are under way together instead of one after the other.
    private func appendASCIITokenIDs(_ text: String, into scratch: inout RowScratch) -> Bool {
        var pending = scratch.pending
        var rest = scratch.rest
        var token = scratch.token
        var sink = scratch.sink
        pending.removeAll(keepingCapacity: true)
        rest.removeAll(keepingCapacity: true)
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard Tokenizer.isASCII(bytes) else { return false }
            Tokenizer.forEachASCIIToken(bytes, scratch: &token) { p, length in
                let h = TokenTable.hash(p, length: length)
                var restAt = 0
                if length > 8 {
                    restAt = rest.count
                    rest.append(contentsOf: UnsafeRawBufferPointer(start: p + 8, count: TokenTable.paddedLength(length) - 8))
                }
                pending.append(PendingToken(hash: h, first: p.loadUnaligned(as: UInt64.self), length: length, restAt: restAt))
            }
            return true
        }
        if done == true {
            // Read every token's slot in one tight loop, so that the misses overlap.
            for t in pending { sink &+= asciiTokens.touch(hash: t.hash) }
            rest.withUnsafeBytes { r in
                for t in pending {
                    let id = asciiTokens.id(first: t.first, rest: r.baseAddress.map { $0 + t.restAt }, length: t.length, hash: t.hash)
                    scratch.ids.append(id ?? NGramKey.unknown)
                }
            }
        }
        scratch.pending = pending
        scratch.rest = rest
        scratch.token = token
        scratch.sink = sink
        return done ?? false
    }

    /// Fills `scratch.entries` with the (column, count) entries of `text`, in column order.
    ///
    /// ASCII text (nearly all input) is tokenised and looked up by bytes; other text is folded
    /// (``TextNormalizer/fold(_:)``), which often leaves ASCII (curly quotes, dashes), and
    /// otherwise takes ``Tokenizer``'s Unicode path. ASCII text is its own fold, and the
    /// tokenizer's ASCII path is the same byte loop, so every path gives the same tokens.
    ///
    /// With `touching`, the first double of each column's record there (`stride` doubles per
    /// column) is read as soon as the column is found, so that the caller's later reads of
    /// those records find them in cache (the misses overlap with the look-ups still to come).
    func countEntries(_ text: String, into scratch: inout RowScratch,
                      touching records: UnsafePointer<Double>? = nil, stride: Int = 0) {
        scratch.ids.removeAll(keepingCapacity: true)
        if !appendASCIITokenIDs(text, into: &scratch) {
            let folded = TextNormalizer.fold(text)
            if !appendASCIITokenIDs(folded, into: &scratch) {
                var ids = scratch.ids
                var token = scratch.token
                Tokenizer().forEachToken(folded) { t in ids.append(tokenID(t, scratch: &token)) }
                scratch.ids = ids
                scratch.token = token
            }
        }
        scratch.columns.removeAll(keepingCapacity: true)
        scratch.entries.removeAll(keepingCapacity: true)
        let ngramMax = options.ngramMax
        let n = scratch.ids.count
        var sink = scratch.sink
        scratch.ids.withUnsafeBufferPointer { ids in
            unigramColumn.withUnsafeBufferPointer { unigrams in
                for id in ids where id != NGramKey.unknown {
                    // No n-gram of the vocabulary holds an unknown token.
                    let j = unigrams[Int(id)]
                    if j >= 0 { scratch.columns.append(j) }
                }
            }
            guard ngramMax >= 2 else { return }
            bigrams.appendColumns(ofBigramsIn: ids, to: &scratch.columns, lanes: &scratch.lanes)
            guard ngramMax >= 3 else { return }
            for start in 0..<n {
                var key = NGramKey()
                var len = 1
                while len <= ngramMax, start + len <= n {
                    let id = ids[start + len - 1]
                    if id == NGramKey.unknown { break }
                    key.set(len - 1, id)
                    if len >= 3, let j = columnOf.value(for: key) { scratch.columns.append(j) }
                    len += 1
                }
            }
        }
        // Read every column's record now, in one tight loop, so that the misses overlap.
        if let records {
            for j in scratch.columns { sink &+= records[Int(j) * stride].bitPattern }
        }
        scratch.sink = sink
        if scratch.sorter == nil { scratch.sorter = ColumnSort(columnCount: features.count) }
        scratch.sorter!.sort(&scratch.columns)
        var k = 0
        while k < scratch.columns.count {
            var e = k + 1
            while e < scratch.columns.count, scratch.columns[e] == scratch.columns[k] { e += 1 }
            scratch.entries.append((scratch.columns[k], Int32(e - k)))
            k = e
        }
    }

    /// The TF-IDF matrix of `texts`, one row per text, with the fitted vocabulary.
    public func transform(_ texts: [String], threads: Int = Parallel.defaultThreads) -> SparseMatrix {
        let shared = SharedTexts(texts: texts)
        let ranges = Parallel.ranges(count: texts.count, chunks: Parallel.chunkCount(for: texts.count, grain: 1024, limit: 1024))
        let parts = DisjointWrites<(lengths: [Int], columns: [Int32], values: [Float])>(repeating: ([], [], []), count: ranges.count)
        Parallel.forEach(chunks: ranges.count, threads: threads) { c in
            var scratch = RowScratch()
            var lengths: [Int] = []
            var columns: [Int32] = []
            var values: [Float] = []
            lengths.reserveCapacity(ranges[c].count)
            for i in ranges[c] {
                self.countEntries(shared.texts[i], into: &scratch)
                let at = columns.count
                let m = scratch.entries.count
                columns.append(contentsOf: repeatElement(0, count: m))
                values.append(contentsOf: repeatElement(0, count: m))
                columns.withUnsafeMutableBufferPointer { cp in
                    values.withUnsafeMutableBufferPointer { vp in
                        if m > 0 {
                            self.writeRow(scratch.entries, weights: &scratch.weights, columns: cp.baseAddress! + at, values: vp.baseAddress! + at)
                        }
                    }
                }
                lengths.append(m)
            }
            parts[c] = (lengths, columns, values)
        }
        var rowStart = [0]
        rowStart.reserveCapacity(texts.count + 1)
        var cols: [Int32] = []
        var vals: [Float] = []
        for c in 0..<ranges.count {
            let part = parts[c]
            for m in part.lengths { rowStart.append(rowStart[rowStart.count - 1] + m) }
            cols.append(contentsOf: part.columns)
            vals.append(contentsOf: part.values)
        }
        return SparseMatrix(rowCount: texts.count, columnCount: features.count, rowStart: rowStart, columns: cols, values: vals)
    }
}

/// Up to four token ids packed into two words: a hashable n-gram key.
struct NGramKey: Hashable, Sendable {
    static let none: UInt32 = .max
    static let unknown: UInt32 = .max - 1
    var a: UInt64 = .max
    var b: UInt64 = .max

    init() {}

    init(a: UInt64, b: UInt64) {
        self.a = a
        self.b = b
    }

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

/// Texts shared read-only by parallel chunks.
struct SharedTexts: Sendable { let texts: [String] }
