import TensionKit

/// libFuzzer entry: any bytes, decoded as UTF-8 with repair, through `SentenceSplitter.split`.
///
/// Needs `Sources/TensionKit/Articles/SentenceSplitter.swift` from the articles branch
/// (`SentenceSplitter.split(_ text: String) -> [String]`); `scripts/fuzz.sh` skips this target
/// while that file is absent.
///
/// Invariants (a failure traps), from the splitter's documentation: every sentence is trimmed,
/// holds no line break and at least one letter or digit; and the sentences' characters other than
/// white space appear in the text in the same order (nothing is invented or reordered).
/// `Tests/TensionKitTests/FuzzCorpusTests.swift` checks the same on every saved corpus file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSentences(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let sentences = SentenceSplitter.split(text)
    func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
    var source = text.unicodeScalars.filter { !isSpace($0) }.makeIterator()
    for sentence in sentences {
        let scalars = Array(sentence.unicodeScalars)
        precondition(!scalars.isEmpty, "an empty sentence")
        precondition(!isSpace(scalars.first!) && !isSpace(scalars.last!), "a sentence is not trimmed: \(sentence.debugDescription)")
        precondition(!scalars.contains { $0 == "\n" || $0 == "\r" }, "a line break inside \(sentence.debugDescription)")
        precondition(scalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil },
                     "no letter or digit in \(sentence.debugDescription)")
        for s in scalars where !isSpace(s) {
            var found = false
            while let t = source.next() { if t == s { found = true; break } }
            precondition(found, "\(sentence.debugDescription) is not in the text in order")
        }
    }
    return 0
}
