import TensionKit

/// libFuzzer entry: any bytes through `CSVReader.parse`.
///
/// Invariants checked (a failure traps, which libFuzzer reports as a crash):
/// - the reader returns a table or throws a `TensionError` with code `.csv`, a line ≥ 1 and a column ≥ 1;
/// - every record has as many fields as the header, and one start line per record, increasing;
/// - writing the table back with every field quoted and reading it again gives the same table.
/// `Tests/TensionKitTests/FuzzCorpusTests.swift` checks the same on every saved corpus file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let reader = CSVReader(fileName: "fuzz.csv")
    let table: CSVReader.Table
    do {
        table = try reader.parse(bytes)
    } catch let error as TensionError {
        precondition(error.code == .csv, "unexpected error code \(error.code)")
        precondition(error.file == "fuzz.csv")
        if let line = error.line { precondition(line >= 1) }
        if let column = error.column { precondition(column >= 1) }
        return 0
    } catch {
        preconditionFailure("not a TensionError: \(error)")
    }
    precondition(table.rows.count == table.lines.count)
    precondition(table.rows.allSatisfy { $0.count == table.header.count })
    precondition(zip(table.lines, table.lines.dropFirst()).allSatisfy { $0 < $1 })
    precondition(table.lines.allSatisfy { $0 >= 2 })
    // Quoting works on bytes: a quote followed by a combining mark is one Character in Swift.
    func quoted(_ record: [String]) -> [UInt8] {
        var out: [UInt8] = []
        for (k, field) in record.enumerated() {
            if k > 0 { out.append(0x2C) }
            out.append(0x22)
            for b in field.utf8 {
                if b == 0x22 { out.append(0x22) }
                out.append(b)
            }
            out.append(0x22)
        }
        return out
    }
    let text = ([table.header] + table.rows).map(quoted).joined(separator: [0x0D, 0x0A])
    guard let again = try? reader.parse(Array(text)) else { preconditionFailure("re-encoded table was refused") }
    precondition(again.header == table.header && again.rows == table.rows, "re-encoded table reads differently")
    return 0
}
