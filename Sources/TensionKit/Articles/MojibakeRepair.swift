/// Repairs UTF-8 text that was once decoded as Windows-1252 ("mojibake").
///
/// When the three UTF-8 bytes of `’` (E2 80 99) are read as Windows-1252 they become the three
/// characters `â€™`; `é` (C3 A9) becomes `Ã©`. The repair looks for a character that is a UTF-8
/// lead byte in Windows-1252 (`Â`…`ô`, U+00C2…U+00F4) followed by the right number of characters
/// that are continuation bytes in Windows-1252 (U+0080…U+00BF, or `€`, `‚`, `ƒ`, … `Ÿ`, the
/// characters Windows-1252 puts at 0x80…0x9F), turns them back into bytes, and keeps the result
/// only when those bytes are one well-formed UTF-8 character. Anything else is left alone, so
/// correct text, including real accented letters, passes through unchanged.
///
/// Two damaged forms seen in saved pages are handled as well:
/// - `â€` followed by U+FFFD: the third byte was 0x9D, which Windows-1252 does not define, and a
///   later step replaced it; it is read as `”` (E2 80 9D), the only common character it can be.
/// - `Â` followed by a space or U+FFFD: a no-break space (C2 A0) whose second byte was already
///   turned into a space or lost; it becomes one ordinary space.
///
/// Complexity: one pass over the Unicode scalars; text without any character in U+00C2…U+00F4
/// is returned as is without copying.
public enum MojibakeRepair {
    /// Returns `text` with every Windows-1252 reading of a UTF-8 character turned back into that character.
    public static func repair(_ text: String) -> String {
        // U+00C2…U+00F4 are C3 82…C3 B4 in UTF-8; without a C3 byte there is nothing to repair.
        var probe = text
        guard probe.withUTF8({ $0.contains(0xC3) }) else { return text }
        let input = Array(text.unicodeScalars)
        var output: [UInt8] = []
        output.reserveCapacity(input.count + input.count / 4)
        var i = 0
        let n = input.count
        var changed = false
        while i < n {
            let s = input[i]
            let v = s.value
            if (0xC2...0xF4).contains(v), let (scalar, length) = decode(at: i, in: input) {
                output.append(contentsOf: UTF8.encode(scalar)!)
                i += length
                changed = true
            } else {
                if v < 0x80 { output.append(UInt8(v)) } else { output.append(contentsOf: UTF8.encode(s)!) }
                i += 1
            }
        }
        return changed ? String(decoding: output, as: UTF8.self) : text
    }

    /// Decodes the mojibake sequence that starts at `start`, returning the character and how many
    /// scalars it used, or nil when the scalars there are not a damaged UTF-8 character.
    static func decode(at start: Int, in input: [Unicode.Scalar]) -> (Unicode.Scalar, Int)? {
        let lead = UInt8(input[start].value)
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        default: length = 4
        }
        // Damaged no-break space: `Â` + space or replacement character.
        if lead == 0xC2, start + 1 < input.count,
           input[start + 1] == " " || input[start + 1].value == 0xFFFD {
            return (" ", 2)
        }
        guard start + length <= input.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for k in 1..<length {
            let scalar = input[start + k]
            guard let byte = continuationByte(scalar) else {
                // `â€` + U+FFFD: the lost byte was 0x9D, giving `”`.
                if lead == 0xE2, length == 3, k == 2, input[start + 1] == "\u{20AC}", scalar.value == 0xFFFD {
                    return ("\u{201D}", 3)
                }
                return nil
            }
            value = (value << 6) | UInt32(byte & 0x3F)
        }
        // Refuse overlong forms and surrogates, as a UTF-8 decoder would.
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value),
              let scalar = Unicode.Scalar(value)
        else { return nil }
        return (scalar, length)
    }

    /// The byte 0x80…0xBF that Windows-1252 shows as `scalar`, or nil.
    static func continuationByte(_ scalar: Unicode.Scalar) -> UInt8? {
        let v = scalar.value
        if (0x80...0xBF).contains(v) { return UInt8(v) }  // C1 controls (undefined bytes) and Latin-1 range.
        switch v {
        case 0x20AC: return 0x80  // €
        case 0x201A: return 0x82  // ‚
        case 0x0192: return 0x83  // ƒ
        case 0x201E: return 0x84  // „
        case 0x2026: return 0x85  // …
        case 0x2020: return 0x86  // †
        case 0x2021: return 0x87  // ‡
        case 0x02C6: return 0x88  // ˆ
        case 0x2030: return 0x89  // ‰
        case 0x0160: return 0x8A  // Š
        case 0x2039: return 0x8B  // ‹
        case 0x0152: return 0x8C  // Œ
        case 0x017D: return 0x8E  // Ž
        case 0x2018: return 0x91  // ‘
        case 0x2019: return 0x92  // ’
        case 0x201C: return 0x93  // “
        case 0x201D: return 0x94  // ”
        case 0x2022: return 0x95  // •
        case 0x2013: return 0x96  // –
        case 0x2014: return 0x97  // —
        case 0x02DC: return 0x98  // ˜
        case 0x2122: return 0x99  // ™
        case 0x0161: return 0x9A  // š
        case 0x203A: return 0x9B  // ›
        case 0x0153: return 0x9C  // œ
        case 0x017E: return 0x9E  // ž
        case 0x0178: return 0x9F  // Ÿ
        default: return nil
        }
    }

    /// The character Windows-1252 shows for `byte` (0x80…0xFF), for decoding legacy 8-bit files.
    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte < 0x80 || byte >= 0xA0 { return Unicode.Scalar(byte) }
        let table: [UInt32] = [
            0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
            0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
            0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
            0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
        ]
        return Unicode.Scalar(table[Int(byte) - 0x80])!
    }
}
