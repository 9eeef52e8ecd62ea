import Foundation

/// A reader for RFC 4180 CSV: quoted fields that hold commas, doubled quotes and line breaks,
/// CRLF, LF or lone CR line ends, and an optional UTF-8 byte-order mark.
///
/// The first record is the header. Every record must have as many fields as the header; a
/// blank line between records is skipped. Every fault is reported as a ``TensionError`` with
/// code `.csv` that names the file, the 1-based line and column (in characters) where it is.
public struct CSVReader: Sendable {
    /// The file name used in error messages.
    public let fileName: String

    /// Creates a reader whose errors name `fileName`.
    public init(fileName: String) {
        self.fileName = fileName
    }

    /// A parsed file: the header and the records, each with the line it starts on.
    public struct Table: Sendable {
        /// The header's field names.
        public var header: [String]
        /// The records after the header, each as many fields as the header.
        public var rows: [[String]]
        /// The 1-based line on which each record starts, parallel to ``rows``.
        public var lines: [Int]
    }

    /// Reads the file at `path`.
    ///
    /// The file is memory-mapped and parsed in place, so no copy of the whole file is held
    /// beyond the fields themselves.
    public func read(path: String) throws -> Table {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw TensionError(.io, "no such file", file: path)
        }
        guard !isDir.boolValue else { throw TensionError(.io, "is a folder, not a CSV file", file: path) }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
        } catch {
            throw TensionError(.io, "cannot be read (check its permissions)", file: path)
        }
        return try data.withUnsafeBytes { raw in try parse(buffer: raw.bindMemory(to: UInt8.self)) }
    }

    /// Parses CSV bytes.
    public func parse(_ bytes: [UInt8]) throws -> Table {
        try bytes.withUnsafeBufferPointer { try parse(buffer: $0) }
    }

    private func fail(_ message: String, line: Int, column: Int, hint: String? = nil) -> TensionError {
        TensionError(.csv, message, file: fileName, line: line, column: column, hint: hint)
    }

    private func parse(buffer b: UnsafeBufferPointer<UInt8>) throws -> Table {
        var i = 0
        let n = b.count
        if n >= 3, b[0] == 0xEF, b[1] == 0xBB, b[2] == 0xBF { i = 3 }
        guard b[i...].contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) else {
            throw TensionError(.csv, "the file is empty", file: fileName, hint: "a CSV file needs a header row and at least one record")
        }

        var line = 1
        var lineStart = i
        var records: [[String]] = []
        var recordLines: [Int] = []
        var fields: [String] = []
        var fieldBytes: [UInt8] = []
        fieldBytes.reserveCapacity(256)

        // A line ends with LF, CRLF or a lone CR; returns its length in bytes, or 0.
        func lineEnd(at k: Int) -> Int {
            if b[k] == 0x0A { return 1 }
            if b[k] == 0x0D { return k + 1 < n && b[k + 1] == 0x0A ? 2 : 1 }
            return 0
        }

        func column(at index: Int, lineStart: Int) -> Int {
            // Characters, not bytes: count the UTF-8 lead bytes before `index` on the line.
            var c = 1
            var k = lineStart
            while k < index {
                if b[k] & 0xC0 != 0x80 { c += 1 }
                k += 1
            }
            return c
        }

        if let bad = UTF8Validation.firstInvalidByte(b) {
            var l = 1
            var ls = 0
            for k in 0..<bad where b[k] == 0x0A || (b[k] == 0x0D && b[k + 1] != 0x0A) { l += 1; ls = k + 1 }
            throw fail("invalid UTF-8 text (byte 0x\(String(b[bad], radix: 16, uppercase: true)))", line: l,
                       column: column(at: bad, lineStart: ls), hint: "save the file as UTF-8")
        }

        var recordLine = line
        var atRecordStart = true
        while i < n {
            if atRecordStart {
                // Skip blank lines between records.
                let end = lineEnd(at: i)
                if end > 0 { line += 1; i += end; lineStart = i; continue }
                recordLine = line
                atRecordStart = false
            }
            fieldBytes.removeAll(keepingCapacity: true)
            var endedRecord = false
            if b[i] == 0x22 {
                let openLine = line
                let openColumn = column(at: i, lineStart: lineStart)
                i += 1
                var closed = false
                while i < n {
                    let c = b[i]
                    if c == 0x22 {
                        if i + 1 < n, b[i + 1] == 0x22 {
                            fieldBytes.append(0x22)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if c == 0x0A || (c == 0x0D && (i + 1 >= n || b[i + 1] != 0x0A)) { line += 1; lineStart = i + 1 }
                    fieldBytes.append(c)
                    i += 1
                }
                if !closed {
                    throw fail("a quoted field opened here is never closed", line: openLine, column: openColumn,
                               hint: "close the quote, and double any quote inside a quoted field (\"\")")
                }
                // After the closing quote: a comma, a line end or the end of the file.
                if i < n {
                    let c = b[i]
                    if c == 0x2C {
                        i += 1
                    } else if lineEnd(at: i) > 0 {
                        i += lineEnd(at: i); line += 1; lineStart = i; endedRecord = true
                    } else {
                        throw fail("unexpected character after a closing quote", line: line,
                                   column: column(at: i, lineStart: lineStart),
                                   hint: "a quote inside a quoted field is written twice (\"\")")
                    }
                } else {
                    endedRecord = true
                }
            } else {
                while i < n {
                    let c = b[i]
                    if c == 0x2C { i += 1; break }
                    let end = lineEnd(at: i)
                    if end > 0 { i += end; line += 1; lineStart = i; endedRecord = true; break }
                    if c == 0x22 {
                        throw fail("a quote inside an unquoted field", line: line, column: column(at: i, lineStart: lineStart),
                                   hint: "quote the whole field and double the quotes inside it")
                    }
                    fieldBytes.append(c)
                    i += 1
                }
                if i >= n { endedRecord = true }
            }
            fields.append(String(decoding: fieldBytes, as: UTF8.self))
            // A trailing comma at the very end of the file leaves one more empty field.
            if !endedRecord, i >= n { fields.append(""); endedRecord = true }
            if endedRecord {
                records.append(fields)
                recordLines.append(recordLine)
                fields.removeAll(keepingCapacity: true)
                atRecordStart = true
            }
        }
        if !fields.isEmpty {
            records.append(fields)
            recordLines.append(recordLine)
        }

        guard let header = records.first else {
            throw TensionError(.csv, "the file is empty", file: fileName)
        }
        for (k, record) in records.enumerated() where record.count != header.count {
            throw fail("this record has \(record.count) field\(record.count == 1 ? "" : "s") but the header has \(header.count)",
                       line: recordLines[k], column: 1, hint: "quote fields that contain commas")
        }
        return Table(header: header.map { $0.trimmingCharacters(in: .whitespaces) },
                     rows: Array(records.dropFirst()), lines: Array(recordLines.dropFirst()))
    }
}
