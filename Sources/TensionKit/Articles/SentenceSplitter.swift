/// A rule-based sentence splitter for news English.
///
/// ## Lines and paragraphs
/// A blank line always ends a sentence. A single line break ends one too when the line has no
/// final `.`, `!`, `?` or `…` (headlines, bylines, photo captions, list items), unless the line
/// looks hard-wrapped: the next line starts with a lower-case letter and this line is long (at
/// least ``wrappedLineLength`` characters) or ends with `,`, `;`, `-`, `–`, `—`, `(` or `/`. A
/// line that does end with a full stop is joined to the next with a space and the rules below
/// decide, so `Mr.` at the end of a wrapped line does not end a sentence.
///
/// ## Sentence ends
/// A candidate end is a run of `.`, `!`, `?` or `…`, with any closing quotation marks and
/// brackets after it, followed by white space. It is **not** an end when:
/// - it lies inside a quotation (`“…”`, `"…"`, or the typewriter form ``` ``…'' ```): quotations are
///   matched within a paragraph, and an opening mark never closed in that paragraph is ignored;
/// - a closing quotation mark is followed by a verb of saying (`“…,” said Kim`, `“…?” Kim asked`)
///   or, in cased text, by a lower-case word (`“Why?” he asked`);
/// - the word before a full stop is a title or a never-final abbreviation (`Mr.`, `Gen.`, `Lt.`,
///   `St.`, `e.g.`, `vs.`), an initial (`J.`, `s.`), or a list number at the start of a line (`1.`);
/// - the word is a number-taking abbreviation followed by a number (`No. 5`, `Jan. 12`, `Sept. 12`,
///   `Art. 51`, `Rs. 300`);
/// - the word is an abbreviation that may end a sentence (`U.S.`, `U.N.`, `a.m.`, `p.m.`, `Inc.`,
///   `Jr.`, `etc.`, any dotted acronym) and the next word is not a typical sentence starter
///   (`U.S. President Biden`, `11 a.m. Thursday` continue; `U.S. The` ends);
/// - in cased text, the next word starts with a lower-case letter.
///
/// Decimals, money, times and web addresses (`3.5`, `$1.2 billion`, `15:26`, `example.com`) never
/// qualify because no white space follows their full stop.
///
/// ## Lower-case text
/// When fewer than 1 in 200 letters are capitals (``isCaseless(_:)``), as in the partly
/// lower-cased Times of India archive, capitals cannot help: an ordinary word before a full stop
/// ends the sentence whatever follows, and an abbreviation that may end a sentence ends it only
/// before a small set of unambiguous starters (`the`, `he`, `however`, …).
///
/// Sentences are returned as written, trimmed, with line breaks inside a sentence turned into
/// spaces; pieces with no letter or digit (a stray `.`) are dropped.
public enum SentenceSplitter {
    /// A line at least this long (in characters) that runs on into a lower-case line is taken as hard-wrapped prose.
    public static let wrappedLineLength = 50

    /// Splits `text` into sentences.
    ///
    /// A blank line always ends a sentence, so the text is split paragraph by paragraph: the
    /// working memory is that of the longest paragraph, not of the whole text.
    ///
    /// Lines end at `\n`, `\r\n`, `\r`, U+000B, U+000C, U+0085, U+2028 and U+2029 (the
    /// newline Characters, each of which is a grapheme of its own); a line is blank when every
    /// Character in it is white space. The work is done on the UTF-8 bytes; the result is that
    /// of ``splitByCharacters(_:)``, the plain `String` form of the same rules, which the tests
    /// compare it with.
    public static func split(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { split(utf8: $0) }
    }

    /// ``split(_:)`` on the UTF-8 bytes of valid text.
    static func split(utf8 b: UnsafeBufferPointer<UInt8>) -> [String] {
        var out: [String] = []
        // The non-blank lines of the current paragraph, joined by "\n".
        var paragraph: [UInt8] = []
        var hasLines = false
        let n = b.count

        func endLine(_ lo: Int, _ hi: Int) {
            if isBlankLine(UnsafeBufferPointer(rebasing: b[lo..<hi])) {
                if hasLines { out += splitParagraph(bytes: paragraph) }
                paragraph.removeAll(keepingCapacity: true)
                hasLines = false
            } else {
                if hasLines { paragraph.append(0x0A) }
                paragraph.append(contentsOf: UnsafeBufferPointer(rebasing: b[lo..<hi]))
                hasLines = true
            }
        }

        var start = 0
        var i = 0
        while i < n {
            let c = b[i]
            if c >= 0x0A && c <= 0x0D {
                endLine(start, i)
                i += (c == 0x0D && i + 1 < n && b[i + 1] == 0x0A) ? 2 : 1
                start = i
            } else if c == 0xC2, i + 1 < n, b[i + 1] == 0x85 {
                endLine(start, i)
                i += 2
                start = i
            } else if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] == 0xA8 || b[i + 2] == 0xA9 {
                endLine(start, i)
                i += 3
                start = i
            } else {
                i += 1
            }
        }
        endLine(start, n)
        if hasLines { out += splitParagraph(bytes: paragraph) }
        return out
    }

    /// Whether every Character of `line` (valid UTF-8 holding no line end) is white space, as
    /// `Character.isWhitespace` says; ASCII is decided on the bytes.
    static func isBlankLine(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        for c in line {
            if c >= 0x80 {
                // A combining mark after a space belongs to the space's Character: ask the Characters.
                return String(decoding: line, as: UTF8.self).allSatisfy(\.isWhitespace)
            }
            if c != 0x20 && !(c >= 0x09 && c <= 0x0D) { return false }
        }
        return true
    }

    /// The plain `String` form of ``split(_:)``: lines are split on newline Characters and tested
    /// with `Character.isWhitespace`. Kept as the reference that the byte form is tested against.
    static func splitByCharacters(_ text: String) -> [String] {
        var out: [String] = []
        var paragraph: [Substring] = []
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            if line.allSatisfy(\.isWhitespace) {
                if !paragraph.isEmpty { out += splitParagraph(paragraph.joined(separator: "\n")) }
                paragraph.removeAll(keepingCapacity: true)
            } else {
                paragraph.append(line)
            }
        }
        if !paragraph.isEmpty { out += splitParagraph(paragraph.joined(separator: "\n")) }
        return out
    }

    /// Splits one paragraph (text with no blank line) into sentences.
    static func splitParagraph(_ text: String) -> [String] {
        splitParagraph(bytes: Array(text.utf8))
    }

    /// Splits one paragraph, given as valid UTF-8 with no blank line, into sentences.
    static func splitParagraph(bytes: [UInt8]) -> [String] {
        // scalars[k] starts at UTF-8 offset offsets[k]; offsets[scalars.count] is the length.
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        scalars.reserveCapacity(bytes.count)
        offsets.reserveCapacity(bytes.count + 1)
        var offset = 0
        let ascii = bytes.withUnsafeBufferPointer { b in
            var high: UInt8 = 0
            for x in b { high |= x }
            return high < 0x80
        }
        if ascii {
            // One scalar per byte.
            scalars = bytes.map { Unicode.Scalar($0) }
            offsets.append(contentsOf: 0..<bytes.count)
            offset = bytes.count
        }
        while offset < bytes.count {
            let b0 = UInt32(bytes[offset])
            offsets.append(offset)
            // The bytes come from a String, so they are valid UTF-8.
            if b0 < 0x80 {
                scalars.append(Unicode.Scalar(UInt8(b0)))
                offset += 1
            } else if b0 < 0xE0 {
                let v = (b0 & 0x1F) << 6 | UInt32(bytes[offset + 1] & 0x3F)
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                offset += 2
            } else if b0 < 0xF0 {
                let v = (b0 & 0x0F) << 12 | UInt32(bytes[offset + 1] & 0x3F) << 6 | UInt32(bytes[offset + 2] & 0x3F)
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                offset += 3
            } else {
                let v = (b0 & 0x07) << 18 | UInt32(bytes[offset + 1] & 0x3F) << 12
                    | UInt32(bytes[offset + 2] & 0x3F) << 6 | UInt32(bytes[offset + 3] & 0x3F)
                scalars.append(Unicode.Scalar(v) ?? "\u{FFFD}")
                offset += 4
            }
        }
        offsets.append(offset)

        let caseless = ascii ? isCaselessASCII(bytes) : isCaseless(scalars)
        var sentences: [String] = []
        var segment = Segment()
        var previousLine: Range<Int>?

        func flush() {
            if !segment.scalars.isEmpty {
                segment.offsets.append(segment.bytes.count)
                appendSentences(of: segment, caseless: caseless, to: &sentences)
            }
            segment.removeAll()
        }

        var start = 0
        let n = scalars.count
        while start <= n {
            var end = start
            while end < n, !isLineBreak(scalars[end]) { end += 1 }
            let line = trimmedRange(scalars, start..<end)
            if line.isEmpty {
                flush()
                previousLine = nil
            } else {
                if let previous = previousLine {
                    if isHardBreak(scalars, previous, before: line) {
                        flush()
                    } else {
                        segment.offsets.append(segment.bytes.count)
                        segment.scalars.append(" ")
                        segment.bytes.append(0x20)
                    }
                }
                let base = segment.bytes.count - offsets[line.lowerBound]
                let first = segment.offsets.count
                segment.offsets.append(contentsOf: offsets[line])
                if base != 0 {
                    segment.offsets.withUnsafeMutableBufferPointer { p in
                        for k in first..<p.count { p[k] &+= base }
                    }
                }
                segment.scalars.append(contentsOf: scalars[line])
                segment.bytes.append(contentsOf: bytes[offsets[line.lowerBound]..<offsets[line.upperBound]])
                previousLine = line
            }
            // \r\n counts as one break.
            if end < n, scalars[end] == "\r", end + 1 < n, scalars[end + 1] == "\n" { end += 1 }
            start = end + 1
        }
        flush()
        return sentences
    }

    /// The text of one run of lines that no line break divides, as scalars and as UTF-8.
    struct Segment {
        var scalars: [Unicode.Scalar] = []
        var bytes: [UInt8] = []
        /// The UTF-8 offset of each scalar, and finally the byte count.
        var offsets: [Int] = []

        mutating func removeAll() {
            scalars.removeAll(keepingCapacity: true)
            bytes.removeAll(keepingCapacity: true)
            offsets.removeAll(keepingCapacity: true)
        }
    }

    /// Whether the text has fewer than 1 capital in 200 letters, so that case says nothing about sentence starts.
    public static func isCaseless(_ scalars: [Unicode.Scalar]) -> Bool {
        var letters = 0
        var capitals = 0
        for s in scalars {
            let v = s.value
            if v < 0x80 {
                if v >= 0x61 && v <= 0x7A { letters += 1 } else if v >= 0x41 && v <= 0x5A { letters += 1; capitals += 1 }
            } else if s.properties.isAlphabetic {
                letters += 1
                if s.properties.isUppercase { capitals += 1 }
            }
        }
        return capitals * 200 < letters
    }

    /// ``isCaseless(_:)`` for ASCII text given as bytes.
    static func isCaselessASCII(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { b in
            // Branch-free counts (x - 0x41 < 26 wraps for bytes below "A"), which the compiler can vectorise.
            guard let p = b.baseAddress else { return false }
            var letters = 0
            var capitals = 0
            var start = 0
            while start < b.count {
                let end = min(b.count, start + 65_536)
                var l: UInt32 = 0
                var c: UInt32 = 0
                for k in start..<end {
                    let x = p[k]
                    c &+= (x &- 0x41) < 26 ? 1 : 0
                    l &+= ((x | 0x20) &- 0x61) < 26 ? 1 : 0
                }
                letters += Int(l)
                capitals += Int(c)
                start = end
            }
            return capitals * 200 < letters
        }
    }

    // MARK: - Lines

    static func isLineBreak(_ s: Unicode.Scalar) -> Bool {
        s == "\n" || s == "\r" || s == "\u{2028}" || s == "\u{2029}" || s == "\u{0B}" || s == "\u{0C}"
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\u{A0}" || s == "\u{200B}" || s == "\u{FEFF}"
            || (s.value >= 0x80 && s.properties.isWhitespace) || isLineBreak(s)
    }

    static func trimmedRange(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Range<Int> {
        var lo = range.lowerBound
        var hi = range.upperBound
        while lo < hi, isSpace(scalars[lo]) { lo += 1 }
        while hi > lo, isSpace(scalars[hi - 1]) { hi -= 1 }
        return lo..<hi
    }

    /// Whether the break between two non-blank lines ends a sentence by itself.
    static func isHardBreak(_ s: [Unicode.Scalar], _ line: Range<Int>, before next: Range<Int>) -> Bool {
        var last = line.upperBound - 1
        while last > line.lowerBound, isCloser(s[last]) { last -= 1 }
        if isTerminal(s[last]) { return false }
        let first = s[next.lowerBound]
        guard isLower(first) else { return true }
        let end = s[line.upperBound - 1]
        let joiners: Set<Unicode.Scalar> = [",", ";", "-", "\u{2013}", "\u{2014}", "(", "/", "&"]
        if joiners.contains(end) { return false }
        return line.count < wrappedLineLength
    }

    // MARK: - Sentence ends inside one segment

    static func isTerminal(_ s: Unicode.Scalar) -> Bool { s == "." || s == "!" || s == "?" || s == "\u{2026}" }

    static func isCloser(_ s: Unicode.Scalar) -> Bool {
        s == "\"" || s == "'" || s == "\u{201D}" || s == "\u{2019}" || s == ")" || s == "]" || s == "\u{BB}"
            || s == "\u{203A}"
    }

    static func isQuoteCloser(_ s: Unicode.Scalar) -> Bool {
        s == "\"" || s == "'" || s == "\u{201D}" || s == "\u{2019}" || s == "\u{BB}" || s == "\u{203A}"
    }

    static func isOpener(_ s: Unicode.Scalar) -> Bool {
        s == "\"" || s == "'" || s == "`" || s == "\u{201C}" || s == "\u{2018}" || s == "(" || s == "["
            || s == "\u{AB}" || s == "\u{201E}" || s == "\u{2039}"
    }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) }
        return s.properties.isAlphabetic
    }

    /// `Unicode.Scalar.Properties.isUppercase`, decided without a table look-up for ASCII.
    static func isUpper(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value >= 0x41 && s.value <= 0x5A) : s.properties.isUppercase
    }

    /// `Unicode.Scalar.Properties.isLowercase`, decided without a table look-up for ASCII.
    static func isLower(_ s: Unicode.Scalar) -> Bool {
        s.value < 0x80 ? (s.value >= 0x61 && s.value <= 0x7A) : s.properties.isLowercase
    }

    static func isDigit(_ s: Unicode.Scalar) -> Bool { s.value >= 0x30 && s.value <= 0x39 }

    /// Marks the scalars that lie strictly inside a matched double quotation, or nil when there is none.
    ///
    /// `“` and ``` `` ``` open, `”` closes. A straight `"` or a typewriter `''` opens when it
    /// stands before a word after a space, and closes otherwise; an opening mark met while a
    /// quotation is open means the earlier one was never closed, and the quotation restarts there.
    /// `''` between a letter or digit and a letter or digit is an apostrophe (`party''s`, `1992-''93`).
    static func quotationMask(_ s: [Unicode.Scalar]) -> [Bool]? {
        // Only a closing `”`, `»`, `"` or `''` ends a quotation: without one there is nothing to mark.
        var mayClose = false
        for (i, c) in s.enumerated() {
            let v = c.value
            if v == 0x22 || v == 0x201D || v == 0xBB || (v == 0x27 && i + 1 < s.count && s[i + 1] == "'") {
                mayClose = true
                break
            }
        }
        guard mayClose else { return nil }
        var mask: [Bool]?
        var open: Int?
        var i = 0
        let n = s.count
        func close(_ at: Int) {
            guard let o = open else { return }
            if mask == nil { mask = Array(repeating: false, count: n) }
            for k in (o + 1)..<at { mask![k] = true }
            open = nil
        }
        func isOpening(before: Unicode.Scalar, after: Unicode.Scalar) -> Bool {
            (isSpace(before) || isOpener(before) || before == "\u{2014}" || before == "\u{2013}" || before == ":")
                && !isSpace(after)
        }
        while i < n {
            let c = s[i]
            let before = i > 0 ? s[i - 1] : " "
            switch c {
            case "\u{201C}", "\u{201E}", "\u{AB}":
                open = i
            case "\u{201D}", "\u{BB}":
                close(i)
            case "\"":
                let after = i + 1 < n ? s[i + 1] : " "
                if open != nil, !isOpening(before: before, after: after) {
                    close(i)
                } else if isOpening(before: before, after: after) || open == nil && i == 0 {
                    open = i
                }
            case "`" where i + 1 < n && s[i + 1] == "`":
                open = i
                i += 1
            case "'" where i + 1 < n && s[i + 1] == "'":
                var end = i + 1
                while end + 1 < n, s[end + 1] == "'" { end += 1 }
                let after = end + 1 < n ? s[end + 1] : " "
                let alphanumericAfter = isLetter(after) || isDigit(after)
                if alphanumericAfter && !isSpace(before) && !isOpener(before) {
                    // An apostrophe written twice: party''s, 1992-''93.
                } else if isOpening(before: before, after: after) {
                    open = i
                } else if open != nil {
                    close(i)
                }
                i = end
            default:
                break
            }
            i += 1
        }
        return mask
    }

    /// What follows a candidate sentence end.
    struct Following {
        var opener = false
        var upper = false
        var lower = false
        var digit = false
        var word = ""
        var second = ""
    }

    static func following(_ s: [Unicode.Scalar], from start: Int) -> Following {
        var f = Following()
        var k = start
        let n = s.count
        while k < n, isOpener(s[k]) { f.opener = true; k += 1 }
        guard k < n else { return f }
        let c = s[k]
        f.upper = isUpper(c)
        f.lower = isLower(c)
        f.digit = isDigit(c)
        f.word = word(s, from: &k)
        while k < n, !isLetter(s[k]), !isSpace(s[k]) { k += 1 }
        while k < n, isSpace(s[k]) { k += 1 }
        if k < n { f.second = word(s, from: &k) }
        return f
    }

    /// The lower-case letters starting at `k`, advancing `k` past them.
    static func word(_ s: [Unicode.Scalar], from k: inout Int) -> String {
        let start = k
        while k < s.count, isLetter(s[k]) { k += 1 }
        return lowercasedASCII(s[start..<k])
    }

    /// The scalars as a `String`, with `A`...`Z` turned into `a`...`z` and every other scalar kept.
    static func lowercasedASCII(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var length = 0
        for c in scalars { length += UTF8.width(c) }
        if length == 0 { return "" }
        return String(unsafeUninitializedCapacity: length) { buffer in
            var i = 0
            for c in scalars {
                let v = c.value
                if v < 0x80 {
                    buffer[i] = UInt8(v >= 0x41 && v <= 0x5A ? v + 32 : v)
                    i += 1
                } else {
                    for b in UTF8.encode(c)! {
                        buffer[i] = b
                        i += 1
                    }
                }
            }
            return i
        }
    }

    /// The word before a full stop at `end` (exclusive), lower-cased, without openers or closers, and where it starts.
    static func previousWord(_ s: [Unicode.Scalar], before end: Int) -> (word: String, start: Int) {
        var lo = end
        while lo > 0, !isSpace(s[lo - 1]) { lo -= 1 }
        let start = lo
        var hi = end
        while lo < hi, isOpener(s[lo]) { lo += 1 }
        while hi > lo, isCloser(s[hi - 1]) { hi -= 1 }
        return (lowercasedASCII(s[lo..<hi]), start)
    }

    static func appendSentences(of segment: Segment, caseless: Bool, to out: inout [String]) {
        let s = segment.scalars
        let n = s.count
        var mask: [Bool]?
        var maskDone = false
        var sentenceStart = 0
        var previousStart: Int?
        var i = 0
        while i < n {
            guard isTerminal(s[i]) else { i += 1; continue }
            var j = i
            var periods = 0
            var question = false
            var ellipsis = false
            while j < n, isTerminal(s[j]) {
                switch s[j] {
                case ".": periods += 1
                case "\u{2026}": ellipsis = true
                default: question = true
                }
                j += 1
            }
            if periods >= 2 { ellipsis = true }
            var closedQuote = false
            while j < n, isCloser(s[j]) {
                if isQuoteCloser(s[j]) { closedQuote = true }
                j += 1
            }
            guard j < n else { break }
            guard isSpace(s[j]) else {
                // Two sentences run together without a space: "… the issue.the case …".
                if periods == 1, !question, !ellipsis, j == i + 1, isGluedSentenceStart(s, dot: i, caseless: caseless) {
                    if !maskDone { mask = quotationMask(s); maskDone = true }
                    if mask?[i] != true {
                        if append(segment, sentenceStart..<j, to: &out) { previousStart = sentenceStart }
                        sentenceStart = j
                    }
                }
                i = j
                continue
            }
            var k = j
            while k < n, isSpace(s[k]) { k += 1 }
            guard k < n else { break }
            if !maskDone { mask = quotationMask(s); maskDone = true }
            if let mask, mask[j] { i = j; continue }
            let next = following(s, from: k)
            let boundary = isBoundary(
                s, at: i, sentenceStart: sentenceStart, periods: periods, question: question,
                ellipsis: ellipsis, closedQuote: closedQuote, next: next, caseless: caseless)
            if boundary {
                if append(segment, sentenceStart..<j, to: &out) { previousStart = sentenceStart }
                sentenceStart = k
            }
            i = j
        }
        // A short credit left at the end of a line, "… 2023. (Yonhap)", belongs to the sentence before it.
        if let previous = previousStart, isTrailingCredit(s[sentenceStart..<n]) {
            out.removeLast()
            sentenceStart = previous
        }
        append(segment, sentenceStart..<n, to: &out)
    }

    /// Whether the full stop at `dot` joins two sentences with no space: at least three lower-case
    /// letters before it, and after it a common sentence starter (capitalised, in cased text) followed by a space.
    static func isGluedSentenceStart(_ s: [Unicode.Scalar], dot: Int, caseless: Bool) -> Bool {
        guard dot >= 3, (1...3).allSatisfy({ isLower(s[dot - $0]) }) else { return false }
        var k = dot + 1
        guard k < s.count, isLetter(s[k]) else { return false }
        let capital = isUpper(s[k])
        let word = word(s, from: &k)
        guard k < s.count, isSpace(s[k]) else { return false }
        if caseless { return NewsAbbreviations.caselessStarters.contains(word) }
        return capital && NewsAbbreviations.sentenceStarters.contains(word)
    }

    /// Whether `piece` is at most three words with no sentence-ending mark, such as `(Yonhap)` or `Reuters-Yonhap`.
    static func isTrailingCredit(_ piece: ArraySlice<Unicode.Scalar>) -> Bool {
        var words = 0
        var inWord = false
        for c in piece {
            if isTerminal(c) { return false }
            if isSpace(c) { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        return words <= 3
    }

    @discardableResult
    static func append(_ segment: Segment, _ range: Range<Int>, to out: inout [String]) -> Bool {
        let r = trimmedRange(segment.scalars, range)
        guard segment.scalars[r].contains(where: { isLetter($0) || isDigit($0) }) else { return false }
        out.append(String(decoding: segment.bytes[segment.offsets[r.lowerBound]..<segment.offsets[r.upperBound]], as: UTF8.self))
        return true
    }

    static func isBoundary(
        _ s: [Unicode.Scalar], at i: Int, sentenceStart: Int, periods: Int, question: Bool, ellipsis: Bool,
        closedQuote: Bool, next: Following, caseless: Bool
    ) -> Bool {
        typealias A = NewsAbbreviations
        // “Why?” Kim asked. / “Enough!” said Kim. (After a full stop the attribution takes a comma instead.)
        if closedQuote, question, periods == 0 {
            if A.speechVerbs.contains(next.word) { return false }
            if A.speechVerbs.contains(next.second),
               A.speakerPronouns.contains(next.word) || !A.sentenceStarters.contains(next.word) {
                return false
            }
        }
        if question && periods == 0 && !ellipsis {
            return caseless || !next.lower
        }
        if ellipsis {
            if caseless { return next.opener || A.caselessStarters.contains(next.word) }
            return next.upper || next.opener
        }
        // A single full stop.
        let (word, wordStart) = previousWord(s, before: i)
        if !word.isEmpty {
            // A list number or letter at the start of a line: "1.", "a.", "iv."
            if wordStart == sentenceStart, word.count <= 3,
               word.unicodeScalars.allSatisfy({ isDigit($0) }) || word.unicodeScalars.count == 1 {
                return false
            }
            let letters = word.unicodeScalars
            if letters.count == 1, isLetter(letters.first!) { return false }  // an initial
            var kind = A.kind(of: word)
            if kind == nil, isDottedAcronym(word) { kind = .mayEnd }
            switch kind {
            case .neverEnds?:
                return false
            case .beforeNumber?:
                if next.digit { return false }
            case .mayEnd?:
                if word == "a.m" || word == "p.m" || word == "am" || word == "pm" {
                    // "11 a.m. Thursday", "6 pm on march 3" go on; in lower-case text anything else is a new sentence.
                    if A.timeContinuations.contains(next.word) { return false }
                    if caseless { return true }
                }
                if next.opener { return true }
                if caseless { return A.caselessStarters.contains(next.word) }
                return next.upper && A.sentenceStarters.contains(next.word)
            case nil:
                break
            }
        }
        if caseless { return true }
        return !next.lower
    }

    /// Whether `word` is like `u.s`, `a.m`, `n.k`: letters in groups of one or two, joined by full stops.
    static func isDottedAcronym(_ word: String) -> Bool {
        guard word.utf8.contains(UInt8(ascii: ".")) else { return false }
        let parts = word.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count >= 2 && parts.allSatisfy { (1...2).contains($0.count) && $0.allSatisfy(\.isLetter) }
    }
}
