/// Checks bytes for well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
public enum UTF8Validation {
    /// The offset of the first byte that starts an ill-formed sequence, or nil when all is well-formed.
    public static func firstInvalidByte(_ b: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = b.count
        var i = 0
        while i < n {
            let c = b[i]
            if c < 0x80 { i += 1; continue }
            func cont(_ k: Int) -> Bool { k < n && b[k] & 0xC0 == 0x80 }
            if c >= 0xC2, c <= 0xDF {
                guard cont(i + 1) else { return i }
                i += 2
            } else if c >= 0xE0, c <= 0xEF {
                guard cont(i + 1), cont(i + 2) else { return i }
                let c1 = b[i + 1]
                if c == 0xE0, c1 < 0xA0 { return i }
                if c == 0xED, c1 > 0x9F { return i }
                i += 3
            } else if c >= 0xF0, c <= 0xF4 {
                guard cont(i + 1), cont(i + 2), cont(i + 3) else { return i }
                let c1 = b[i + 1]
                if c == 0xF0, c1 < 0x90 { return i }
                if c == 0xF4, c1 > 0x8F { return i }
                i += 4
            } else {
                return i
            }
        }
        return nil
    }

    /// The offset of the first byte that starts an ill-formed sequence in `bytes`, or nil.
    public static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidByte($0) }
    }
}
