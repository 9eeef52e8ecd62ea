/// A hash table from a token's UTF-8 bytes to a token id, with open addressing and linear
/// probing over a power-of-two number of slots: the vectoriser's token look-up at prediction
/// time, without making a `String` per token and without SipHash.
///
/// Keys are compared byte for byte (a `Dictionary<String, _>` compares by canonical
/// equivalence; ``TfidfVectorizer`` keeps the difference in mind for non-ASCII tokens).
///
/// A key is handed over *padded*: its bytes followed by zeros up to the next multiple of 8, so
/// that hashing and comparing go 8 bytes at a time. A slot keeps the key's first 8 bytes and its
/// length beside the id, so most tokens (8 bytes or shorter) are found by reading one slot; the
/// rest of a longer key is kept padded in one byte array. Look-ups come in two steps, ``hash(_:length:)``
/// then ``id(of:length:hash:)``, so that a caller can start the memory loads of a whole
/// sentence's slots (``touch(hash:)``) before it needs the first one. Like ``NGramTable``, there
/// is no per-process seed, which is harmless because nothing ever iterates the table.
struct TokenTable: Sendable {
    private struct Slot {
        /// The key's first 8 bytes, padded.
        var first: UInt64
        /// The key's length in bytes (without padding).
        var length: UInt32
        /// The id, or -1 for an empty slot.
        var id: Int32
    }

    private var slots: [Slot]
    /// For each slot whose key is longer than 8 bytes: where the key's bytes from the 9th on
    /// start in `rest`.
    private var restOffset: [UInt32]
    private var shift: UInt64
    /// The keys' bytes from the 9th on, each padded with zeros to a multiple of 8 bytes.
    private var rest: [UInt8] = []
    /// The number of keys stored.
    private(set) var count = 0

    /// Creates an empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 1024) {
        var n = 16
        while n * 2 < capacity * 3 { n <<= 1 }
        slots = [Slot](repeating: Slot(first: 0, length: 0, id: -1), count: n)
        restOffset = [UInt32](repeating: 0, count: n)
        shift = UInt64(64 - (n - 1).nonzeroBitCount)
    }

    /// The number of bytes a key of `length` bytes takes once padded: the next multiple of 8.
    @inline(__always)
    static func paddedLength(_ length: Int) -> Int { (length + 7) & ~7 }

    /// The hash of the padded key at `key` (`length` bytes before the padding): each 8-byte word
    /// is mixed in by xor, multiply and shift, then the result is finished so that its high bits
    /// (the slot) depend on every byte.
    @inline(__always)
    static func hash(_ key: UnsafeRawPointer, length: Int) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15
        var at = 0
        repeat {
            h = (h ^ key.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* 0xC2B2_AE3D_27D4_EB4F
            h ^= h >> 29
            at += 8
        } while at < length
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }

    /// Reads the home slot of `hash`, so that the memory is on its way before
    /// ``id(of:length:hash:)`` needs it; returns a value that callers fold into something
    /// they keep, so that the load is not optimised away.
    @inline(__always)
    func touch(hash: UInt64) -> UInt64 {
        slots.withUnsafeBufferPointer { $0[Int(truncatingIfNeeded: hash >> shift)].first }
    }

    /// The id stored for the padded key at `key` (`length` ≥ 1 bytes before the padding, `hash`
    /// its ``hash(_:length:)``), or nil.
    @inline(__always)
    func id(of key: UnsafeRawPointer, length: Int, hash h: UInt64) -> UInt32? {
        id(first: key.loadUnaligned(as: UInt64.self), rest: key + 8, length: length, hash: h)
    }

    /// The id stored for the padded key whose first 8 bytes are `first` and whose bytes from the
    /// 9th on are at `rest` (read only when `length` > 8), or nil.
    @inline(__always)
    func id(first: UInt64, rest: UnsafeRawPointer?, length: Int, hash h: UInt64) -> UInt32? {
        slots.withUnsafeBufferPointer { s in
            let mask = s.count - 1
            var i = Int(truncatingIfNeeded: h >> shift)
            while true {
                let slot = s[i]
                if slot.id < 0 { return nil }
                if slot.first == first, Int(slot.length) == length,
                   length <= 8 || restEquals(rest!, length: length - 8, at: Int(restOffset[i])) {
                    return UInt32(slot.id)
                }
                i = (i + 1) & mask
            }
        }
    }

    /// Whether the padded bytes at `key` (`length` bytes before padding) equal those stored at
    /// `offset` in `rest`.
    @inline(__always)
    private func restEquals(_ key: UnsafeRawPointer, length: Int, at offset: Int) -> Bool {
        rest.withUnsafeBytes { stored in
            var at = 0
            while at < length {
                if stored.loadUnaligned(fromByteOffset: offset + at, as: UInt64.self)
                    != key.loadUnaligned(fromByteOffset: at, as: UInt64.self) { return false }
                at += 8
            }
            return true
        }
    }

    /// The id stored for `bytes`; when there is none, stores `newID` and returns it with
    /// `inserted` true. `bytes` need no padding and must not be empty.
    mutating func id(of bytes: UnsafeRawBufferPointer, inserting newID: UInt32) -> (id: UInt32, inserted: Bool) {
        precondition(!bytes.isEmpty, "a token has at least one byte")
        precondition(newID < UInt32(Int32.max), "too many tokens")
        let length = bytes.count
        // The padded key, in `rest` past its end for now: kept there when it is new and long.
        let at = rest.count
        rest.append(contentsOf: bytes)
        rest.append(contentsOf: repeatElement(0, count: TokenTable.paddedLength(length) - length))
        let (found, h, first): (UInt32?, UInt64, UInt64) = rest.withUnsafeBytes { r in
            let key = r.baseAddress! + at
            let h = TokenTable.hash(key, length: length)
            return (id(of: key, length: length, hash: h), h, key.loadUnaligned(as: UInt64.self))
        }
        if let found {
            rest.removeSubrange(at...)
            return (found, false)
        }
        // A new long key keeps its bytes from the 9th on (padded) in `rest`, at `at`.
        rest.removeSubrange(at..<(length > 8 ? at + 8 : rest.count))
        precondition(rest.count <= Int(UInt32.max), "the tokens take more than 4 GiB")
        if (count + 1) * 10 > slots.count * 7 { grow() }
        place(Slot(first: first, length: UInt32(length), id: Int32(newID)), restOffset: UInt32(at), hash: h)
        count += 1
        return (newID, true)
    }

    /// Puts `slot` in the first free slot from its home (the key is known to be absent).
    private mutating func place(_ slot: Slot, restOffset offset: UInt32, hash h: UInt64) {
        var i = Int(truncatingIfNeeded: h >> shift)
        let mask = slots.count - 1
        while slots[i].id >= 0 { i = (i + 1) & mask }
        slots[i] = slot
        restOffset[i] = offset
    }

    private mutating func grow() {
        let old = slots
        let oldOffsets = restOffset
        let n = old.count * 2
        slots = [Slot](repeating: Slot(first: 0, length: 0, id: -1), count: n)
        restOffset = [UInt32](repeating: 0, count: n)
        shift = UInt64(64 - (n - 1).nonzeroBitCount)
        for (i, slot) in old.enumerated() where slot.id >= 0 {
            // Rebuild the padded key to hash it again.
            var key = withUnsafeBytes(of: slot.first) { Array($0) }
            if slot.length > 8 {
                let from = Int(oldOffsets[i])
                key += rest[from..<(from + TokenTable.paddedLength(Int(slot.length) - 8))]
            }
            let h = key.withUnsafeBytes { TokenTable.hash($0.baseAddress!, length: Int(slot.length)) }
            place(slot, restOffset: oldOffsets[i], hash: h)
        }
    }
}
