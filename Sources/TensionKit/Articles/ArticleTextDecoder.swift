/// Turns a file's bytes into text, refusing binary and empty files.
///
/// - Valid UTF-8 (with or without a byte-order mark) is used as it is.
/// - A file with a NUL byte, or in which more than 1 byte in 10 is a control character or part of
///   an invalid UTF-8 sequence, is binary and refused.
/// - Any other invalid UTF-8 is a legacy 8-bit file: it is read as Windows-1252 and then passed
///   through ``MojibakeRepair``, which restores any UTF-8 sequences mixed into it; a note says so.
/// - A file that holds only white space is empty and refused.
enum ArticleTextDecoder {
    /// The decoded text and, when the file was not valid UTF-8, a note to report.
    static func decode(_ bytes: [UInt8], name: String) throws(TensionError) -> (text: String, note: String?) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        let (hasNUL, controls) = body.withUnsafeBufferPointer { buffer in
            var controls = 0
            var nul = false
            for b in buffer where b < 0x20 {
                if b == 0 { nul = true }
                if b != 0x09 && b != 0x0A && b != 0x0D && b != 0x0C { controls += 1 }
            }
            return (nul, controls)
        }
        if hasNUL {
            throw TensionError(.input, "binary file (contains NUL bytes); skipped", file: name)
        }
        if let text = String(validating: body, as: UTF8.self) {
            guard controls * 10 <= body.count else {
                throw TensionError(.input, "binary file (mostly control characters); skipped", file: name)
            }
            guard text.unicodeScalars.contains(where: { !SentenceSplitter.isSpace($0) }) else {
                throw TensionError(.input, "empty file; skipped", file: name)
            }
            return (text, nil)
        }
        var errors = 0
        var iterator = body.makeIterator()
        var decoder = UTF8()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break loop
            case .error: errors += 1
            }
        }
        if (errors + controls) * 10 > body.count {
            throw TensionError(.input, "binary file (mostly invalid UTF-8); skipped", file: name)
        }
        var view = String.UnicodeScalarView()
        view.reserveCapacity(body.count)
        for b in body { view.append(MojibakeRepair.windows1252Scalar(b)) }
        let text = MojibakeRepair.repair(String(view))
        guard text.unicodeScalars.contains(where: { !SentenceSplitter.isSpace($0) }) else {
            throw TensionError(.input, "empty file; skipped", file: name)
        }
        return (text, "not valid UTF-8 (\(errors) bad sequences); read as Windows-1252")
    }
}
