/// Token ids handed out in order of first appearance, with tokens told apart as `String` tells
/// them apart (canonical equivalence), as when the ids lived in a `Dictionary<String, UInt32>`,
/// but with ASCII tokens looked up by their bytes: the training vectoriser's token dictionary.
///
/// An ASCII token is canonically equivalent only to itself and to the non-ASCII strings whose
/// canonical decomposition it is (e.g. "\u{212A}elvin" with the Kelvin sign, whose
/// decomposition is "Kelvin"). So ASCII tokens, and non-ASCII tokens whose decomposition is
/// ASCII, are keyed by those ASCII bytes in a ``TokenTable``; every other token is keyed by its
/// `String` in a dictionary. A token keeps the text it was first seen with, as the dictionary's
/// first key did.
struct TokenVocabulary: Sendable {
    /// The ids of the tokens keyed by ASCII bytes.
    private var table: TokenTable
    /// The ids of the other tokens.
    private var others: [String: UInt32] = [:]
    /// The key bytes of every token, one after the other (none for a token keyed by `String`).
    private var keyBytes: [UInt8] = []
    /// Where each token's key bytes end in `keyBytes` (they start where the previous ones end).
    private var keyEnd: [Int] = []
    /// The tokens whose text is not their key bytes (non-ASCII tokens), in id order.
    private var unicodeTexts: [(id: UInt32, text: String)] = []

    /// Creates an empty vocabulary with room for about `capacity` tokens before it grows.
    init(capacity: Int = 1024) {
        table = TokenTable(capacity: capacity)
        keyEnd.reserveCapacity(capacity)
        keyBytes.reserveCapacity(capacity * 8)
    }

    /// The number of tokens.
    var count: Int { keyEnd.count }

    /// The id of the ASCII token whose `length` bytes are at `key`, padded with zeros to a
    /// multiple of 8 (as ``Tokenizer/forEachASCIIToken(_:scratch:_:)`` hands them over); a new
    /// token gets the next id.
    @inline(__always)
    mutating func id(ofPadded key: UnsafeRawPointer, length: Int) -> UInt32 {
        let h = TokenTable.hash(key, length: length)
        if let id = table.id(of: key, length: length, hash: h) { return id }
        return id(ofASCII: UnsafeRawBufferPointer(start: key, count: length), text: nil)
    }

    /// The id of the token keyed by the ASCII `bytes`; a new token gets the next id, and `text`
    /// as its text when it is not `bytes` themselves.
    private mutating func id(ofASCII bytes: UnsafeRawBufferPointer, text: String?) -> UInt32 {
        let next = UInt32(count)
        let (id, inserted) = table.id(of: bytes, inserting: next)
        if inserted {
            keyBytes.append(contentsOf: bytes)
            keyEnd.append(keyBytes.count)
            if let text { unicodeTexts.append((next, text)) }
        }
        return id
    }

    /// The id of `token` (any token of ``Tokenizer``); a new token gets the next id.
    mutating func id(of token: String) -> UInt32 {
        var token = token
        if let id = token.withUTF8({ Tokenizer.isASCII($0) ? id(ofASCII: UnsafeRawBufferPointer($0), text: nil) : nil }) {
            return id
        }
        if let id = others[token] { return id }
        var decomposed = token.decomposedStringWithCanonicalMapping
        if let id = decomposed.withUTF8({ Tokenizer.isASCII($0) ? id(ofASCII: UnsafeRawBufferPointer($0), text: token) : nil }) {
            return id
        }
        let next = UInt32(count)
        others[token] = next
        keyEnd.append(keyBytes.count)
        unicodeTexts.append((next, token))
        return next
    }

    /// Adds the tokens of `other` that are new, in `other`'s id order, and returns the id here
    /// of each token of `other`: what adding `other`'s tokens one by one, as text, would give.
    mutating func merge(_ other: TokenVocabulary) -> [UInt32] {
        var map = [UInt32](repeating: 0, count: other.count)
        var next = 0
        other.keyBytes.withUnsafeBytes { bytes in
            var start = 0
            for k in 0..<other.count {
                let end = other.keyEnd[k]
                var text: String?
                if next < other.unicodeTexts.count, other.unicodeTexts[next].id == UInt32(k) {
                    text = other.unicodeTexts[next].text
                    next += 1
                }
                if end > start {
                    map[k] = id(ofASCII: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), text: text)
                } else {
                    map[k] = id(of: text!)
                }
                start = end
            }
        }
        return map
    }

    /// The text of every token, by id.
    var texts: [String] {
        var out: [String] = []
        out.reserveCapacity(count)
        var next = 0
        keyBytes.withUnsafeBytes { bytes in
            var start = 0
            for k in 0..<count {
                let end = keyEnd[k]
                if next < unicodeTexts.count, unicodeTexts[next].id == UInt32(k) {
                    out.append(unicodeTexts[next].text)
                    next += 1
                } else {
                    out.append(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                }
                start = end
            }
        }
        return out
    }
}
