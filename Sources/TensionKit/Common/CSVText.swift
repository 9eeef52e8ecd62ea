/// Writes CSV fields as RFC 4180 wants them.
public enum CSVText {
    /// `s` as one CSV field: quoted, with inner quotes doubled, when it holds a comma, a quote or a line break.
    public static func field(_ s: String) -> String {
        // Bytes, not Characters: faster, and "\r\n" (one Character) is caught too.
        if s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) {
            var bytes: [UInt8] = [0x22]
            bytes.reserveCapacity(s.utf8.count + 8)
            for b in s.utf8 {
                bytes.append(b)
                if b == 0x22 { bytes.append(0x22) }
            }
            bytes.append(0x22)
            return String(decoding: bytes, as: UTF8.self)
        }
        return s
    }

    /// Appends the UTF-8 bytes of ``field(_:)`` to `out`.
    public static func append(_ s: String, to out: inout [UInt8]) {
        var s = s
        s.withUTF8 { bytes in
            // Most fields need no quotes: one scan, then one copy.
            var plain = true
            for b in bytes where b == 0x2C || b == 0x22 || b == 0x0A || b == 0x0D {
                plain = false
                break
            }
            if plain {
                out.append(contentsOf: bytes)
                return
            }
            // Quoted: copy the runs between quotes whole, doubling each quote.
            out.append(0x22)
            var run = 0
            for i in 0..<bytes.count where bytes[i] == 0x22 {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...i]))
                out.append(0x22)
                run = i + 1
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
            out.append(0x22)
        }
    }
}
