/// A hash table from a pair of token ids, packed in a `UInt64`, to a non-negative `Int32`, with
/// open addressing and linear probing over a power-of-two number of slots: the training
/// vectoriser's bigram counter.
///
/// Like ``NGramTable`` but with 16-byte slots (the key in one word), so that four slots share a
/// cache line. There is no per-process seed, which is harmless because nothing ever iterates
/// the table (ids are handed out in insertion order).
struct PairTable: Sendable {
    private struct Slot {
        var key: UInt64
        var value: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    /// The number of keys stored.
    private(set) var count = 0

    /// Creates an empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 1024) {
        var n = 16
        while n * 3 < capacity * 4 { n <<= 1 }
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: n)
        shift = UInt64(64 - (n - 1).nonzeroBitCount)
    }

    /// The pair (`first`, `second`) as a key.
    @inline(__always)
    static func key(_ first: UInt32, _ second: UInt32) -> UInt64 { UInt64(first) | UInt64(second) << 32 }

    /// Multiply, fold and multiply again, then take the high bits (Fibonacci hashing), so that
    /// every bit of the key reaches the slot index.
    @inline(__always)
    private static func home(_ key: UInt64, shift: UInt64) -> Int {
        var h = key &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: h >> shift)
    }

    /// Reads the home slot of `key`, so that the memory is on its way before
    /// ``value(for:inserting:)`` needs it; returns a value that callers fold into something they
    /// keep, so that the load is not optimised away.
    @inline(__always)
    func touch(_ key: UInt64) -> UInt64 {
        slots.withUnsafeBufferPointer { $0[PairTable.home(key, shift: shift)].key }
    }

    /// The value stored for `key`; when there is none, stores `newValue` and returns it with
    /// `inserted` true.
    @inline(__always)
    mutating func value(for key: UInt64, inserting newValue: Int32) -> (value: Int32, inserted: Bool) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        let shift = self.shift
        let result: (Int32, Bool) = slots.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            var i = PairTable.home(key, shift: shift)
            while true {
                let v = s[i].value
                if v < 0 {
                    s[i] = Slot(key: key, value: newValue)
                    return (newValue, true)
                }
                if s[i].key == key { return (v, false) }
                i = (i + 1) & mask
            }
        }
        if result.1 { count += 1 }
        return result
    }

    private mutating func grow() {
        let old = slots
        let n = old.count * 2
        slots = [Slot](repeating: Slot(key: 0, value: -1), count: n)
        shift = UInt64(64 - (n - 1).nonzeroBitCount)
        let shift = self.shift
        slots.withUnsafeMutableBufferPointer { s in
            let mask = n - 1
            for slot in old where slot.value >= 0 {
                var i = PairTable.home(slot.key, shift: shift)
                while s[i].value >= 0 { i = (i + 1) & mask }
                s[i] = slot
            }
        }
    }
}
