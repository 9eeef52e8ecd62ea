/// Finds an article's publication date in its header lines or, failing that, its file name.
///
/// ## Precedence
/// 1. `--date` (``ArticleReader/init(format:glob:dateOverride:)``'s `dateOverride`): when given, it
///    overrides everything below. (Applied by ``ArticleReader``; this type never sees it.)
/// 2. For JSON Lines, the record's `"date"` (``DateSource/record``); a record date that is not a
///    real `YYYY-MM-DD` makes the record undated, with a warning. (Also applied by ``ArticleReader``.)
/// 3. A date in a **header line** (``DateSource/header``): one of the first
///    ``headerLineCount`` non-blank lines, or the line right under the headline, in a form news
///    sites print:
///    - after a publication keyword: `Posted on : 2024-06-17 17:11 KST`,
///      `Published: 26 Jun. 2024, 14:02`, ` date 2024-06-20`, `Published : June 20, 2024 - 15:26`,
///      `This story is from March 10, 2002`, `Dated: 2024/06/17`;
///    - or a line that is nothing but a date stamp: `2024-06-17`, `Monday, June 17, 2024 10:02 KST`,
///      `2024-06-17T08:11:00Z`.
///    Dates are written `YYYY-MM-DD` (also with `.` or `/`), `Month D, YYYY` or `D Month YYYY`, with
///    full or abbreviated month names. A line with both a publication and an update keyword
///    (`Posted on : … Modified on : …`) gives the date after the publication keyword; a line with
///    only an update keyword (`Updated: …`) is used only when no header line has a publication date.
/// 4. A date in the **file name** (``DateSource/fileName``): `2024-06-17`, `2024_06_17`,
///    `2024.06.17` or `20240617`, not touching other letters or digits (so a hexadecimal hash that
///    happens to contain digits is not a date).
/// 5. Otherwise the article is **undated** (``DateSource/none``); no date is ever guessed.
///
/// A date inside the story, such as a photo caption ("… in Vilnius, July 12, 2023.") or the event
/// being reported, never counts: a header line must be short (at most ``maximumHeaderWords``
/// words), and the date must either follow a publication keyword that is among the first
/// ``maximumKeywordPosition`` words of a line of at most ``maximumKeywordLineWords`` words of
/// letters, or be the whole line.
public enum PublicationDateFinder {
    /// How many non-blank lines from the top of an article count as its header.
    public static let headerLineCount = 8
    /// A line with more words than this is prose, not a header line.
    public static let maximumHeaderWords = 20
    /// A publication keyword must be among this many first words of its line.
    public static let maximumKeywordPosition = 4
    /// A line with a publication keyword has at most this many words of letters (numbers not counted).
    public static let maximumKeywordLineWords = 8

    /// Returns the publication date found in `headerLines` (first) or `fileName` (second), with where it came from.
    public static func find(headerLines: [String], fileName: String?) -> (Day, DateSource)? {
        find(headerLines: headerLines[...], fileName: fileName)
    }

    /// Returns the publication date found in `headerLines` (first) or `fileName` (second), with where it came from.
    public static func find(headerLines: ArraySlice<String>, fileName: String?) -> (Day, DateSource)? {
        var stamp: Day?
        var updated: Day?
        for line in headerLines {
            guard let found = headerDate(in: line) else { continue }
            switch found.kind {
            case .published: return (found.day, .header)
            case .stamp: if stamp == nil { stamp = found.day }
            case .updated: if updated == nil { updated = found.day }
            }
        }
        if let day = stamp ?? updated { return (day, .header) }
        if let fileName, let day = date(inFileName: fileName) { return (day, .fileName) }
        return nil
    }

    /// How a header line states its date.
    enum HeaderDateKind { case published, stamp, updated }

    /// The date a single header line states, or nil when the line is not a recognised date line.
    static func headerDate(in line: String) -> (day: Day, kind: HeaderDateKind)? {
        guard line.utf8.count <= 200 else { return nil }
        let tokens = DateTokens(line)
        guard !tokens.items.isEmpty else { return nil }
        var words = 0
        for t in tokens.items where t.kind != .punctuation { words += 1 }
        guard words <= maximumHeaderWords else { return nil }

        let dates = tokens.dates()
        guard !dates.isEmpty else { return nil }
        // A publication keyword among the first words, followed by a date, in a line of few words.
        var sawUpdateKeyword = false
        var wordIndex = 0
        let letterWords = tokens.items.filter { $0.kind == .word }.count
        for (index, token) in tokens.items.enumerated() where token.kind == .word {
            wordIndex += 1
            guard wordIndex <= maximumKeywordPosition, letterWords <= maximumKeywordLineWords else { break }
            let w = token.lower
            let isPublication = publicationKeywords.contains(w)
                || (w == "story" && tokens.word(at: index + 1) == "is" && tokens.word(at: index + 2) == "from")
            if isPublication, let d = dates.first(where: { $0.start > index }) {
                return (d.day, .published)
            }
            if updateKeywords.contains(w), dates.contains(where: { $0.start > index }) { sawUpdateKeyword = true }
        }
        if sawUpdateKeyword, let d = dates.first { return (d.day, .updated) }
        // A bare date stamp: nothing but the date, a weekday, a time and a zone.
        guard dates.count == 1, let d = dates.first else { return nil }
        for (index, token) in tokens.items.enumerated() where !d.range.contains(index) {
            switch token.kind {
            case .punctuation: continue
            case .number:
                // Parts of a time such as 17:11 or 08:11:00.
                let next = tokens.items.indices.contains(index + 1) ? tokens.items[index + 1].text : ""
                let previous = index > 0 ? tokens.items[index - 1].text : ""
                guard token.text.count <= 2, next == ":" || previous == ":" else { return nil }
            case .word:
                let w = token.lower
                if weekdays.contains(w) || stampWords.contains(w) { continue }
                // Time zones such as KST, GMT, UTC, or a T separating date and time.
                if token.text.count <= 5, token.text.allSatisfy({ $0.isUppercase }) { continue }
                return nil
            }
        }
        return (d.day, .stamp)
    }

    /// The date in a file name (its last path component), or nil.
    public static func date(inFileName path: String) -> Day? {
        let name = Array((path.split(separator: "/").last.map(String.init) ?? path).unicodeScalars)
        var i = 0
        func isDigit(_ k: Int) -> Bool { k >= 0 && k < name.count && ("0"..."9").contains(name[k]) }
        func isAlphanumeric(_ k: Int) -> Bool {
            k >= 0 && k < name.count && (name[k].properties.isAlphabetic || ("0"..."9").contains(name[k]))
        }
        func number(_ from: Int, _ count: Int) -> Int {
            var v = 0
            for k in from..<(from + count) { v = v * 10 + Int(name[k].value - 48) }
            return v
        }
        while i < name.count {
            guard isDigit(i), !isDigit(i - 1) else { i += 1; continue }
            var end = i
            while isDigit(end) { end += 1 }
            let run = end - i
            if run == 8, !isAlphanumeric(i - 1), !isAlphanumeric(end) {
                if let day = plausible(number(i, 4), number(i + 4, 2), number(i + 6, 2)) { return day }
            } else if run == 4, end + 5 < name.count, isSeparator(name[end]),
                      isDigit(end + 1), isDigit(end + 2), name[end + 3] == name[end],
                      isDigit(end + 4), isDigit(end + 5),
                      !isAlphanumeric(i - 1), !isAlphanumeric(end + 6) {
                if let day = plausible(number(i, 4), number(end + 1, 2), number(end + 4, 2)) { return day }
            }
            i = end
        }
        return nil
    }

    static func isSeparator(_ s: Unicode.Scalar) -> Bool { s == "-" || s == "_" || s == "." }

    /// A real day in a plausible range for news (years 1900…2100), or nil.
    static func plausible(_ year: Int, _ month: Int, _ day: Int) -> Day? {
        guard (1900...2100).contains(year) else { return nil }
        return Day(year: year, month: month, day: day)
    }

    static let publicationKeywords: Set<String> = [
        "posted", "published", "publish", "date", "dated", "created", "released", "issued",
    ]
    static let updateKeywords: Set<String> = ["updated", "modified", "edited", "revised"]
    static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]
    static let stampWords: Set<String> = ["at", "on", "am", "pm", "a", "m", "p", "hrs", "local", "time"]

    /// Month number for a full or abbreviated English month name (lower-case), or nil.
    static func month(_ word: String) -> Int? {
        switch word {
        case "january", "jan": return 1
        case "february", "feb": return 2
        case "march", "mar": return 3
        case "april", "apr": return 4
        case "may": return 5
        case "june", "jun": return 6
        case "july", "jul": return 7
        case "august", "aug": return 8
        case "september", "sep", "sept": return 9
        case "october", "oct": return 10
        case "november", "nov": return 11
        case "december", "dec": return 12
        default: return nil
        }
    }
}

/// A header line cut into words, numbers and punctuation, with the dates it contains.
struct DateTokens {
    enum Kind { case word, number, punctuation }
    struct Token {
        var kind: Kind
        var text: String
        var lower: String
    }
    /// A date found in the tokens: the day and the token range it spans.
    struct FoundDate {
        var day: Day
        var range: Range<Int>
        var start: Int { range.lowerBound }
    }

    var items: [Token] = []

    init(_ line: String) {
        var current = ""
        var kind: Kind = .punctuation
        func flush() {
            if !current.isEmpty { items.append(Token(kind: kind, text: current, lower: current.lowercased())) }
            current = ""
        }
        for s in line.unicodeScalars {
            let k: Kind?
            if ("0"..."9").contains(s) {
                k = .number
            } else if s.properties.isAlphabetic {
                k = .word
            } else if s.properties.isWhitespace {
                k = nil
            } else {
                k = .punctuation
            }
            guard let k else { flush(); continue }
            if k != kind || k == .punctuation { flush() }
            kind = k
            current.unicodeScalars.append(s)
        }
        flush()
    }

    func word(at index: Int) -> String? {
        guard items.indices.contains(index), items[index].kind == .word else { return nil }
        return items[index].lower
    }

    func number(at index: Int, digits: ClosedRange<Int>) -> Int? {
        guard items.indices.contains(index), items[index].kind == .number,
              digits.contains(items[index].text.count) else { return nil }
        return Int(items[index].text)
    }

    func punctuation(at index: Int, _ allowed: Set<String>) -> Bool {
        items.indices.contains(index) && items[index].kind == .punctuation && allowed.contains(items[index].text)
    }

    /// Every date in the line, in order: `YYYY-MM-DD` (or `.` `/`), `Month D, YYYY`, `D Month YYYY`.
    func dates() -> [FoundDate] {
        var found: [FoundDate] = []
        var i = 0
        while i < items.count {
            if let date = date(at: i) {
                found.append(date)
                i = date.range.upperBound
            } else {
                i += 1
            }
        }
        return found
    }

    private func date(at i: Int) -> FoundDate? {
        // YYYY-MM-DD, YYYY.MM.DD, YYYY/MM/DD; the day may be followed by T and a time.
        if let y = number(at: i, digits: 4...4), punctuation(at: i + 1, ["-", ".", "/"]),
           let m = number(at: i + 2, digits: 1...2), punctuation(at: i + 3, [items[i + 1].text]),
           let d = number(at: i + 4, digits: 1...2), let day = PublicationDateFinder.plausible(y, m, d) {
            return FoundDate(day: day, range: i..<(i + 5))
        }
        // Month D, YYYY  (Month may be abbreviated and followed by a full stop).
        if let name = word(at: i), let m = PublicationDateFinder.month(name) {
            var k = i + 1
            if punctuation(at: k, ["."]) { k += 1 }
            if let d = number(at: k, digits: 1...2) {
                var j = k + 1
                if punctuation(at: j, [","]) { j += 1 }
                if let y = number(at: j, digits: 4...4), let day = PublicationDateFinder.plausible(y, m, d) {
                    return FoundDate(day: day, range: i..<(j + 1))
                }
            }
        }
        // D Month YYYY  (D Mon. YYYY, D Month, YYYY).
        if let d = number(at: i, digits: 1...2), let name = word(at: i + 1), let m = PublicationDateFinder.month(name) {
            var j = i + 2
            if punctuation(at: j, ["."]) { j += 1 }
            if punctuation(at: j, [","]) { j += 1 }
            if let y = number(at: j, digits: 4...4), let day = PublicationDateFinder.plausible(y, m, d) {
                return FoundDate(day: day, range: i..<(j + 1))
            }
        }
        return nil
    }
}
