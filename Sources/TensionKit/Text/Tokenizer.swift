import Foundation

/// Splits text into lower-cased word tokens, as scikit-learn's default `token_pattern`
/// `(?u)\b\w\w+\b` does after lower-casing.
///
/// A word character is a letter or number in any script (Unicode general categories L* and N*)
/// or the underscore; a token is a maximal run of two or more word characters. Everything else
/// (spaces, punctuation, quotes, apostrophes, symbols, combining marks) separates tokens, so
/// "don't" gives "don" and the single letter "t" is dropped. Text is put in Unicode NFC first,
/// so that "é" typed as one or as two code points gives the same token.
/// Keeping scikit-learn's definition lets features be compared with it number for number.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer.
    public init() {}

    /// The tokens of `text`, in order.
    public func tokens(_ text: String) -> [String] {
        var out: [String] = []
        forEachToken(text) { out.append($0) }
        return out
    }

    /// Calls `body` with each token of `text`, in order.
    @inlinable
    public func forEachToken(_ text: String, _ body: (String) -> Void) {
        var text = text
        var ascii = true
        text.withUTF8 { bytes in
            ascii = Tokenizer.isASCII(bytes)
            if ascii { Tokenizer.asciiTokens(bytes, body) }
        }
        if !ascii { Tokenizer.unicodeTokens(TextNormalizer.nfc(text), body) }
    }

    @usableFromInline
    static func asciiTokens(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (String) -> Void) {
        var scratch: [UInt8] = []
        forEachASCIIToken(bytes, scratch: &scratch) { token, length in
            body(String(decoding: UnsafeRawBufferPointer(start: token, count: length), as: UTF8.self))
        }
    }

    /// Calls `body(token, length)` for each token of the ASCII text `bytes`, lower-cased, without
    /// making a `String`: the tokenizer's fast path (``forEachToken(_:_:)`` goes through it for
    /// ASCII text, so the two cannot disagree).
    ///
    /// `token` points at the token's `length` bytes followed by zeros up to the next multiple of
    /// 8 (the padded form ``TokenTable`` takes); it lives in `scratch`, which is resized as
    /// needed and may be reused from call to call, and is valid only until `body` returns.
    /// `bytes` must hold no byte of 0x80 or more.
    @usableFromInline
    static func forEachASCIIToken(_ bytes: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8], _ body: (UnsafeRawPointer, Int) -> Void) {
        // A token is at most the whole text; room for it and its padding.
        let room = (bytes.count + 15) & ~7
        if scratch.count < room { scratch = [UInt8](repeating: 0, count: room) }
        scratch.withUnsafeMutableBufferPointer { out in
            let token = out.baseAddress!
            var length = 0
            func emit() {
                if length >= 2 {
                    var end = length
                    while end & 7 != 0 { token[end] = 0; end += 1 }
                    body(UnsafeRawPointer(token), length)
                }
                length = 0
            }
            for c in bytes {
                let lower = c | 0x20
                if lower &- 0x61 < 26 {
                    // A-Z or a-z: setting bit 5 lower-cases A-Z and keeps a-z.
                    token[length] = lower
                    length += 1
                } else if c &- 0x30 < 10 || c == 0x5F {
                    token[length] = c
                    length += 1
                } else if length > 0 {
                    emit()
                }
            }
            emit()
        }
    }

    /// Whether every byte of `bytes` is below 0x80 (8 bytes at a time).
    @usableFromInline
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        let raw = UnsafeRawPointer(base)
        let n = bytes.count
        var i = 0
        var any: UInt64 = 0
        while i + 8 <= n {
            any |= raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            i += 8
        }
        while i < n {
            any |= UInt64(bytes[i])
            i += 1
        }
        return any & 0x8080_8080_8080_8080 == 0
    }

    @usableFromInline
    static func unicodeTokens(_ text: String, _ body: (String) -> Void) {
        var current = String.UnicodeScalarView()
        var length = 0
        func flush() {
            if length >= 2 { body(String(current).lowercased()) }
            current.removeAll(keepingCapacity: true)
            length = 0
        }
        for s in text.unicodeScalars {
            if isWordScalar(s) {
                current.append(s)
                length += 1
            } else if length > 0 {
                flush()
            }
        }
        flush()
    }

    /// Whether `s` is a word character: Unicode categories L* and N*, or the underscore.
    @inlinable
    public static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 {
            let c = s.value
            return (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}
