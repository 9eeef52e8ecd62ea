/// The n-grams of one chunk of training documents, counted: the chunk's own token and n-gram
/// ids (in order of first appearance), each n-gram's document frequency and total count, and
/// each document's (n-gram, count) list. ``TfidfVectorizer/fit(_:options:threads:)`` counts
/// chunks in parallel and merges them in chunk order.
struct ChunkNGramCounts: Sendable {
    /// The chunk's tokens.
    var vocabulary: TokenVocabulary
    /// Each n-gram's tokens (ids of `vocabulary`), by n-gram id.
    var keys: [NGramKey]
    /// The number of documents that contain each n-gram.
    var df: [Int32]
    /// The number of times each n-gram occurs in the chunk.
    var total: [Int64]
    /// Where each document's entries start in `ids` and `counts` (one more than the documents).
    var docStart: [Int]
    /// The n-gram ids of each document's entries, in order of first appearance in the document.
    var ids: [Int32]
    /// The count in the document of each entry.
    var counts: [Int32]

    /// What is kept per n-gram while counting: the index in `ids` of its entry for the latest
    /// document that has it (-1 before the first), its total count and its document frequency.
    private struct Tally {
        var entry: Int
        var total: Int64
        var df: Int32
    }

    /// Tokenises and counts `texts[range]` with n-grams of 1 through `ngramMax` tokens.
    ///
    /// Tokens are those of ``Tokenizer`` on ``TextNormalizer/fold(_:)`` of each text (as
    /// ``TfidfVectorizer/countEntries(_:into:touching:stride:)`` finds them): ASCII text (its
    /// own fold) and text that folds to ASCII are tokenised and looked up by bytes, any other
    /// text through `String` tokens. A document's n-grams are visited by start, then length;
    /// ids are handed out in that order. A document's entries are found without sorting: an
    /// n-gram's tally remembers its entry for the latest document that has it.
    static func count(_ texts: [String], range: Range<Int>, ngramMax: Int) -> ChunkNGramCounts {
        // Sizes from the chunk's bytes (about 6 per token in English text), so that the tables
        // seldom grow; they grow when the guess is short.
        var bytes = 0
        for i in range { bytes += texts[i].utf8.count }
        var counter = Counter(bytes: bytes, documents: range.count, ngramMax: ngramMax)
        var tokens: [UInt32] = []
        var scratch: [UInt8] = []
        for i in range {
            tokens.removeAll(keepingCapacity: true)
            let text = texts[i]
            // ASCII text is its own fold, and Tokenizer's ASCII path is this same byte loop.
            if !appendASCIITokenIDs(text, to: &tokens, vocabulary: &counter.vocabulary, scratch: &scratch) {
                let folded = TextNormalizer.fold(text)
                if !appendASCIITokenIDs(folded, to: &tokens, vocabulary: &counter.vocabulary, scratch: &scratch) {
                    appendUnicodeTokenIDs(folded, to: &tokens, vocabulary: &counter.vocabulary)
                }
            }
            tokens.withUnsafeBufferPointer { counter.countDocument($0) }
        }
        // A use of the warming loads' sum that the optimiser cannot drop (and that is harmless).
        if counter.sink == 1 { counter.keys.reserveCapacity(counter.keys.count + 1) }
        return ChunkNGramCounts(
            vocabulary: counter.vocabulary, keys: counter.keys, df: counter.tallies.map(\.df),
            total: counter.tallies.map(\.total), docStart: counter.docStart, ids: counter.ids, counts: counter.counts)
    }

    /// Appends the ids of the tokens of `text` to `tokens` when `text` is ASCII (adding new
    /// tokens to `vocabulary`) and returns true; returns false, having done nothing, when it is not.
    private static func appendASCIITokenIDs(_ text: String, to tokens: inout [UInt32], vocabulary: inout TokenVocabulary,
                                            scratch: inout [UInt8]) -> Bool {
        let done: Bool? = text.utf8.withContiguousStorageIfAvailable { bytes in
            guard Tokenizer.isASCII(bytes) else { return false }
            Tokenizer.forEachASCIIToken(bytes, scratch: &scratch) { p, length in
                tokens.append(vocabulary.id(ofPadded: p, length: length))
            }
            return true
        }
        return done ?? false
    }

    /// Appends the ids of the tokens of `text` (through ``Tokenizer``'s `String` tokens).
    private static func appendUnicodeTokenIDs(_ text: String, to tokens: inout [UInt32], vocabulary: inout TokenVocabulary) {
        Tokenizer().forEachToken(text) { tokens.append(vocabulary.id(of: $0)) }
    }

    /// The state of ``count(_:range:ngramMax:)``.
    private struct Counter {
        var vocabulary: TokenVocabulary
        /// The n-gram id of each token as a unigram, or -1.
        var unigram: [Int32] = []
        var pairs: PairTable
        var longer: NGramTable
        var keys: [NGramKey] = []
        var tallies: [Tally] = []
        var docStart: [Int] = [0]
        var ids: [Int32] = []
        var counts: [Int32] = []
        let ngramMax: Int

        init(bytes: Int, documents: Int, ngramMax: Int) {
            self.ngramMax = ngramMax
            let tokenGuess = bytes / 6
            vocabulary = TokenVocabulary(capacity: max(1024, tokenGuess / 8))
            pairs = PairTable(capacity: ngramMax >= 2 ? max(1024, tokenGuess / 2) : 16)
            longer = NGramTable(capacity: ngramMax >= 3 ? max(1024, tokenGuess / 2 * (ngramMax - 2)) : 16)
            keys.reserveCapacity(tokenGuess / 8 + tokenGuess / 2 * (ngramMax - 1))
            tallies.reserveCapacity(keys.capacity)
            docStart.reserveCapacity(documents + 1)
            // No document has more distinct n-grams than n-gram positions, and a token takes at
            // least 3 bytes with its separator: room reserved once (pages are touched only when
            // written), so that the lists are seldom reallocated on the way.
            let bound = (bytes / 3 + documents) * ngramMax
            ids.reserveCapacity(bound)
            counts.reserveCapacity(bound)
        }

        /// The document's n-gram ids, in the order they are visited.
        var visited: [Int32] = []
        /// Where the loads that only warm the cache go.
        var sink: UInt64 = 0

        /// Counts the n-grams of one document, given its token ids.
        ///
        /// In passes, so that a document's cache misses are under way together instead of one
        /// after the other: the bigrams' slots are read first, then the n-grams are looked up,
        /// then their tallies are read, then the tallies are updated in the order visited.
        mutating func countDocument(_ t: UnsafeBufferPointer<UInt32>) {
            while unigram.count < vocabulary.count { unigram.append(-1) }
            let first = ids.count
            let length = t.count
            if ngramMax >= 2, length >= 2 {
                for start in 0..<(length - 1) { sink &+= pairs.touch(PairTable.key(t[start], t[start + 1])) }
            }
            visited.removeAll(keepingCapacity: true)
            for start in 0..<length {
                let t0 = t[start]
                var key = NGramKey()
                key.set(0, t0)
                var id = unigram[Int(t0)]
                if id < 0 {
                    id = newID(key)
                    unigram[Int(t0)] = id
                }
                visited.append(id)
                guard ngramMax >= 2, start + 1 < length else { continue }
                key.set(1, t[start + 1])
                let (pair, newPair) = pairs.value(for: key.a, inserting: Int32(keys.count))
                if newPair { _ = newID(key) }
                visited.append(pair)
                var len = 3
                while len <= ngramMax, start + len <= length {
                    key.set(len - 1, t[start + len - 1])
                    let (g, inserted) = longer.value(for: key, inserting: Int32(keys.count))
                    if inserted { _ = newID(key) }
                    visited.append(g)
                    len += 1
                }
            }
            tallies.withUnsafeBufferPointer { tallies in
                for id in visited { sink &+= UInt64(bitPattern: Int64(tallies[Int(id)].entry)) }
            }
            for id in visited { see(id, first: first) }
            docStart.append(ids.count)
        }

        /// Counts one occurrence of n-gram `id` in the document whose entries start at `first`.
        @inline(__always)
        private mutating func see(_ id: Int32, first: Int) {
            let k = Int(id)
            let at = tallies[k].entry
            if at >= first {
                counts[at] += 1
            } else {
                tallies[k].entry = ids.count
                tallies[k].df += 1
                ids.append(id)
                counts.append(1)
            }
            tallies[k].total += 1
        }

        /// The id of the new n-gram `key`.
        @inline(__always)
        private mutating func newID(_ key: NGramKey) -> Int32 {
            keys.append(key)
            tallies.append(Tally(entry: -1, total: 0, df: 0))
            return Int32(keys.count - 1)
        }
    }
}
