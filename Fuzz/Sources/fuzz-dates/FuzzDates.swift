import TensionKit

/// libFuzzer entry: the first line of the input is a file name (none when empty), the next
/// lines (at most 12) are header lines, through `PublicationDateFinder.find(headerLines:fileName:)`.
///
/// Needs `Sources/TensionKit/Articles/PublicationDateFinder.swift` from the articles branch
/// (`PublicationDateFinder.find(headerLines: [String], fileName: String?) -> (Day, DateSource)?`);
/// `scripts/fuzz.sh` skips this target while that file is absent.
///
/// Invariants (a failure traps): a date from the header is found again without the file name; a
/// date from the file name is found again without the header lines; nothing is found in nothing.
/// `Tests/TensionKitTests/FuzzCorpusTests.swift` checks the same on every saved corpus file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDates(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let fileName: String? = lines.isEmpty || lines[0].isEmpty ? nil : lines.removeFirst()
    if fileName == nil, !lines.isEmpty { lines.removeFirst() }
    let header = Array(lines.prefix(12))
    precondition(PublicationDateFinder.find(headerLines: [String](), fileName: nil) == nil)
    guard let (day, source) = PublicationDateFinder.find(headerLines: header, fileName: fileName) else { return 0 }
    precondition(Day(year: day.year, month: day.month, day: day.day) == day, "\(day) does not exist")
    switch source {
    case .header:
        precondition(PublicationDateFinder.find(headerLines: header, fileName: nil).map { $0.0 } == day)
    case .fileName:
        precondition(PublicationDateFinder.find(headerLines: [String](), fileName: fileName).map { $0.0 } == day)
    default:
        preconditionFailure("find returned source \(source)")
    }
    return 0
}
