import Foundation

/// Prints scored sentences for people (a table) and for programs (CSV).
public enum ScoreTable {
    /// A table per article: a heading with the article's name and date, one row per sentence
    /// (index, label, the probability of every label, the sentence), then a summary line with the
    /// sentences per label and the article's escalation index (see ``EscalationIndex``).
    /// Probability columns are headed by the first four letters of each label, explained in a
    /// legend line. Sentences longer than the room left by `width` are cut with "…"; with
    /// `width` nil (output to a file or a pipe) they are printed whole.
    public static func render(_ scored: [ScoredSentence], labels: [String], width: Int? = nil) -> String {
        let probWidth = 7
        let short = labels.map { String($0.prefix(4)) }
        var out = "probabilities: " + zip(short, labels).map { "\($0) = \($1)" }.joined(separator: ", ") + "\n\n"
        let labelWidth = max(5, labels.map(\.count).max() ?? 5) + 1
        let fixed = 5 + labelWidth + labels.count * probWidth + 2
        let room = width.map { max(20, $0 - fixed) } ?? Int.max
        var start = 0
        while start < scored.count {
            var end = start
            while end < scored.count, scored[end].article == scored[start].article { end += 1 }
            let group = scored[start..<end]
            let first = group.first!
            out += "\(first.article)  \(first.date.map(\.description) ?? "undated")\n"
            out += pad("#", 4) + " " + padRight("label", labelWidth)
                + short.map { pad($0, probWidth) }.joined() + "  sentence\n"
            for s in group {
                // No room limit (output to a file or a pipe): no need to count the Characters.
                let text = room < Int.max && s.sentence.count > room ? String(s.sentence.prefix(room - 1)) + "…" : s.sentence
                out += pad(String(s.index), 4)
                out += " "
                out += padRight(s.label, labelWidth)
                for label in labels { out += pad(DecimalText.fixed(s.probability(of: label), places: 3), probWidth) }
                out += "  "
                out += text
                out += "\n"
            }
            let counts = labels.map { l in group.filter { $0.label == l }.count }
            let summary = zip(labels, counts).map { "\($0) \($1)" }.joined(separator: ", ")
            let index = EscalationIndex.of(group).map { String(format: "%+.3f", $0) } ?? "n/a"
            out += "  \(group.count) sentences: \(summary); escalation index \(index)\n\n"
            start = end
        }
        return out
    }

    /// The tables of ``render(_:labels:width:)`` for each group of `groups` (one article's
    /// sentences each), joined in order; groups are rendered on up to `threads` threads.
    public static func render(each groups: [[ScoredSentence]], labels: [String], width: Int? = nil,
                              threads: Int = Parallel.defaultThreads) -> String {
        Parallel.map(count: groups.count, threads: threads, grain: 8) { render(groups[$0], labels: labels, width: width) }.joined()
    }

    /// CSV with a header: `article,date,index,sentence,label`, then one column per label with its probability.
    public static func csv(_ scored: [ScoredSentence], labels: [String]) -> String {
        csvHeader(labels: labels) + csvRows(scored, labels: labels)
    }

    /// The CSV header line of ``csv(_:labels:)``.
    public static func csvHeader(labels: [String]) -> String {
        "article,date,index,sentence,label," + labels.map(CSVText.field).joined(separator: ",") + "\n"
    }

    /// The CSV rows of ``csv(_:labels:)`` without the header, for writing in batches.
    public static func csvRows(_ scored: [ScoredSentence], labels: [String]) -> String {
        var out = ""
        for s in scored {
            out += CSVText.field(s.article) + "," + (s.date?.description ?? "") + ",\(s.index)," + CSVText.field(s.sentence) + ","
                + CSVText.field(s.label) + "," + labels.map { DecimalText.fixed(s.probability(of: $0), places: 6) }.joined(separator: ",") + "\n"
        }
        return out
    }

    /// The UTF-8 bytes of ``csvRows(_:labels:)``, made by encoding chunks of rows on up to
    /// `threads` threads and joining them in order.
    public static func csvRowsUTF8(_ scored: [ScoredSentence], labels: [String], threads: Int = Parallel.defaultThreads) -> [UInt8] {
        ScoreJSONL.encodeInChunks(scored.count, bytesPerRecord: 200, threads: threads) { i, out, head in
            appendCSVRow(scored[i], labels: labels, to: &out, head: &head)
        }
    }

    /// Appends one row of ``csvRows(_:labels:)``, with its line end, as UTF-8 to `out`.
    /// `head` keeps the encoded `article,date,` of the previous row for the next row of the same article.
    static func appendCSVRow(_ s: ScoredSentence, labels: [String], to out: inout [UInt8], head: inout ScoreJSONL.RecordHead) {
        if head.date != s.date || !(head.article.map { ScoreJSONL.sameUTF8($0, s.article) } ?? false) {
            head.article = s.article
            head.date = s.date
            head.bytes.removeAll(keepingCapacity: true)
            CSVText.append(s.article, to: &head.bytes)
            head.bytes.append(UInt8(ascii: ","))
            if let date = s.date { head.bytes.append(contentsOf: date.description.utf8) }
            head.bytes.append(UInt8(ascii: ","))
        }
        out.append(contentsOf: head.bytes)
        out.append(contentsOf: String(s.index).utf8)
        out.append(UInt8(ascii: ","))
        CSVText.append(s.sentence, to: &out)
        out.append(UInt8(ascii: ","))
        CSVText.append(s.label, to: &out)
        out.append(UInt8(ascii: ","))
        for (i, label) in labels.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            DecimalText.append(s.probability(of: label), places: 6, to: &out)
        }
        out.append(UInt8(ascii: "\n"))
    }

    /// `s.padding(toLength: w, withPad: " ", startingAt: 0)`: `s` with spaces after it up to `w`
    /// UTF-16 units, without going through `NSString` when only spaces need adding.
    static func padRight(_ s: String, _ w: Int) -> String {
        let length = s.utf16.count
        if length == w { return s }
        if length > w { return s.padding(toLength: w, withPad: " ", startingAt: 0) }  // cut to w units
        return s + String(repeating: " ", count: w - length)
    }

    private static func pad(_ s: String, _ w: Int) -> String { String(repeating: " ", count: max(0, w - s.count)) + s }
}
