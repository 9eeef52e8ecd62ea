/// Small helpers for writing JSON text by hand with a fixed key order.
public enum JSONText {
    /// `s` as a JSON string literal (see ``append(_:to:)``).
    public static func string(_ s: String) -> String {
        var out = ""
        append(s, to: &out)
        return out
    }

    /// Appends `text` as a quoted JSON string: `"`, `\` and U+0000...U+001F escaped, the rest
    /// written as is (JSON text is UTF-8). Text with nothing to escape is copied in one step.
    public static func append(_ text: String, to out: inout String) {
        out += "\""
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) {
            out += text
            out += "\""
            return
        }
        let scalars = text.unicodeScalars
        var pending = scalars.startIndex
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let v = scalars[i].value
            if v < 0x20 || v == 0x22 || v == 0x5C {
                out += String(scalars[pending..<i])
                switch v {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0x08: out += "\\b"
                case 0x0C: out += "\\f"
                default:
                    let hex = String(v, radix: 16, uppercase: false)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                }
                pending = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        out += String(scalars[pending..<scalars.endIndex])
        out += "\""
    }

    /// Appends the UTF-8 bytes of ``string(_:)`` to `out`. Every character that needs escaping
    /// is ASCII, and no byte of a multi-byte UTF-8 sequence is ASCII, so this escapes bytes.
    public static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { append(utf8: $0, to: &out) }
    }

    private static func append(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var plain = true
        for b in bytes where b < 0x20 || b == 0x22 || b == 0x5C {
            plain = false
            break
        }
        if plain {
            out.append(contentsOf: bytes)
        } else {
            // Copy the runs between escapes whole.
            let hex = Array("0123456789abcdef".utf8)
            var run = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<i]))
                run = i + 1
                out.append(0x5C)
                switch b {
                case 0x22, 0x5C: out.append(b)
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                default:
                    out.append(UInt8(ascii: "u"))
                    out.append(0x30)
                    out.append(0x30)
                    out.append(hex[Int(b >> 4)])
                    out.append(hex[Int(b & 15)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
        }
        out.append(0x22)
    }

    /// Appends the UTF-8 bytes of ``number(_:)`` to `out`.
    public static func appendNumber(_ v: Double, to out: inout [UInt8]) {
        guard v.isFinite else {
            out.append(contentsOf: "null".utf8)
            return
        }
        let start = out.count
        DecimalText.append(v, places: 6, to: &out)
        // Six decimals always write a point, so trailing zeros stop there.
        while out.last == UInt8(ascii: "0") { out.removeLast() }
        if out.last == UInt8(ascii: ".") { out.removeLast() }
        if out.count - start == 2, out[start] == UInt8(ascii: "-"), out[start + 1] == UInt8(ascii: "0") {
            out.removeLast(2)
            out.append(UInt8(ascii: "0"))
        }
    }

    /// `v` as a JSON number with up to 6 decimals and no trailing zeros; `null` when not finite.
    public static func number(_ v: Double) -> String {
        guard v.isFinite else { return "null" }
        var s = DecimalText.fixed(v, places: 6)
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s == "-0" ? "0" : s
    }
}

import Foundation
