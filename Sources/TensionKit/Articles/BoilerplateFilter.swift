/// Removes what a saved web page carries around a news story, keeping the headline and the story.
///
/// The filter works line by line on the page's text and drops:
/// - **navigation**: breadcrumbs (`Home > World`, `HomeTop Stories…` where the links ran together),
///   sharing buttons (`Facebook Twitter Linkedin Mail`), `button …` labels;
/// - **date stamps** (`Posted on : …`, `Published: …`, `This story is from …`): they are read by
///   ``PublicationDateFinder`` and are not part of the story;
/// - **bylines and contacts**: `By Jane Doe, staff reporter`, an all-capitals `- NAME` line, a
///   `with the … Daily` line under a byline, a byline glued to the end of the headline
///   (`…vows actionBy Jane Doe`), any short line with an e-mail address;
/// - **prompts and markers**: comment and log-in prompts, sign-up and newsletter boxes, character
///   counters such as `(0/250)`, `Advertisement`, `See also …` and `Read more …` links,
///   photo credits (`NAME / AFP via Getty Images`);
/// - **lists of other stories**: a section title such as `Related stories`, `Most viewed`,
///   `Most Popular`, `Top 10 Stories`, `Recent Comments` and, once the story has begun (a kept
///   line ended with a full stop), every short line after it, until a long prose paragraph (at
///   least ``minimumProseWords`` words ending with a full stop) shows that the story goes on;
///   above the story, where such titles are menu entries, only the title line goes;
/// - **repeats**: a line identical to an earlier one (a photo caption shown twice).
///
/// Lines are trimmed of surrounding white space (including no-break spaces). Blank lines are kept
/// as single empty strings between paragraphs, never at the start or the end, because
/// ``SentenceSplitter`` uses them as paragraph breaks. Everything else is returned as written.
public enum BoilerplateFilter {
    /// A line with at least this many words that ends with a full stop is story text, even inside a list of other stories.
    public static let minimumProseWords = 25

    /// Returns `lines` without page furniture; blank lines collapse to one empty string between paragraphs.
    public static func clean(lines: [String]) -> [String] {
        var kept: [String] = []
        var seen = Set<String>()
        var inStoryList = false
        var storyBegun = false
        var previousWasByline = false
        for raw in lines {
            var line = trimmed(raw)
            if line.isEmpty {
                if let last = kept.last, !last.isEmpty { kept.append("") }
                continue
            }
            let info = LineInfo(line)
            if inStoryList {
                if info.words >= minimumProseWords && info.endsWithTerminal {
                    inStoryList = false
                } else {
                    continue
                }
            }
            if isStoryListTitle(info) {
                // Above the story (a menu), only the title itself goes; below it, the whole list.
                inStoryList = storyBegun
                previousWasByline = false
                continue
            }
            if isByline(line, info) {
                previousWasByline = true
                continue
            }
            if previousWasByline, info.lower.hasPrefix("with "), info.words <= 6, !info.endsWithTerminal {
                continue
            }
            previousWasByline = false
            if isFurniture(line, info) { continue }
            if info.words <= maximumRuleWords { line = removingGluedByline(line) }
            guard seen.insert(line).inserted else { continue }
            if info.endsWithTerminal { storyBegun = true }
            kept.append(line)
        }
        while kept.last == "" { kept.removeLast() }
        return kept
    }

    /// `line` without leading and trailing white space, no-break spaces included.
    static func trimmed(_ line: String) -> String {
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
              let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        if first == scalars.startIndex, scalars.index(after: last) == scalars.endIndex { return line }
        return String(scalars[first...last])
    }

    static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || s == "\r" || s == "\u{A0}" || s == "\u{FEFF}" || s == "\u{200B}"
            || s.properties.isWhitespace
    }

    /// What the rules need to know about one trimmed, non-empty line.
    struct LineInfo {
        /// The line in lower case; empty for a line of more than ``maximumRuleWords`` words, which no rule needs.
        var lower: String
        /// Lower-case letters, digits and single spaces only: "- Advertisement -" is "advertisement"
        /// (empty, like ``lower``, for long lines).
        var plain: String
        /// Number of white-space separated words.
        var words: Int
        /// Whether the line ends with `.`, `!`, `?` or `…`, possibly followed by closing quotes or brackets.
        var endsWithTerminal: Bool

        init(_ line: String) {
            var copy = line
            // Words are separated by space, tab and no-break space (C2 A0); counted on the UTF-8
            // bytes, where a continuation byte (80...BF) belongs to the scalar before it.
            self.words = copy.withUTF8 { bytes in
                var words = 0
                var inWord = false
                var i = 0
                let n = bytes.count
                while i < n {
                    let b = bytes[i]
                    if b == 0x20 || b == 0x09 {
                        inWord = false
                    } else if b == 0xC2, i + 1 < n, bytes[i + 1] == 0xA0 {
                        inWord = false
                        i += 1
                    } else if b & 0xC0 != 0x80, !inWord {
                        inWord = true
                        words += 1
                    }
                    i += 1
                }
                return words
            }
            var end = false
            for s in line.unicodeScalars.reversed() {
                if closers.contains(s) { continue }
                end = s == "." || s == "!" || s == "?" || s == "\u{2026}"
                break
            }
            endsWithTerminal = end
            guard words <= maximumRuleWords else {
                lower = ""
                plain = ""
                return
            }
            lower = line.lowercased()
            var plain = String.UnicodeScalarView()
            var pendingSpace = false
            for s in lower.unicodeScalars {
                if s.properties.isAlphabetic || ("0"..."9").contains(s) {
                    if pendingSpace, !plain.isEmpty { plain.append(" ") }
                    pendingSpace = false
                    plain.append(s)
                } else if s == "'" || s == "\u{2019}" {
                    continue
                } else {
                    pendingSpace = true
                }
            }
            self.plain = String(plain)
        }
    }

    /// No rule applies to a line with more words than this, so long paragraphs are passed over quickly.
    static let maximumRuleWords = 30

    static let closers: Set<Unicode.Scalar> = ["\"", "'", "\u{201D}", "\u{2019}", ")", "]", " ", "\u{A0}"]

    /// Section titles that start a list of other stories or comments.
    static let storyListTitles: Set<String> = [
        "related stories", "related articles", "related news", "related", "related content",
        "most viewed", "most viewed articles", "most viewed stories", "most popular", "most read",
        "most read articles", "most shared", "top stories", "top 10", "top 10 stories", "top 10 news",
        "top ten", "top news", "trending", "trending now", "trending stories", "recent comments",
        "comments", "latest news", "latest stories", "more stories", "more news", "you may also like",
        "recommended", "recommended stories", "editors picks", "popular", "must read", "also read",
        "more from this section", "in other news", "most popular stories", "recent posts",
    ]

    static func isStoryListTitle(_ info: LineInfo) -> Bool {
        guard info.words <= 6 else { return false }
        if storyListTitles.contains(info.plain) { return true }
        return ["most viewed ", "most popular ", "most read ", "related stories ", "top 10 ", "top ten "]
            .contains(where: { info.plain.hasPrefix($0) }) && !info.endsWithTerminal
    }

    /// Beginnings (lower case) of lines that are prompts, buttons, links or markers.
    static let furniturePrefixes: [String] = [
        "see also", "read more", "read also", "also read", "click here", "sign up", "sign in",
        "log in", "login", "subscribe", "to write comments", "please enter your", "leave a comment",
        "post a comment", "write a comment", "please log in", "follow us", "share this", "share on",
        "advertisement", "sponsored", "copyright", "\u{00A9}", "all rights reserved", "button",
        "standards board policy", "please direct questions", "contact us", "send us", "download the app",
        "get the app", "listen to this", "print this", "font size", "skip to", "home >", "home \u{203A}",
        "home \u{00BB}", "home /", "home |", "you may also like", "recommended for you", "more on this",
        "newsletter", "enewsletter", "accept cookies", "we use cookies", "tags:", "topics:",
        "get the latest", "join our", "report an error", "reprint", "add comment",
        "reporting by", "additional reporting by", "editing by", "writing by", "compiled by",
    ]

    /// Beginnings of links to other stories, which may carry a whole headline.
    static let linkPrefixes: [String] = ["see also", "read more", "read also", "also read", "related:", "more:"]

    /// Words that make up a row of sharing buttons.
    static let shareWords: Set<String> = [
        "facebook", "twitter", "x", "linkedin", "mail", "email", "e", "whatsapp", "telegram",
        "reddit", "pinterest", "print", "share", "copy", "link", "kakao", "kakaotalk", "band",
        "naver", "comments", "comment", "tweet", "sms", "flipboard", "url",
    ]

    /// Markers of a photo credit.
    static let creditMarkers: [String] = [
        "getty images", "/ afp", "afp /", "/ ap", "ap photo", "/ reuters", "reuters /", "/ yonhap",
        "/ epa", "epa-efe", "/ xinhua", "shutterstock", "photo by", "photo:", "courtesy of", "file photo",
    ]

    static func isFurniture(_ line: String, _ info: LineInfo) -> Bool {
        guard info.words <= maximumRuleWords else { return false }
        let short = info.words <= 15
        if short, furniturePrefixes.contains(where: { info.lower.hasPrefix($0) }) { return true }
        if info.words <= 30, linkPrefixes.contains(where: { info.lower.hasPrefix($0) }) { return true }
        if info.plain == "advertisement" || info.plain == "ad" || info.plain == "sponsored content" { return true }
        if short, !info.plain.isEmpty, info.plain.split(separator: " ").allSatisfy({ shareWords.contains(String($0)) }) {
            return true
        }
        if short, containsEmailAddress(info.lower) { return true }
        if short, has(info.lower, "(0/") { return true }  // comment box counter such as (0/250)
        if info.words <= 2, isCommentCounter(info.plain) { return true }
        if isBreadcrumb(line, info) { return true }
        if info.words <= 8, !info.endsWithTerminal, creditMarkers.contains(where: { has(info.lower, $0) }) {
            return true
        }
        if let found = PublicationDateFinder.headerDate(in: line), found.kind != .updated || info.words <= 12 {
            return true
        }
        return false
    }

    /// Whether `plain` is a comment counter: "comments 12" (from "Comments (12)") or "12 comments".
    static func isCommentCounter(_ plain: String) -> Bool {
        let words = plain.split(separator: " ")
        guard words.count == 2 else { return false }
        let isCount = { (w: Substring) in w.allSatisfy(\.isNumber) }
        let isWord = { (w: Substring) in w == "comments" || w == "comment" }
        return (isWord(words[0]) && isCount(words[1])) || (isCount(words[0]) && isWord(words[1]))
    }

    /// Whether `text` contains `part` (compared as UTF-8, without Foundation).
    static func has(_ text: String, _ part: String) -> Bool {
        let t = Array(text.utf8)
        let p = Array(part.utf8)
        guard !p.isEmpty, t.count >= p.count else { return p.isEmpty }
        for start in 0...(t.count - p.count) where t[start] == p[0] {
            if t[start..<(start + p.count)].elementsEqual(p) { return true }
        }
        return false
    }

    /// Whether `lower` contains something shaped like `name@host.tld`.
    static func containsEmailAddress(_ lower: String) -> Bool {
        guard lower.utf8.contains(UInt8(ascii: "@")) else { return false }
        for word in lower.split(whereSeparator: { $0 == " " || $0 == "[" || $0 == "]" || $0 == "(" || $0 == ")" || $0 == "<" || $0 == ">" }) {
            let parts = word.split(separator: "@", omittingEmptySubsequences: false)
            if parts.count == 2, !parts[0].isEmpty, parts[1].utf8.contains(UInt8(ascii: ".")), !parts[1].hasPrefix(".") { return true }
        }
        return false
    }

    static func isBreadcrumb(_ line: String, _ info: LineInfo) -> Bool {
        let scalars = Array(line.unicodeScalars.prefix(5))
        // "HomeWorld…": link texts run together with no space after "Home".
        if scalars.count == 5, String(String.UnicodeScalarView(scalars[0..<4])) == "Home",
           scalars[4].properties.isUppercase {
            return true
        }
        if info.words <= 12, !info.endsWithTerminal,
           [" > ", " \u{203A} ", " \u{00BB} ", " / "].contains(where: { has(line, $0) }),
           info.lower.hasPrefix("home") || info.lower.hasPrefix("news") {
            return true
        }
        return false
    }

    /// Whether the line is a byline: `By Jane Doe, staff reporter`, `BY JANE DOE [mail]`, `- JANE DOE`.
    static func isByline(_ line: String, _ info: LineInfo) -> Bool {
        guard info.words <= 10 else { return false }
        let words = line.split(separator: " ")
        if words.count >= 2, words[0] == "By" || words[0] == "BY" || words[0] == "by",
           let first = words[1].unicodeScalars.first, first.properties.isUppercase, !info.endsWithTerminal {
            let second = words[1].lowercased().filter(\.isLetter)
            return PublicationDateFinder.month(second) == nil && !PublicationDateFinder.weekdays.contains(second)
        }
        // "- JANE DOE": a dash and a name in capitals.
        if words.count >= 2, words.count <= 5, words[0] == "-" || words[0] == "\u{2022}" {
            let rest = line.unicodeScalars.dropFirst(2)
            let letters = rest.filter { $0.properties.isAlphabetic }
            return !letters.isEmpty && letters.allSatisfy { !$0.properties.isLowercase }
        }
        return false
    }

    /// Cuts a byline glued to the end of a headline: "…vows stern actionsBy Jane Doe" → "…vows stern actions".
    static func removingGluedByline(_ line: String) -> String {
        let scalars = Array(line.unicodeScalars)
        guard scalars.count > 6 else { return line }
        var i = scalars.count - 4
        while i > 0 {
            if scalars[i] == "B", scalars[i + 1] == "y", scalars[i + 2] == " ",
               scalars[i - 1].properties.isLowercase || scalars[i - 1] == "\u{201D}" || scalars[i - 1] == "\"" {
                let name = String(String.UnicodeScalarView(scalars[(i + 3)...]))
                let nameWords = name.split(separator: " ")
                if (1...4).contains(nameWords.count),
                   nameWords.allSatisfy({ $0.first?.isUppercase == true }),
                   !name.utf8.contains(UInt8(ascii: ".")) {
                    return String(String.UnicodeScalarView(scalars[..<i]))
                }
            }
            i -= 1
        }
        return line
    }
}
