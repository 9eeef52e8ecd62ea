/// The column of every two-token n-gram, grouped by first token: for token id a, the pairs
/// (second token id, column) of the bigrams "a ·" sorted by second token, in one flat array.
///
/// It replaces a hash table on the hot path of prediction. A hash table sends every look-up,
/// found or not (and most bigrams of a text are not in the vocabulary), to a random slot of a
/// table too large for the cache. Here a look-up reads the group of its first token, and the
/// groups of frequent words ("of", "the") are read so often that they stay in cache; the
/// whole index takes 8 bytes per bigram, a third of a hash table at a sensible load.
struct BigramIndex: Sendable {
    /// Where each first token's group starts in `pairs`; `tokenCount + 1` entries.
    private let start: [Int32]
    /// (second token id << 32) | column, sorted within each group.
    private let pairs: [UInt64]

    /// Builds the index of `bigrams` (first token id, second token id, column) over token ids
    /// `0..<tokenCount`. Returns the index and, when two bigrams have the same tokens, the
    /// larger column of the first such pair in column order (the later of two equal n-grams),
    /// else nil.
    static func build(_ bigrams: [(first: UInt32, second: UInt32, column: Int32)], tokenCount: Int)
        -> (index: BigramIndex, duplicate: Int32?)
    {
        var start = [Int32](repeating: 0, count: tokenCount + 1)
        for b in bigrams { start[Int(b.first) + 1] += 1 }
        for t in 0..<tokenCount { start[t + 1] += start[t] }
        var next = start
        var pairs = [UInt64](repeating: 0, count: bigrams.count)
        for b in bigrams {
            pairs[Int(next[Int(b.first)])] = UInt64(b.second) << 32 | UInt64(UInt32(bitPattern: b.column))
            next[Int(b.first)] += 1
        }
        // Sort each group; equal second tokens end up side by side, smaller column first.
        var duplicate: Int32?
        pairs.withUnsafeMutableBufferPointer { p in
            for t in 0..<tokenCount {
                let group = Int(start[t])..<Int(start[t + 1])
                if group.count > 1 { p[group].sort() }
                for k in group.dropFirst() where p[k] >> 32 == p[k - 1] >> 32 {
                    let later = Int32(bitPattern: UInt32(truncatingIfNeeded: p[k]))
                    duplicate = min(duplicate ?? later, later)
                }
            }
        }
        return (BigramIndex(start: start, pairs: pairs), duplicate)
    }

    private init(start: [Int32], pairs: [UInt64]) {
        self.start = start
        self.pairs = pairs
    }

    /// An empty index.
    init() {
        start = [0]
        pairs = []
    }

    /// A bigram being searched for by ``appendColumns(ofBigramsIn:to:lanes:)``.
    struct Lane {
        /// The search range's start in `pairs` and its length, and the group's end.
        var low: Int
        var count: Int
        var end: Int
        /// The second token id, in the high 32 bits.
        var key: UInt64
    }

    /// Appends to `columns` the column of every bigram (`ids[i]`, `ids[i + 1]`) of the index,
    /// in no particular order; `lanes` is scratch space. Ids at or past the index's token count
    /// (such as ``NGramKey/unknown``) find nothing.
    ///
    /// The searches advance together, one halving step for all of them at a time, so that their
    /// cache misses are under way together instead of one search's after another's: the groups
    /// of rare words are rarely in cache.
    func appendColumns(ofBigramsIn ids: UnsafeBufferPointer<UInt32>, to columns: inout [Int32], lanes: inout [Lane]) {
        guard ids.count >= 2 else { return }
        lanes.removeAll(keepingCapacity: true)
        start.withUnsafeBufferPointer { s in
            let tokens = UInt32(s.count - 1)
            for i in 0..<(ids.count - 1) where ids[i] < tokens && ids[i + 1] != NGramKey.unknown {
                let low = Int(s[Int(ids[i])])
                let count = Int(s[Int(ids[i]) + 1]) - low
                if count > 0 { lanes.append(Lane(low: low, count: count, end: low + count, key: UInt64(ids[i + 1]) << 32)) }
            }
        }
        pairs.withUnsafeBufferPointer { p in
            lanes.withUnsafeMutableBufferPointer { lanes in
                // Halving steps (as in column(_:_:)) until every range has one element.
                var active = true
                while active {
                    active = false
                    for l in lanes.indices where lanes[l].count > 1 {
                        let half = lanes[l].count >> 1
                        lanes[l].low = p[lanes[l].low + half - 1] < lanes[l].key ? lanes[l].low + half : lanes[l].low
                        lanes[l].count -= half
                        active = true
                    }
                }
                for lane in lanes {
                    let at = p[lane.low] < lane.key ? lane.low + 1 : lane.low
                    if at < lane.end, p[at] >> 32 == lane.key >> 32 { columns.append(Int32(bitPattern: UInt32(truncatingIfNeeded: p[at]))) }
                }
            }
        }
    }

    /// The column of the bigram (`first`, `second`), or nil. `first` must be a token id of the
    /// index (below the `tokenCount` it was built with) or any larger value, which finds nothing.
    @inline(__always)
    func column(_ first: UInt32, _ second: UInt32) -> Int32? {
        guard Int(first) + 1 < start.count else { return nil }
        return start.withUnsafeBufferPointer { s in
            pairs.withUnsafeBufferPointer { p in
                // Lower bound of `second` in the group, by halving without a branch on the
                // data (a conditional move), so that the loop never mispredicts: its trip count
                // depends only on the group's size.
                var lo = Int(s[Int(first)])
                var n = Int(s[Int(first) + 1]) - lo
                let key = UInt64(second) << 32
                while n > 1 {
                    let half = n >> 1
                    lo = p[lo + half - 1] < key ? lo + half : lo
                    n -= half
                }
                if n == 1, p[lo] < key { lo += 1 }
                guard lo < Int(s[Int(first) + 1]), p[lo] >> 32 == UInt64(second) else { return nil }
                return Int32(bitPattern: UInt32(truncatingIfNeeded: p[lo]))
            }
        }
    }
}
