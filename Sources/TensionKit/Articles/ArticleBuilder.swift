/// Builds an ``Article`` from its text: repairs mojibake, removes page furniture, finds the
/// headline and the publication date, and splits the story into sentences.
///
/// The headline is the first line left after ``BoilerplateFilter`` when it reads like one: at
/// most ``maximumHeadlineWords`` words, not ending with a full stop, and followed by more text.
enum ArticleBuilder {
    /// A first line longer than this is story text, not a headline.
    static let maximumHeadlineWords = 30

    /// The article, or nil when nothing but page furniture is left.
    /// - Parameters:
    ///   - fileName: the path whose name may carry a date, or nil (JSON Lines records).
    ///   - fixedDate: a date decided by the caller (`--date` or a record's `"date"`), which
    ///     takes precedence over anything found in the text.
    static func build(name: String, text: String, fileName: String?, fixedDate: (Day?, DateSource)?) -> Article? {
        let repaired = MojibakeRepair.repair(text)
        let lines = splitLines(repaired)
        let cleaned = BoilerplateFilter.clean(lines: lines)
        guard let firstIndex = cleaned.firstIndex(where: { !$0.isEmpty }) else { return nil }

        var headline: String?
        var bodyStart = firstIndex
        let first = cleaned[firstIndex]
        let hasMore = cleaned[(firstIndex + 1)...].contains { !$0.isEmpty }
        if hasMore, isHeadlineLike(first) {
            headline = first
            bodyStart = firstIndex + 1
        }

        let date: Day?
        let source: DateSource
        if let fixedDate {
            (date, source) = fixedDate
        } else if let found = PublicationDateFinder.find(
            headerLines: headerLines(lines, headline: headline), fileName: fileName) {
            (date, source) = (found.0, found.1)
        } else {
            (date, source) = (nil, .none)
        }

        var sentences: [String] = []
        if let headline { sentences.append(headline) }
        sentences += SentenceSplitter.split(cleaned[bodyStart...].joined(separator: "\n"))
        guard !sentences.isEmpty else { return nil }
        return Article(name: name, date: date, dateSource: source, headline: headline, sentences: sentences)
    }

    /// The lines of `text`; `\r\n` and `\r` count as line ends.
    static func splitLines(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { bytes in
            // Lines end at ASCII bytes, so every piece is valid UTF-8 on its own.
            func piece(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
            var lines: [String] = []
            var start = 0
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b == 0x0A || b == 0x0D {
                    lines.append(piece(start..<i))
                    var next = i + 1
                    if b == 0x0D, next < n, bytes[next] == 0x0A { next += 1 }
                    start = next
                    i = next
                } else {
                    i += 1
                }
            }
            lines.append(piece(start..<n))
            return lines
        }
    }

    /// The first ``PublicationDateFinder/headerLineCount`` non-blank lines, and the line right under the headline.
    static func headerLines(_ lines: [String], headline: String?) -> [String] {
        var header: [String] = []
        var nonBlank = 0
        var afterHeadline = false
        for line in lines {
            let trimmed = BoilerplateFilter.trimmed(line)
            if trimmed.isEmpty { continue }
            nonBlank += 1
            if nonBlank <= PublicationDateFinder.headerLineCount {
                header.append(trimmed)
            } else if afterHeadline {
                header.append(trimmed)
                break
            } else if headline == nil {
                break
            }
            if let headline, trimmed.hasPrefix(headline) { afterHeadline = true } else { afterHeadline = false }
        }
        return header
    }

    static func isHeadlineLike(_ line: String) -> Bool {
        var words = 0
        var inWord = false
        for s in line.unicodeScalars {
            if SentenceSplitter.isSpace(s) { inWord = false } else if !inWord { inWord = true; words += 1 }
        }
        guard words <= maximumHeadlineWords else { return false }
        var last: Unicode.Scalar?
        for s in line.unicodeScalars.reversed() where !SentenceSplitter.isCloser(s) {
            last = s
            break
        }
        return last != "." && last != ":"
    }
}
