import TensionKit

/// libFuzzer entry: any bytes through `ScoreJSONL.decode`, and each line through `Day(iso:)`.
///
/// Invariants (a failure traps): decoding returns records or throws a `TensionError` with code
/// `.input` and a line ≥ 1; accepted records encode to JSON Lines that decode to equal records;
/// a `Day` read from text prints as that same text, and survives a trip through its ordinal.
/// `Tests/TensionKitTests/FuzzCorpusTests.swift` checks the same on every saved corpus file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONL(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(8) {
        let text = String(decoding: line, as: UTF8.self)
        if let day = Day(iso: text) {
            precondition(day.description == text, "\(text) reads as \(day)")
            precondition(Day(ordinal: day.ordinal) == day)
        }
    }
    do {
        let records = try ScoreJSONL.decode(bytes, file: "fuzz.jsonl")
        let again = try ScoreJSONL.decode(ScoreJSONL.encode(records), file: "again")
        precondition(again == records, "records change in a round trip")
    } catch let error as TensionError {
        precondition(error.code == .input, "unexpected error code \(error.code): \(error)")
        if let line = error.line { precondition(line >= 1) }
        if let column = error.column { precondition(column >= 1) }
    } catch {
        preconditionFailure("not a TensionError: \(error)")
    }
    return 0
}
