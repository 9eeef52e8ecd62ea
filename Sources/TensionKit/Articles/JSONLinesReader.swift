import Foundation

/// Reads JSON Lines articles: one `{"id": …, "date": "YYYY-MM-DD", "text": …}` object per line.
///
/// Only `"text"` is required. `"id"` (a string or a number) names the article; without it the
/// name is `file:line`. The date of a record is, in order: `--date`; the record's `"date"`
/// (`YYYY-MM-DD`, optionally followed by `T` or a space and a time); a date in the header lines of
/// its text. The name of a JSON Lines file does not date its records, since one file usually holds
/// many days. A `"date"` that is not a real day (`2024-02-30`) leaves the record undated, with a
/// warning. A line that is not a JSON object, or has no string `"text"`, is skipped with a warning
/// naming the file and line; blank lines are ignored.
enum JSONLinesReader {
    /// Whether `text` starts, after white space, with `{` and its first non-blank line parses as a JSON object.
    static func looksLikeJSONLines(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first(where: { !SentenceSplitter.isSpace($0) }), first == "{" else {
            return false
        }
        guard let line = text.split(whereSeparator: \.isNewline).first(where: { !$0.allSatisfy(\.isWhitespace) }) else {
            return false
        }
        return object(Substring(line)) != nil
    }

    /// The articles in `text`, and a warning for each line skipped or record left undated.
    static func read(name: String, text: String, dateOverride: Day?) -> ([Article], [ArticleWarning]) {
        var articles: [Article] = []
        var warnings: [ArticleWarning] = []
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            if line.allSatisfy(\.isWhitespace) { continue }
            guard let record = object(line) else {
                warnings.append(ArticleWarning(path: name, message: "not a valid JSON object; line skipped", line: lineNumber))
                continue
            }
            guard let body = record["text"] as? String else {
                warnings.append(ArticleWarning(path: name, message: "record has no \"text\" string; line skipped", line: lineNumber))
                continue
            }
            let id: String
            switch record["id"] {
            case let s as String: id = s
            case let n as NSNumber: id = n.stringValue
            default: id = "\(name):\(lineNumber)"
            }
            var fixed: (Day?, DateSource)?
            if let dateOverride {
                fixed = (dateOverride, .override)
            } else if let value = record["date"], !(value is NSNull) {
                if let text = value as? String, let day = recordDay(text) {
                    fixed = (day, .record)
                } else {
                    warnings.append(ArticleWarning(
                        path: name, message: "\"date\" \(describe(value)) is not a real YYYY-MM-DD; record left undated",
                        line: lineNumber))
                    fixed = (nil, .none)
                }
            }
            guard let article = ArticleBuilder.build(name: id, text: body, fileName: nil, fixedDate: fixed) else {
                warnings.append(ArticleWarning(path: name, message: "record has no article text; line skipped", line: lineNumber))
                continue
            }
            articles.append(article)
        }
        return (articles, warnings)
    }

    static func object(_ line: Substring) -> [String: Any]? {
        guard let data = line.data(using: .utf8),
              let value = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return nil }
        return value as? [String: Any]
    }

    /// `YYYY-MM-DD`, optionally followed by `T` or a space and anything (a time), as a real day.
    static func recordDay(_ text: String) -> Day? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let head = trimmed.prefix(10)
        if trimmed.count > 10 {
            let rest = trimmed.dropFirst(10).first
            guard rest == "T" || rest == " " else { return nil }
        }
        return Day(iso: head)
    }

    static func describe(_ value: Any) -> String {
        if let s = value as? String { return "\"\(s)\"" }
        return "\(value)"
    }
}
