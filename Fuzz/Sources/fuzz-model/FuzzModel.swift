import TensionKit

/// libFuzzer entry: any bytes through `ModelFile.decode`, twice: as they are, and with the
/// last 8 bytes replaced by the right FNV-1a checksum, so that mutations reach the header,
/// vocabulary and number checks behind the checksum.
///
/// Invariants (a failure traps): decoding returns a model or throws a `TensionError` with code
/// `.model`; an accepted model predicts without trapping and re-encodes to bytes that decode to
/// the same re-encoding (a fixed point), and to the very input bytes when the input's header
/// JSON is already in canonical form.
/// `Tests/TensionKitTests/FuzzCorpusTests.swift` checks the same on every saved corpus file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzModel(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    var bytes = Array(UnsafeBufferPointer(start: data, count: size))
    check(bytes)
    if bytes.count >= 8 {
        let sum = fnv1a(bytes[..<(bytes.count - 8)])
        for k in 0..<8 { bytes[bytes.count - 8 + k] = UInt8(truncatingIfNeeded: sum >> (8 * UInt64(k))) }
        check(bytes)
    }
    return 0
}

/// FNV-1a 64, as `ModelFile` computes its checksum.
func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var h: UInt64 = 0xCBF2_9CE4_8422_2325
    for b in bytes { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01B3 }
    return h
}

func check(_ bytes: [UInt8]) {
    let model: TextClassifier
    do {
        model = try ModelFile.decode(bytes, file: "fuzz.model")
    } catch let error as TensionError {
        precondition(error.code == .model, "unexpected error code \(error.code): \(error)")
        precondition(error.file == "fuzz.model")
        return
    } catch {
        preconditionFailure("not a TensionError: \(error)")
    }
    let predictions = model.predict(["the talks resumed after the border clash", "", "a b c d e f"], threads: 1)
    precondition(predictions.count == 3)
    precondition(predictions.allSatisfy { model.labels.contains($0.label) && $0.probabilities.count == model.labels.count })
    guard let encoded = try? ModelFile.encode(model) else { preconditionFailure("an accepted model does not encode") }
    guard let again = try? ModelFile.decode(encoded, file: "again") else { preconditionFailure("a re-encoded model is refused") }
    precondition((try? ModelFile.encode(again)) == encoded, "encode ∘ decode is not a fixed point")
    // The input's JSON header is canonical when it equals the re-encoding's header bytes.
    if let length = headerLength(bytes), length == headerLength(encoded),
       bytes[20..<(20 + length)] == encoded[20..<(20 + length)] {
        precondition(encoded == bytes, "an accepted file with a canonical header re-encodes differently")
    }
}

/// The JSON header length stored at bytes 12..<20, when it fits.
func headerLength(_ bytes: [UInt8]) -> Int? {
    guard bytes.count >= 20 else { return nil }
    var n: UInt64 = 0
    for k in 0..<8 { n |= UInt64(bytes[12 + k]) << (8 * UInt64(k)) }
    guard n <= UInt64(bytes.count - 20) else { return nil }
    return Int(n)
}
