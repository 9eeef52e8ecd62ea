import Foundation

/// Folds the typographic variety of news text for the features, without changing what is printed.
///
/// Features see text in Unicode NFC with curly quotes and apostrophes folded to straight ones,
/// dashes to "-", and non-breaking and other exotic spaces to a plain space. The sentence shown
/// to the user is always the one written in the article.
public enum TextNormalizer {
    /// `text` in Unicode Normalization Form C.
    public static func nfc(_ text: String) -> String {
        text.precomposedStringWithCanonicalMapping
    }

    /// `text` in NFC with quotes, apostrophes, dashes and spaces folded to their ASCII forms.
    public static func fold(_ text: String) -> String {
        var needs = false
        for s in text.unicodeScalars where s.value >= 0x80 { needs = true; break }
        guard needs else { return text }
        var out = String.UnicodeScalarView()
        for s in nfc(text).unicodeScalars {
            switch s.value {
            case 0x2018, 0x2019, 0x201A, 0x201B, 0x2032, 0x02BC: out.append("'")
            case 0x201C, 0x201D, 0x201E, 0x201F, 0x2033, 0x00AB, 0x00BB: out.append("\"")
            case 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212: out.append("-")
            case 0x00A0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: out.append(" ")
            case 0x200B, 0x200C, 0x200D, 0xFEFF: break
            default: out.append(s)
            }
        }
        return String(out)
    }
}
