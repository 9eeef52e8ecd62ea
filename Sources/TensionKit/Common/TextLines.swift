/// Splits text into lines the way `String.split(whereSeparator: \.isNewline)` does, fast.
public enum TextLines {
    /// The lines of UTF-8 `bytes` (malformed bytes repaired as `String(decoding:)` repairs them)
    /// that hold something other than white space, split at every Unicode line break (LF, CR,
    /// CR LF, VT, FF, NEL, U+2028, U+2029).
    ///
    /// Plain text whose only breaks are LF or CR LF (nearly all input) is split byte by byte;
    /// anything else takes the general path over Characters. Both give the same lines.
    public static func nonBlank(_ bytes: [UInt8]) -> [String] {
        // Bytes that can start another kind of line break: VT, FF, CR not before LF, NEL's lead
        // byte 0xC2 and U+2028/2029's lead byte 0xE2.
        var simple = true
        for (i, b) in bytes.enumerated() {
            if b == 0x0B || b == 0x0C || b == 0xC2 || b == 0xE2 || (b == 0x0D && (i + 1 == bytes.count || bytes[i + 1] != 0x0A)) {
                simple = false
                break
            }
        }
        guard simple else {
            return String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
                .filter { !$0.allSatisfy(\.isWhitespace) }
        }
        var lines: [String] = []
        bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            for i in 0...buffer.count where i == buffer.count || buffer[i] == 0x0A {
                var end = i
                if end > start, buffer[end - 1] == 0x0D { end -= 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<end])
                start = i + 1
                // Only ASCII white space can appear here (no 0xC2/0xE2 lead bytes), so a line
                // of spaces and tabs is blank; anything else decides on the decoded text.
                if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                let text = String(decoding: line, as: UTF8.self)
                if text.allSatisfy(\.isWhitespace) { continue }
                lines.append(text)
            }
        }
        return lines
    }
}
