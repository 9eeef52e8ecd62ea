import Foundation
import Testing
@testable import TensionKit

/// Replays every saved fuzz input in `Fuzz/corpus/<target>/` through the same calls and
/// invariants as the libFuzzer targets in `Fuzz/Sources/<target>/`, in an ordinary `swift test`
/// run with no sanitizer: each input must give a value or a `TensionError`, never a trap.
///
/// The checks are written twice, here and in the fuzz targets, on purpose: the root package
/// cannot depend on the nested `Fuzz` package (it depends on the root), and the library should
/// not carry fuzz-only entry points. Each check is a few lines; keep the two copies in step.
@Suite struct FuzzCorpusTests {
    static let corpus = TestSupport.packageRoot.appendingPathComponent("Fuzz/corpus")

    /// The files saved for `target`, sorted by name.
    static func inputs(_ target: String) throws -> [(name: String, bytes: [UInt8])] {
        let folder = corpus.appendingPathComponent(target)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
        return try names.map { ($0, [UInt8](try Data(contentsOf: folder.appendingPathComponent($0)))) }
    }

    @Test(arguments: ["fuzz-csv", "fuzz-model", "fuzz-jsonl", "fuzz-sentences", "fuzz-dates"])
    func corpusIsSavedAndSmall(target: String) throws {
        let files = try Self.inputs(target)
        #expect(!files.isEmpty, "Fuzz/corpus/\(target) has no inputs")
        let total = files.reduce(0) { $0 + $1.bytes.count }
        #expect(total < 1_000_000, "Fuzz/corpus/\(target) holds \(total) bytes; minimise it with scripts/fuzz.sh --merge")
    }

    @Test func csvCorpus() throws {
        let reader = CSVReader(fileName: "fuzz.csv")
        for (name, bytes) in try Self.inputs("fuzz-csv") {
            let table: CSVReader.Table
            do {
                table = try reader.parse(bytes)
            } catch let error as TensionError {
                #expect(error.code == .csv, "\(name)")
                #expect(error.file == "fuzz.csv", "\(name)")
                #expect((error.line ?? 1) >= 1 && (error.column ?? 1) >= 1, "\(name)")
                continue
            }
            #expect(table.rows.count == table.lines.count, "\(name)")
            #expect(table.rows.allSatisfy { $0.count == table.header.count }, "\(name)")
            #expect(zip(table.lines, table.lines.dropFirst()).allSatisfy { $0 < $1 }, "\(name)")
            #expect(table.lines.allSatisfy { $0 >= 2 }, "\(name)")
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
            let again = try reader.parse(Array(text))
            #expect(again.header == table.header && again.rows == table.rows, "\(name): re-encoded table reads differently")
        }
    }

    @Test func modelCorpus() throws {
        for (name, input) in try Self.inputs("fuzz-model") {
            var bytes = input
            try checkModel(bytes, name: name)
            if bytes.count >= 8 {
                let sum = ModelFile.fnv1a(bytes[..<(bytes.count - 8)])
                withUnsafeBytes(of: sum.littleEndian) { bytes.replaceSubrange((bytes.count - 8)..., with: $0) }
                try checkModel(bytes, name: name + " (checksum repaired)")
            }
        }
    }

    private func checkModel(_ bytes: [UInt8], name: String) throws {
        let model: TextClassifier
        do {
            model = try ModelFile.decode(bytes, file: "fuzz.model")
        } catch let error as TensionError {
            #expect(error.code == .model, "\(name): \(error)")
            #expect(error.file == "fuzz.model", "\(name)")
            return
        }
        let predictions = model.predict(["the talks resumed after the border clash", "", "a b c d e f"], threads: 1)
        #expect(predictions.allSatisfy { model.labels.contains($0.label) && $0.probabilities.count == model.labels.count }, "\(name)")
        let encoded = try ModelFile.encode(model)
        #expect(try ModelFile.encode(try ModelFile.decode(encoded, file: "again")) == encoded, "\(name): not a fixed point")
        let length = bytes.count >= 20 ? Int(bytes[12..<20].withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }.littleEndian) : -1
        if length >= 0, length <= bytes.count - 20, encoded.count >= 20 + length, bytes[20..<(20 + length)] == encoded[20..<(20 + length)] {
            #expect(encoded == bytes, "\(name): a canonical file re-encodes differently")
        }
    }

    @Test func jsonlCorpus() throws {
        for (name, bytes) in try Self.inputs("fuzz-jsonl") {
            for line in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(8) {
                let text = String(decoding: line, as: UTF8.self)
                if let day = Day(iso: text) {
                    #expect(day.description == text, "\(name)")
                    #expect(Day(ordinal: day.ordinal) == day, "\(name)")
                }
            }
            do {
                let records = try ScoreJSONL.decode(bytes, file: "fuzz.jsonl")
                #expect(try ScoreJSONL.decode(ScoreJSONL.encode(records), file: "again") == records, "\(name)")
            } catch let error as TensionError {
                #expect(error.code == .input, "\(name): \(error)")
                #expect((error.line ?? 1) >= 1 && (error.column ?? 1) >= 1, "\(name)")
            }
        }
    }

    @Test func sentencesCorpus() throws {
        func isSpace(_ s: Unicode.Scalar) -> Bool { s.properties.isWhitespace }
        for (name, bytes) in try Self.inputs("fuzz-sentences") {
            let text = String(decoding: bytes, as: UTF8.self)
            var source = text.unicodeScalars.filter { !isSpace($0) }.makeIterator()
            for sentence in SentenceSplitter.split(text) {
                let scalars = Array(sentence.unicodeScalars)
                try #require(!scalars.isEmpty, "\(name): an empty sentence")
                #expect(!isSpace(scalars.first!) && !isSpace(scalars.last!), "\(name): \(sentence.debugDescription) is not trimmed")
                #expect(!scalars.contains { $0 == "\n" || $0 == "\r" }, "\(name): a line break in \(sentence.debugDescription)")
                #expect(scalars.contains { $0.properties.isAlphabetic || $0.properties.numericType != nil }, "\(name)")
                for s in scalars where !isSpace(s) {
                    var found = false
                    while let t = source.next() { if t == s { found = true; break } }
                    try #require(found, "\(name): \(sentence.debugDescription) is not in the text in order")
                }
            }
        }
    }

    @Test func datesCorpus() throws {
        for (name, bytes) in try Self.inputs("fuzz-dates") {
            let text = String(decoding: bytes, as: UTF8.self)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let fileName: String? = lines.isEmpty || lines[0].isEmpty ? nil : lines.removeFirst()
            if fileName == nil, !lines.isEmpty { lines.removeFirst() }
            let header = Array(lines.prefix(12))
            guard let (day, source) = PublicationDateFinder.find(headerLines: header, fileName: fileName) else { continue }
            switch source {
            case .header: #expect(PublicationDateFinder.find(headerLines: header, fileName: nil).map { $0.0 } == day, "\(name)")
            case .fileName: #expect(PublicationDateFinder.find(headerLines: [String](), fileName: fileName).map { $0.0 } == day, "\(name)")
            default: Issue.record("\(name): find returned source \(source)")
            }
        }
    }
}
