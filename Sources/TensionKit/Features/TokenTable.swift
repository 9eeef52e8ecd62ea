/// A hash table from a token's UTF-8 bytes to a token id, with open addressing and linear
/// probing over a power-of-two number of slots: the vectoriser's token look-up at prediction
/// time, without making a `String` per token and without SipHash.
///
/// Keys are compared byte for byte (a `Dictionary<String, _>` compares by canonical
/// equivalence; ``TfidfVectorizer`` keeps the difference in mind for non-ASCII tokens).
///
/// A key is handed over *padded*: its bytes followed by zeros up to the next multiple of 8, so
/// that hashing and comparing go 8 bytes at a time. The table stores its keys the same way, one
/// after another in one byte array (8-byte aligned offsets), so a look-up touches one slot and
/// one stored key. Like ``NGramTable``, there is no per-process seed, which is harmless because
/// nothing ever iterates the table.
struct TokenTable: Sendable {
    private struct Slot {
        /// Where the key starts in `keys`, in bytes (a multiple of 8).
        var offset: UInt32
        /// The key's length in bytes (without padding).
        var length: UInt32
        /// The low 32 bits of the key's hash, compared before the bytes.
        var check: UInt32
        /// The id, or -1 for an empty slot.
        var id: Int32
    }

    private var slots: [Slot]
    private var shift: UInt64
    /// The keys, each padded with zeros to a multiple of 8 bytes.
    private var keys: [UInt8] = []
    /// The number of keys stored.
    private(set) var count = 0

    /// Creates an empty table with room for about `capacity` keys before it grows.
    init(capacity: Int = 1024) {
        var n = 16
        while n < capacity * 2 { n <<= 1 }
        slots = [Slot](repeating: Slot(offset: 0, length: 0, check: 0, id: -1), count: n)
        shift = UInt64(64 - (n - 1).nonzeroBitCount)
    }

    /// The number of bytes a key of `length` bytes takes once padded: the next multiple of 8.
    @inline(__always)
    static func paddedLength(_ length: Int) -> Int { (length + 7) & ~7 }

    /// A hash of the padded key at `key` (`length` bytes before the padding): each 8-byte word
    /// is mixed in by xor, multiply and shift, then the result is finished so that both its
    /// high bits (the slot) and its low bits (the check) depend on every byte.
    @inline(__always)
    static func hash(_ key: UnsafeRawPointer, length: Int) -> UInt64 {
        var h = UInt64(truncatingIfNeeded: length) &* 0x9E37_79B9_7F4A_7C15
        var at = 0
        while at < length {
            h = (h ^ key.loadUnaligned(fromByteOffset: at, as: UInt64.self)) &* 0xC2B2_AE3D_27D4_EB4F
            h ^= h >> 29
            at += 8
        }
        h = h &* 0xD6E8_FEB8_6659_FD93
        h ^= h >> 32
        return h
    }

    /// Whether the padded keys at `a` and `b`, both `length` bytes long, are equal.
    @inline(__always)
    private static func equal(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, length: Int) -> Bool {
        var at = 0
        while at < length {
            if a.loadUnaligned(fromByteOffset: at, as: UInt64.self) != b.loadUnaligned(fromByteOffset: at, as: UInt64.self) {
                return false
            }
            at += 8
        }
        return true
    }

    /// The id stored for the padded key at `key` (`length` bytes before the padding), or nil.
    @inline(__always)
    func id(of key: UnsafeRawPointer, length: Int) -> UInt32? {
        let h = TokenTable.hash(key, length: length)
        let check = UInt32(truncatingIfNeeded: h)
        return slots.withUnsafeBufferPointer { s in
            keys.withUnsafeBytes { stored in
                let mask = s.count - 1
                var i = Int(truncatingIfNeeded: h >> shift)
                while true {
                    let slot = s[i]
                    if slot.id < 0 { return nil }
                    if slot.check == check, Int(slot.length) == length,
                       TokenTable.equal(stored.baseAddress! + Int(slot.offset), key, length: length) {
                        return UInt32(slot.id)
                    }
                    i = (i + 1) & mask
                }
            }
        }
    }

    /// The id stored for `bytes`; when there is none, stores `newID` and returns it with
    /// `inserted` true. `bytes` need no padding.
    mutating func id(of bytes: some Collection<UInt8>, inserting newID: UInt32) -> (id: UInt32, inserted: Bool) {
        precondition(!bytes.isEmpty, "a token has at least one byte")
        precondition(newID < UInt32(Int32.max), "too many tokens")
        // Append the key padded, look it up there, and take it back off when it was known.
        let offset = keys.count
        let length = bytes.count
        keys.append(contentsOf: bytes)
        keys.append(contentsOf: repeatElement(0, count: TokenTable.paddedLength(length) - length))
        let found = keys.withUnsafeBytes { id(of: $0.baseAddress! + offset, length: length) }
        if let found {
            keys.removeSubrange(offset...)
            return (found, false)
        }
        if (count + 1) * 2 > slots.count { grow() }
        precondition(keys.count <= Int(UInt32.max), "the tokens take more than 4 GiB")
        let h = keys.withUnsafeBytes { TokenTable.hash($0.baseAddress! + offset, length: length) }
        place(Slot(offset: UInt32(offset), length: UInt32(length), check: UInt32(truncatingIfNeeded: h), id: Int32(newID)), hash: h)
        count += 1
        return (newID, true)
    }

    /// Puts `slot` in the first free slot from its home (the key is known to be absent).
    private mutating func place(_ slot: Slot, hash h: UInt64) {
        let shift = self.shift
        slots.withUnsafeMutableBufferPointer { s in
            let mask = s.count - 1
            var i = Int(truncatingIfNeeded: h >> shift)
            while s[i].id >= 0 { i = (i + 1) & mask }
            s[i] = slot
        }
    }

    private mutating func grow() {
        let old = slots
        let n = old.count * 2
        slots = [Slot](repeating: Slot(offset: 0, length: 0, check: 0, id: -1), count: n)
        shift = UInt64(64 - (n - 1).nonzeroBitCount)
        for slot in old where slot.id >= 0 {
            let h = keys.withUnsafeBytes { TokenTable.hash($0.baseAddress! + Int(slot.offset), length: Int(slot.length)) }
            place(slot, hash: h)
        }
    }
}
