/// A hash table from ``NGramKey`` to a non-negative `Int32`, with open addressing and linear
/// probing over a power-of-two number of slots.
///
/// It replaces `Dictionary<NGramKey, Int32>` on the vectoriser's hot path: the hash is two
/// multiplications instead of SipHash, a slot keeps its key and value side by side (one cache
/// line per probe), and there is no per-process seed, which is harmless here because nothing
/// ever iterates the table (ids are handed out in insertion order).
struct NGramTable: Sendable {
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

    /// Reads the home slot of `key`, so that the memory is on its way before a look-up needs
    /// it; returns a value that callers fold into something they keep, so that the load is not
    /// optimised away.
    @inline(__always)
    func touch(_ key: NGramKey) -> UInt64 {
        slots.withUnsafeBufferPointer { $0[NGramTable.home(key.a, key.b, shift: shift)].a }
    }

    /// The value stored for `key`, or nil.
    @inline(__always)
    func value(for key: NGramKey) -> Int32? {
        slots.withUnsafeBufferPointer { s in
            let mask = s.count - 1
            var i = NGramTable.home(key.a, key.b, shift: shift)
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
            var i = NGramTable.home(key.a, key.b, shift: shift)
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
                var i = NGramTable.home(slot.a, slot.b, shift: shift)
                while s[i].value >= 0 { i = (i + 1) & mask }
                s[i] = slot
            }
        }
    }
}
