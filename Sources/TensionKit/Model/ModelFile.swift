import Foundation

/// Reads and writes a ``TextClassifier`` as one binary file.
///
/// Layout (all integers and floats little-endian):
///
///     "TENSIONM"                     8 bytes, the magic
///     format version                 UInt32 (this is version 1)
///     header length, header          UInt64, then UTF-8 JSON with sorted keys: labels,
///                                    options, summary, feature count
///     vocabulary                     per n-gram: UInt32 byte length, then UTF-8 bytes
///     idf                            Float64 × features
///     weights                        Float64 × features × labels (feature-major)
///     intercepts                     Float64 × labels
///     checksum                       UInt64, FNV-1a 64 of every byte before it
///
/// Nothing in the file depends on the time or the machine, so the same training gives the
/// same bytes. Loading checks the magic, the version, the checksum, and that every part has
/// the length the header announces.
public enum ModelFile {
    /// The format version this build writes and the highest it reads.
    public static let formatVersion: UInt32 = 1
    static let magic = Array("TENSIONM".utf8)

    private struct Header: Codable {
        var labels: [String]
        var featureCount: Int
        var options: TrainingOptions
        var summary: TrainingSummary?
    }

    /// The bytes of `classifier`'s file.
    public static func encode(_ classifier: TextClassifier) throws -> [UInt8] {
        var out = magic
        append(formatVersion, to: &out)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let header = Header(labels: classifier.labels, featureCount: classifier.vectorizer.featureCount,
                            options: classifier.options, summary: classifier.summary)
        let json = try [UInt8](encoder.encode(header))
        append(UInt64(json.count), to: &out)
        out += json
        for f in classifier.vectorizer.features {
            let b = Array(f.utf8)
            append(UInt32(b.count), to: &out)
            out += b
        }
        for v in classifier.vectorizer.idf { append(v.bitPattern, to: &out) }
        for v in classifier.regression.weights { append(v.bitPattern, to: &out) }
        for v in classifier.regression.intercepts { append(v.bitPattern, to: &out) }
        append(fnv1a(out[...]), to: &out)
        return out
    }

    /// Writes `classifier` to `path` atomically (see ``AtomicFile``).
    public static func write(_ classifier: TextClassifier, to path: String) throws {
        try AtomicFile.write(try encode(classifier), to: path)
    }

    /// Reads the model at `path`.
    public static func read(path: String) throws -> TextClassifier {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else {
            throw TensionError(.io, "no such model file", file: path, hint: "train one with `tension train DATA.csv --output MODEL`")
        }
        guard !isDir.boolValue, let bytes = contents(of: path) else {
            throw TensionError(.io, isDir.boolValue ? "is a folder, not a model file" : "cannot be read (check its permissions)", file: path)
        }
        return try decode(bytes, file: path)
    }

    /// The bytes of the file at `path`, read straight into an array (no `Data` to copy from),
    /// or nil when it cannot be opened or read.
    static func contents(of path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return nil }
        var bytes: [UInt8] = []
        var room = max(Int(info.st_size), 0) + 1  // one more byte, to see the end without another call
        while true {
            let at = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: room))
            var filled = 0
            var failed = false
            bytes.withUnsafeMutableBytes { buffer in
                while filled < room {
                    let n = Foundation.read(fd, buffer.baseAddress! + at + filled, room - filled)
                    if n < 0, errno == EINTR { continue }
                    if n < 0 { failed = true }
                    if n <= 0 { break }
                    filled += n
                }
            }
            bytes.removeLast(room - filled)
            if failed { return nil }
            if filled < room { return bytes }  // the end of the file
            room = 1 << 20  // the file grew while being read: go on
        }
    }

    /// Decodes model bytes; `file` names the source in errors.
    public static func decode(_ bytes: [UInt8], file: String) throws -> TextClassifier {
        func bad(_ message: String, _ hint: String? = nil) -> TensionError {
            TensionError(.model, message, file: file, hint: hint)
        }
        guard bytes.count >= 8, Array(bytes[0..<8]) == magic else {
            throw bad("not a tension model file", "a model file is written by `tension train --output`")
        }
        var reader = ByteReader(bytes: bytes, file: file)
        reader.offset = 8
        let version = try reader.uint32()
        guard version >= 1 else { throw bad("format version \(version) is not a valid version") }
        guard version <= formatVersion else {
            throw bad("the model has format version \(version); this tension reads versions up to \(formatVersion)",
                      "upgrade tension, or retrain the model with this version")
        }
        guard bytes.count >= 8 + 4 + 8 + 8 else { throw bad("the file is truncated") }
        let stored = bytes[(bytes.count - 8)...].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian
        let headerLength = try reader.uint64()
        guard headerLength <= UInt64(bytes.count - reader.offset - 8) else {
            throw bad("the file is truncated (its header announces \(headerLength) bytes)")
        }
        let headerBytes = try reader.bytes(Int(headerLength))
        // The checksum (a serial loop over every byte) is computed on a second thread while this
        // one decodes the rest; a checksum that does not match wins over whatever decoding gave,
        // as when it was checked first.
        let checksum = DisjointWrites<UInt64>(repeating: 0, count: 1)
        let decoded = DisjointWrites<Result<TextClassifier, Error>?>(repeating: nil, count: 1)
        let shared = SharedBytes(bytes: bytes)
        let start = reader.offset
        Parallel.forEach(chunks: 2, threads: Parallel.defaultThreads) { part in
            if part == 0 {
                checksum[0] = fnv1a(shared.bytes[..<(shared.bytes.count - 8)])
            } else {
                var body = ByteReader(bytes: shared.bytes, file: file)
                body.offset = start
                decoded[0] = Result { try decodeBody(&body, headerBytes: headerBytes, file: file) }
            }
        }
        guard stored == checksum[0] else {
            if let expected = expectedLength(bytes, headerBytes: headerBytes, bodyStart: reader.offset), expected > bytes.count {
                throw bad("the file is truncated: it has \(bytes.count) bytes, its header announces \(expected)",
                          "retrain the model or copy it again")
            }
            throw bad("the file is corrupted: its checksum does not match its contents", "retrain the model or copy it again")
        }
        return try decoded[0]!.get()
    }

    /// Decodes what follows the header (whose bytes are `headerBytes`), from `reader.offset`.
    private static func decodeBody(_ reader: inout ByteReader, headerBytes: ArraySlice<UInt8>, file: String) throws -> TextClassifier {
        func bad(_ message: String, _ hint: String? = nil) -> TensionError {
            TensionError(.model, message, file: file, hint: hint)
        }
        let bytes = reader.bytes
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(headerBytes))
        } catch {
            throw bad("the model's header cannot be read: \(error)")
        }
        // Options that training refuses (e.g. n-grams of length 0) would trap at prediction time.
        do {
            try header.options.tfidf.validate()
            try header.options.regression.validate()
        } catch let error as TensionError {
            throw bad("the model's options are impossible: \(error.message)", "retrain the model or copy it again")
        }
        let f = header.featureCount
        let k = header.labels.count
        guard f >= 0, k >= 2, f <= bytes.count else { throw bad("the header's sizes are impossible (\(f) features, \(k) labels)") }
        var features: [String] = []
        features.reserveCapacity(f)
        for _ in 0..<f {
            let n = Int(try reader.uint32())
            let slice = try reader.bytes(n)
            // ASCII (nearly every n-gram) is valid UTF-8: no need for the generic validating init.
            let s: String? = slice.withUnsafeBufferPointer { b in
                Tokenizer.isASCII(b) ? String(decoding: b, as: UTF8.self) : String(validating: b, as: UTF8.self)
            }
            guard let s else { throw bad("an n-gram of the vocabulary is not UTF-8") }
            features.append(s)
        }
        let idf = try reader.doubles(f)
        let weights = try reader.doubles(f * k)
        let intercepts = try reader.doubles(k)
        guard reader.offset == bytes.count - 8 else {
            throw bad("the file has \(bytes.count - 8 - reader.offset) bytes more than its header announces")
        }
        guard idf.allSatisfy(\.isFinite), weights.allSatisfy(\.isFinite), intercepts.allSatisfy(\.isFinite) else {
            throw bad("the model holds numbers that are not finite")
        }
        do {
            let vectorizer = try TfidfVectorizer(options: header.options.tfidf, features: features, idf: idf)
            let regression = try LogisticRegression(labels: header.labels, featureCount: f, weights: weights, intercepts: intercepts)
            return try TextClassifier(vectorizer: vectorizer, regression: regression, options: header.options, summary: header.summary)
        } catch var error as TensionError {
            // These checks know no file name; the error must still say where.
            error.file = error.file ?? file
            throw error
        }
    }

    /// The length a file with this header should have, walking the vocabulary's length prefixes
    /// as far as the bytes go; nil when the header cannot be read. Used only to tell a truncated
    /// file from a corrupted one once the checksum has failed.
    private static func expectedLength(_ bytes: [UInt8], headerBytes: ArraySlice<UInt8>, bodyStart: Int) -> Int? {
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(headerBytes)),
              header.featureCount >= 0, header.labels.count >= 1, header.featureCount < Int.max / 64 else { return nil }
        var offset = bodyStart
        for _ in 0..<header.featureCount {
            guard offset + 4 <= bytes.count else { return Int.max }
            let n = bytes[offset..<(offset + 4)].withUnsafeBytes { Int($0.loadUnaligned(as: UInt32.self).littleEndian) }
            offset += 4 + n
        }
        let k = header.labels.count
        return offset + 8 * (header.featureCount + header.featureCount * k + k) + 8
    }

    /// FNV-1a, 64-bit: h ← (h ⊕ byte) · 1099511628211 from h = 14695981039346656037.
    static func fnv1a(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var h: UInt64 = 0xCBF2_9CE4_8422_2325
            for b in buffer {
                h ^= UInt64(b)
                h = h &* 0x0000_0100_0000_01B3
            }
            return h
        }
    }

    private static func append<T: FixedWidthInteger>(_ v: T, to out: inout [UInt8]) {
        withUnsafeBytes(of: v.littleEndian) { out += $0 }
    }
}

/// The model's bytes, shared read-only by the two threads of ``ModelFile/decode(_:file:)``.
private struct SharedBytes: Sendable { let bytes: [UInt8] }

/// Reads little-endian values from bytes, throwing "truncated" past the end (the last 8 bytes,
/// the checksum, are out of bounds for it).
private struct ByteReader {
    let bytes: [UInt8]
    let file: String
    var offset = 0

    private func truncated() -> TensionError {
        TensionError(.model, "the file is truncated", file: file, hint: "retrain the model or copy it again")
    }

    mutating func bytes(_ n: Int) throws -> ArraySlice<UInt8> {
        guard n >= 0, offset + n <= bytes.count - 8 else { throw truncated() }
        defer { offset += n }
        return bytes[offset..<(offset + n)]
    }

    mutating func uint32() throws -> UInt32 {
        let b = try bytes(4)
        return b.withUnsafeBytes { $0.loadUnaligned(as: UInt32.self) }.littleEndian
    }

    mutating func uint64() throws -> UInt64 {
        let b = try bytes(8)
        return b.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian
    }

    mutating func doubles(_ n: Int) throws -> [Double] {
        guard n >= 0, n <= (bytes.count - 8 - offset) / 8 else { throw truncated() }
        let b = try bytes(n * 8)
        return b.withUnsafeBytes { raw in
            [Double](unsafeUninitializedCapacity: n) { out, count in
                for i in 0..<n {
                    out[i] = Double(bitPattern: raw.loadUnaligned(fromByteOffset: i * 8, as: UInt64.self).littleEndian)
                }
                count = n
            }
        }
    }
}
