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
