import Foundation

/// The JSON Lines codec of ``ScoredSentence``: what `tension score --format jsonl` writes and
/// `tension chart --scores` reads.
///
/// One record per line, keys always in this order:
///
///     {"article":"a.txt","date":"2024-06-17","index":0,"sentence":"…","label":"warning",
///      "probabilities":{"warning":0.7,"conciliatory":0.1,"neutral":0.2}}
///
/// - `date` is `"YYYY-MM-DD"` or `null` for an undated article;
/// - `probabilities` keeps the model's label order; numbers are written in Swift's shortest
///   form that reads back to the same `Double`, so a round trip is exact.
///
/// The encoder is hand-written so that output is deterministic and fast. Strings are escaped as
/// RFC 8259 requires: `"` and `\`, the control characters U+0000...U+001F (as `\n`, `\t`, … or
/// `\u00XX`); everything else, non-BMP characters included, is written as raw UTF-8.
/// A non-finite probability (NaN, infinity) has no JSON form and is written as `null`, which
/// the decoder refuses.
///
/// The decoder reads a whole stream: blank lines are skipped, a UTF-8 byte-order mark and
/// `\r\n` line ends are accepted, unknown keys are ignored (newer writers may add some).
/// Any other defect (invalid UTF-8, not JSON, a missing key, a wrong type, a date that does not
/// exist such as 2024-02-30, a negative index, a label that is not among the probabilities)
/// throws `TensionError(.input, …)` naming the file, the 1-based line and, for syntax errors,
/// the column.
public enum ScoreJSONL {
    /// The six keys of a record, in the order they are written.
    public static let keys = ["article", "date", "index", "sentence", "label", "probabilities"]

    // MARK: Encoding

    /// One record as one line of JSON, without the line end.
    public static func encode(_ record: ScoredSentence) -> String {
        var out = ""
        out.reserveCapacity(record.sentence.utf8.count + record.article.utf8.count + 128)
        append(record, to: &out)
        return out
    }

    /// Records as JSON Lines: each record on its own line, each line ended by `\n`.
    public static func encode(_ records: some Sequence<ScoredSentence>) -> String {
        var out = ""
        for record in records {
            append(record, to: &out)
            out += "\n"
        }
        return out
    }

    /// Appends one record (without a line end) to `out`; the fast path for writers that stream.
    public static func append(_ record: ScoredSentence, to out: inout String) {
        out += "{\"article\":"
        appendQuoted(record.article, to: &out)
        out += ",\"date\":"
        if let date = record.date {
            out += "\"" + date.description + "\""
        } else {
            out += "null"
        }
        out += ",\"index\":"
        out += String(record.index)
        out += ",\"sentence\":"
        appendQuoted(record.sentence, to: &out)
        out += ",\"label\":"
        appendQuoted(record.label, to: &out)
        out += ",\"probabilities\":{"
        for (i, entry) in record.probabilities.enumerated() {
            if i > 0 { out += "," }
            appendQuoted(entry.label, to: &out)
            out += ":"
            out += number(entry.probability)
        }
        out += "}}"
    }

    /// Records as JSON Lines in UTF-8: the bytes of ``encode(_:)-(Sequence<ScoredSentence>)``, made
    /// by encoding chunks of records on up to `threads` threads and joining them in order.
    public static func encodeUTF8(_ records: [ScoredSentence], threads: Int = Parallel.defaultThreads) -> [UInt8] {
        encodeInChunks(records.count, bytesPerRecord: 300, threads: threads) { i, out, head in
            appendLine(records[i], to: &out, head: &head)
        }
    }

    /// The bytes that `append(i, &out, &head)` writes for every record `i` in `0..<count`, in
    /// order, made in chunks of about 512 records on up to `threads` threads (each chunk with
    /// its own ``RecordHead``) and joined.
    static func encodeInChunks(
        _ count: Int, bytesPerRecord: Int, threads: Int,
        _ append: @Sendable (Int, inout [UInt8], inout RecordHead) -> Void
    ) -> [UInt8] {
        let ranges = Parallel.ranges(count: count, chunks: Parallel.chunkCount(for: count, grain: 512))
        let parts = DisjointWrites<[UInt8]>(repeating: [], count: ranges.count)
        Parallel.forEachBalanced(chunks: ranges.count, threads: threads) { c in
            var out: [UInt8] = []
            out.reserveCapacity(ranges[c].count * bytesPerRecord)
            var head = RecordHead()
            for i in ranges[c] { append(i, &out, &head) }
            parts[c] = out
        }
        if ranges.count == 1 { return parts[0] }
        var out: [UInt8] = []
        out.reserveCapacity(parts.array.reduce(0) { $0 + $1.count })
        for part in parts.array { out += part }
        return out
    }

    /// Appends one record and its line end, as UTF-8, to `out`: the bytes of ``append(_:to:)`` and `\n`.
    public static func appendLine(_ record: ScoredSentence, to out: inout [UInt8]) {
        var head = RecordHead()
        appendLine(record, to: &out, head: &head)
    }

    /// The encoded start of a record, `{"article":…,"date":…,"index":`, kept for the next record
    /// of the same article.
    struct RecordHead {
        var article: String?
        var date: Day?
        var bytes: [UInt8] = []
    }

    /// Whether `a` and `b` hold the same UTF-8 bytes.
    static func sameUTF8(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    static func appendLine(_ record: ScoredSentence, to out: inout [UInt8], head: inout RecordHead) {
        // Bytes, not String ==, which would call canonically equivalent names equal.
        if head.date != record.date || !(head.article.map { sameUTF8($0, record.article) } ?? false) {
            head.article = record.article
            head.date = record.date
            head.bytes.removeAll(keepingCapacity: true)
            head.bytes.append(contentsOf: "{\"article\":".utf8)
            JSONText.append(record.article, to: &head.bytes)
            head.bytes.append(contentsOf: ",\"date\":".utf8)
            if let date = record.date {
                head.bytes.append(0x22)
                head.bytes.append(contentsOf: date.description.utf8)
                head.bytes.append(0x22)
            } else {
                head.bytes.append(contentsOf: "null".utf8)
            }
            head.bytes.append(contentsOf: ",\"index\":".utf8)
        }
        out.append(contentsOf: head.bytes)
        out.append(contentsOf: String(record.index).utf8)
        out.append(contentsOf: ",\"sentence\":".utf8)
        JSONText.append(record.sentence, to: &out)
        out.append(contentsOf: ",\"label\":".utf8)
        JSONText.append(record.label, to: &out)
        out.append(contentsOf: ",\"probabilities\":{".utf8)
        for (i, entry) in record.probabilities.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            JSONText.append(entry.label, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(contentsOf: number(entry.probability).utf8)
        }
        out.append(contentsOf: "}}\n".utf8)
    }

    /// `value` as a JSON number in its shortest exact form, or `null` when it is not finite.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        if value == value.rounded(.towardZero), abs(value) < 1e15 {
            // Integral values: "1.0" reads as JSON too, but "1" is the usual form; -0 stays "-0.0".
            return value == 0 && value.sign == .minus ? "-0.0" : String(Int64(value))
        }
        return value.description  // Swift prints the shortest digits that round-trip.
    }

    /// `text` as a quoted JSON string (see ``JSONText/append(_:to:)``).
    static func quoted(_ text: String) -> String { JSONText.string(text) }

    static func appendQuoted(_ text: String, to out: inout String) { JSONText.append(text, to: &out) }

    // MARK: Decoding

    /// Reads every record of a JSON Lines stream given as text.
    ///
    /// - Parameter file: the name used in errors (a path, or `-` for standard input).
    public static func decode(_ text: String, file: String? = nil) throws -> [ScoredSentence] {
        try decode(Array(text.utf8), file: file)
    }

    /// Reads every record of a JSON Lines stream given as UTF-8 bytes.
    ///
    /// - Parameter file: the name used in errors (a path, or `-` for standard input).
    /// - Throws: `TensionError(.input)` with the line (and column) of the first bad line.
    public static func decode(_ bytes: [UInt8], file: String? = nil) throws -> [ScoredSentence] {
        var records: [ScoredSentence] = []
        try bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            // A byte-order mark is not part of the first record.
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { start = 3 }
            var lineNumber = 0
            while start < buffer.count {
                lineNumber += 1
                var end = start
                while end < buffer.count, buffer[end] != 0x0A { end += 1 }
                var lineEnd = end
                if lineEnd > start, buffer[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                let line = UnsafeBufferPointer(rebasing: buffer[start..<lineEnd])
                if line.contains(where: { !JSONLineParser.isWhitespace($0) }) {
                    records.append(try decodeLine(line, file: file, line: lineNumber))
                }
                start = end + 1
            }
        }
        return records
    }

    /// Decodes one line (without its line end) into a record.
    private static func decodeLine(
        _ bytes: UnsafeBufferPointer<UInt8>, file: String?, line: Int
    ) throws -> ScoredSentence {
        func fail(_ message: String, column: Int? = nil) -> TensionError {
            TensionError(
                .input, message, file: file, line: line, column: column,
                hint: "each line must be one JSON object as written by `tension score --format jsonl`")
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            throw fail("line is not valid UTF-8")
        }
        var parser = JSONLineParser(bytes: bytes)
        let value: JSONLineParser.Value
        do {
            value = try parser.parseLine()
        } catch let error as JSONLineParser.SyntaxError {
            throw fail("not JSON: \(error.message)", column: parser.column(ofByte: error.offset))
        }
        guard case .object(let members) = value else {
            throw fail("expected a JSON object, found \(value.kind)")
        }
        var fields: [String: JSONLineParser.Value] = [:]
        for (key, value) in members {
            guard fields[key] == nil else { throw fail("key \"\(key)\" appears twice") }
            fields[key] = value
        }
        func field(_ key: String) throws -> JSONLineParser.Value {
            guard let value = fields[key] else { throw fail("missing key \"\(key)\"") }
            return value
        }
        func string(_ key: String) throws -> String {
            let value = try field(key)
            guard case .string(let s) = value else {
                throw fail("\"\(key)\" must be a string, found \(value.kind)")
            }
            return s
        }

        let article = try string("article")
        let date: Day?
        switch try field("date") {
        case .null:
            date = nil
        case .string(let text):
            guard let day = Day(iso: text) else {
                throw fail("\"date\" is not a date that exists in the form YYYY-MM-DD: \"\(text)\"")
            }
            date = day
        case let other:
            throw fail("\"date\" must be a string \"YYYY-MM-DD\" or null, found \(other.kind)")
        }
        let index: Int
        switch try field("index") {
        case .number(let text):
            guard let n = Int(text), n >= 0 else {
                throw fail("\"index\" must be a whole number 0 or more, found \(text)")
            }
            index = n
        case let other:
            throw fail("\"index\" must be a number, found \(other.kind)")
        }
        let sentence = try string("sentence")
        let label = try string("label")
        var probabilities: [(label: String, probability: Double)] = []
        switch try field("probabilities") {
        case .object(let entries):
            guard !entries.isEmpty else { throw fail("\"probabilities\" is empty") }
            var seen = Set<String>()
            for (name, value) in entries {
                guard seen.insert(name).inserted else {
                    throw fail("label \"\(name)\" appears twice in \"probabilities\"")
                }
                guard case .number(let text) = value, let p = Double(text), p.isFinite else {
                    throw fail("probability of \"\(name)\" must be a number, found \(value.kind)")
                }
                probabilities.append((name, p))
            }
        case let other:
            throw fail("\"probabilities\" must be an object of label: number, found \(other.kind)")
        }
        guard probabilities.contains(where: { $0.label == label }) else {
            throw fail("label \"\(label)\" is not among the probabilities' labels")
        }
        return ScoredSentence(
            article: article, date: date, index: index, sentence: sentence, label: label,
            probabilities: probabilities)
    }
}

/// A small JSON parser for one line of JSON Lines, over UTF-8 bytes.
///
/// Private to the codec: it keeps object members in order (so that label order survives) and
/// keeps numbers as their text (so that integers and doubles are converted once, exactly).
private struct JSONLineParser {
    /// A parsed JSON value.
    enum Value {
        case null
        case bool(Bool)
        case number(String)
        case string(String)
        case array([Value])
        case object([(String, Value)])

        /// The JSON type name, for error messages.
        var kind: String {
            switch self {
            case .null: "null"
            case .bool: "a boolean"
            case .number: "a number"
            case .string: "a string"
            case .array: "an array"
            case .object: "an object"
            }
        }
    }

    /// A syntax error at a byte offset of the line.
    struct SyntaxError: Error {
        var message: String
        var offset: Int
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var depth = 0

    init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }

    /// The 1-based column in characters of a byte offset (counting UTF-8 lead bytes).
    func column(ofByte offset: Int) -> Int {
        var column = 1
        for i in 0..<min(offset, bytes.count) where bytes[i] & 0xC0 != 0x80 { column += 1 }
        return column
    }

    mutating func parseLine() throws -> Value {
        skipWhitespace()
        let value = try parseValue()
        skipWhitespace()
        guard position == bytes.count else {
            throw SyntaxError(message: "unexpected text after the value", offset: position)
        }
        return value
    }

    private mutating func skipWhitespace() {
        while position < bytes.count, Self.isWhitespace(bytes[position]) { position += 1 }
    }

    private func error(_ message: String) -> SyntaxError {
        SyntaxError(message: message, offset: position)
    }

    private mutating func parseValue() throws -> Value {
        guard position < bytes.count else { throw error("unexpected end of line") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try parseNumber())
        default: throw error("unexpected character")
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let n = word.utf8CodeUnitCount
        guard position + n <= bytes.count else { throw error("unexpected end of line") }
        for i in 0..<n where bytes[position + i] != word.utf8Start[i] {
            throw error("unexpected character")
        }
        position += n
    }

    private mutating func nest() throws {
        depth += 1
        guard depth <= 64 else { throw error("nested too deeply") }
    }

    private mutating func parseObject() throws -> Value {
        try nest()
        defer { depth -= 1 }
        position += 1
        var members: [(String, Value)] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("expected a key in quotes")
            }
            let key = try parseString()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw error("expected ':' after a key")
            }
            position += 1
            skipWhitespace()
            members.append((key, try parseValue()))
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of line in an object") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .object(members) }
            throw error("expected ',' or '}'")
        }
    }

    private mutating func parseArray() throws -> Value {
        try nest()
        defer { depth -= 1 }
        position += 1
        var items: [Value] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else { throw error("unexpected end of line in an array") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            throw error("expected ',' or ']'")
        }
    }

    private mutating func parseNumber() throws -> String {
        let start = position
        func digits() -> Int {
            let s = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
                position += 1
            }
            return position - s
        }
        if bytes[position] == UInt8(ascii: "-") { position += 1 }
        let intStart = position
        let intDigits = digits()
        guard intDigits > 0 else { throw error("expected digits") }
        if intDigits > 1, bytes[intStart] == UInt8(ascii: "0") {
            throw SyntaxError(message: "leading zero in a number", offset: intStart)
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("expected digits after '.'") }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw error("expected digits in the exponent") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
    }

    private mutating func parseString() throws -> String {
        position += 1  // the opening quote
        var result = [UInt8]()
        var runStart = position
        while true {
            guard position < bytes.count else { throw error("unterminated string") }
            let b = bytes[position]
            if b == UInt8(ascii: "\"") {
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
                position += 1
                return String(decoding: result, as: UTF8.self)
            }
            if b < 0x20 { throw error("control character in a string (must be escaped)") }
            if b != UInt8(ascii: "\\") {
                position += 1
                continue
            }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<position]))
            position += 1
            guard position < bytes.count else { throw error("unterminated escape") }
            let e = bytes[position]
            position += 1
            switch e {
            case UInt8(ascii: "\""): result.append(0x22)
            case UInt8(ascii: "\\"): result.append(0x5C)
            case UInt8(ascii: "/"): result.append(0x2F)
            case UInt8(ascii: "b"): result.append(0x08)
            case UInt8(ascii: "f"): result.append(0x0C)
            case UInt8(ascii: "n"): result.append(0x0A)
            case UInt8(ascii: "r"): result.append(0x0D)
            case UInt8(ascii: "t"): result.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if (0xD800...0xDBFF).contains(scalar) {
                    // A high surrogate must be followed by an escaped low surrogate.
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                          bytes[position + 1] == UInt8(ascii: "u")
                    else { throw error("lone high surrogate in \\u escape") }
                    position += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else {
                        throw error("high surrogate not followed by a low surrogate")
                    }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(scalar) {
                    throw error("lone low surrogate in \\u escape")
                }
                result.append(contentsOf: Array(String(Character(Unicode.Scalar(scalar)!)).utf8))
            default:
                throw error("unknown escape \\\(Character(Unicode.Scalar(e)))")
            }
            runStart = position
        }
    }

    private mutating func hex4() throws -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("short \\u escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[position]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw error("bad hex digit in \\u escape")
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }
}
