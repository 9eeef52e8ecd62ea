/// Labelled sentences read from a CSV file: one text and one label per record.
public struct LabeledDataset: Sendable {
    /// The sentences.
    public var texts: [String]
    /// The label of each sentence, parallel to ``texts``.
    public var labels: [String]
    /// The 1-based line on which each record starts in its file.
    public var lines: [Int]

    /// Creates a data set from parallel arrays.
    public init(texts: [String], labels: [String], lines: [Int]? = nil) {
        precondition(texts.count == labels.count, "texts and labels must be parallel")
        self.texts = texts
        self.labels = labels
        self.lines = lines ?? texts.indices.map { $0 + 2 }
    }

    /// The number of sentences.
    public var count: Int { texts.count }

    /// The distinct labels, sorted.
    public var labelSet: [String] { Array(Set(labels)).sorted() }

    /// Reads the columns named `textColumn` and `labelColumn` (in any order; other columns are
    /// ignored) from the CSV file at `path`.
    ///
    /// Throws when the file breaks RFC 4180, a column is missing, a record has an empty label,
    /// or the file has a header and no records.
    public static func load(path: String, textColumn: String = "text", labelColumn: String = "label") throws -> LabeledDataset {
        let table = try CSVReader(fileName: path).read(path: path)
        return try from(table: table, fileName: path, textColumn: textColumn, labelColumn: labelColumn)
    }

    /// Reads and joins several CSV files, in the order given; each names its columns in its own header.
    public static func load(paths: [String], textColumn: String = "text", labelColumn: String = "label") throws -> LabeledDataset {
        var all = LabeledDataset(texts: [], labels: [], lines: [])
        for path in paths {
            let part = try load(path: path, textColumn: textColumn, labelColumn: labelColumn)
            all.texts += part.texts
            all.labels += part.labels
            all.lines += part.lines
        }
        return all
    }

    /// Picks the text and label columns of a parsed table.
    public static func from(table: CSVReader.Table, fileName: String, textColumn: String = "text",
                            labelColumn: String = "label") throws -> LabeledDataset {
        func index(of name: String, option: String) throws -> Int {
            guard let k = table.header.firstIndex(of: name) else {
                throw TensionError(.csv, "no column named \"\(name)\" in the header (columns: \(table.header.joined(separator: ", ")))",
                                   file: fileName, line: 1, column: 1, hint: "name the column with \(option)")
            }
            return k
        }
        let t = try index(of: textColumn, option: "--text-column")
        let l = try index(of: labelColumn, option: "--label-column")
        guard !table.rows.isEmpty else {
            throw TensionError(.csv, "the file has a header and no records", file: fileName, line: 1)
        }
        var texts: [String] = []
        var labels: [String] = []
        texts.reserveCapacity(table.rows.count)
        labels.reserveCapacity(table.rows.count)
        for (k, row) in table.rows.enumerated() {
            let label = Self.trimmed(row[l])
            if label.isEmpty {
                throw TensionError(.csv, "empty label in column \"\(labelColumn)\"", file: fileName, line: table.lines[k],
                                   column: nil, hint: "every record needs a label")
            }
            texts.append(row[t])
            labels.append(label)
        }
        return LabeledDataset(texts: texts, labels: labels, lines: table.lines)
    }

    /// The records at `indices`, in that order.
    public func subset(_ indices: [Int]) -> LabeledDataset {
        LabeledDataset(texts: indices.map { texts[$0] }, labels: indices.map { labels[$0] }, lines: indices.map { lines[$0] })
    }
}

import Foundation

extension LabeledDataset {
    /// `s` without leading and trailing white space (`CharacterSet.whitespaces`); labels almost
    /// never have any, so the usual case is decided on the first and last byte without Foundation.
    static func trimmed(_ s: String) -> String {
        let utf8 = s.utf8
        if let first = utf8.first, let last = utf8.last,
           first < 0x80, last < 0x80, first != 0x20, first != 0x09, last != 0x20, last != 0x09 {
            return s
        }
        return s.trimmingCharacters(in: .whitespaces)
    }
}
