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
            for c in bytes where c >= 0x80 { ascii = false; break }
            if ascii { Tokenizer.asciiTokens(bytes, body) }
        }
        if !ascii { Tokenizer.unicodeTokens(TextNormalizer.nfc(text), body) }
    }

    @usableFromInline
    static func asciiTokens(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (String) -> Void) {
        var start = -1
        let n = bytes.count
        var i = 0
        // Scratch space for lower-casing; tokens are short, so this rarely grows.
        var scratch = [UInt8](repeating: 0, count: 64)
        while i <= n {
            let c: UInt8 = i < n ? bytes[i] : 0x20
            let word = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x5F
            if word {
                if start < 0 { start = i }
            } else if start >= 0 {
                let len = i - start
                if len >= 2 {
                    if scratch.count < len { scratch = [UInt8](repeating: 0, count: len) }
                    for k in 0..<len {
                        let b = bytes[start + k]
                        scratch[k] = (b >= 0x41 && b <= 0x5A) ? b | 0x20 : b
                    }
                    body(scratch.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[0..<len]), as: UTF8.self) })
                }
                start = -1
            }
            i += 1
        }
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
