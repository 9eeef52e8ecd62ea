import Foundation
import Testing
@testable import TensionKit

/// Bad training input: the command exits non-zero, names the file and line, and writes nothing.
struct BadTrainingInput: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let words: String
    let line: Int?
    var testDescription: String { name }
}

@Suite(.serialized) struct CommandLineTests {
    static let bad: [BadTrainingInput] = [
        BadTrainingInput(name: "unterminated quote", bytes: Array("text,label\nok,a\n\"open,b\n".utf8), words: "never closed", line: 3),
        BadTrainingInput(name: "missing column", bytes: Array("sentence,label\nhi,a\n".utf8), words: "no column named \"text\"", line: 1),
        BadTrainingInput(name: "invalid UTF-8", bytes: Array("text,label\nok,a\n".utf8) + [0xC3, 0x28] + Array(",b\n".utf8), words: "invalid UTF-8", line: 3),
        BadTrainingInput(name: "ragged row", bytes: Array("text,label\nok,a\nx,y,z\n".utf8), words: "3 fields", line: 3),
        BadTrainingInput(name: "empty file", bytes: [], words: "empty", line: nil),
        BadTrainingInput(name: "header and no rows", bytes: Array("text,label\n".utf8), words: "no records", line: 1),
        BadTrainingInput(name: "single label", bytes: Array("text,label\nalpha beta,a\ngamma delta,a\n".utf8), words: "single label", line: nil),
    ]

    @Test(arguments: bad)
    func badTrainingInputLeavesTheOldModelUntouched(_ c: BadTrainingInput) throws {
        let dir = try TestSupport.temporaryFolder()
        let data = dir.appendingPathComponent("bad.csv")
        try Data(c.bytes).write(to: data)
        let model = dir.appendingPathComponent("model.bin")
        try Data("previous model".utf8).write(to: model)
        let r = try TestSupport.run(["train", data.path, "--output", model.path])
        #expect(r.status != 0)
        #expect(r.err.contains(data.path), "\(r.err)")
        if let line = c.line { #expect(r.err.contains("bad.csv:\(line)"), "\(r.err)") }
        #expect(r.err.contains(c.words), "\(r.err)")
        #expect(!r.err.contains("Fatal error"))
        #expect(try String(contentsOf: model, encoding: .utf8) == "previous model")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["bad.csv", "model.bin"])
    }

    @Test func badTrainingInputWritesNoNewModel() throws {
        let dir = try TestSupport.temporaryFolder()
        let data = dir.appendingPathComponent("bad.csv")
        try Data("text,label\n\"open,a\n".utf8).write(to: data)
        let r = try TestSupport.run(["train", data.path, "--output", dir.appendingPathComponent("new.model").path])
        #expect(r.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["bad.csv"])
    }

    @Test func trainEvalPredictRoundTrip() throws {
        let dir = try TestSupport.temporaryFolder()
        let data = dir.appendingPathComponent("train.csv")
        try TestSupport.csv.write(to: data, atomically: true, encoding: .utf8)
        let model = dir.appendingPathComponent("m.model").path
        let t = try TestSupport.run(["train", data.path, "--output", model, "--threads", "1"])
        #expect(t.status == 0, "\(t.err)")
        #expect(t.err.contains("converged"))
        let e = try TestSupport.run(["eval", data.path, "--model", model, "--format", "json"])
        #expect(e.status == 0, "\(e.err)")
        let json = try JSONSerialization.jsonObject(with: Data(e.out.utf8)) as? [String: Any]
        #expect(json?["accuracy"] as? Double == 1.0)
        #expect((json?["labels"] as? [String])?.sorted() == ["conciliatory", "neutral", "warning"])
        #expect(json?["macro_f1"] != nil && json?["per_class"] != nil && json?["confusion"] != nil)
        let p = try TestSupport.run(["predict", "--model", model, "--format", "jsonl"], input: "Artillery fired shells across the border\nThe leaders agreed to resume talks\n")
        #expect(p.status == 0, "\(p.err)")
        let lines = p.out.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].contains("\"label\": \"warning\""))
        #expect(lines[1].contains("\"label\": \"conciliatory\""))
    }

    @Test func holdoutPrintsAReport() throws {
        let dir = try TestSupport.temporaryFolder()
        let data = dir.appendingPathComponent("train.csv")
        try TestSupport.csv.write(to: data, atomically: true, encoding: .utf8)
        let r = try TestSupport.run(["train", data.path, "--output", dir.appendingPathComponent("m").path, "--holdout", "0.25"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("macro avg"))
        #expect(r.out.contains("confusion matrix"))
    }

    @Test(arguments: [["--c", "-1"], ["--ngrams", "0"], ["--holdout", "1.5"], ["--min-df", "x"]])
    func optionsOutOfRangeAreRefused(_ extra: [String]) throws {
        let dir = try TestSupport.temporaryFolder()
        let data = dir.appendingPathComponent("train.csv")
        try TestSupport.csv.write(to: data, atomically: true, encoding: .utf8)
        let r = try TestSupport.run(["train", data.path, "--output", dir.appendingPathComponent("m").path] + extra)
        #expect(r.status != 0)
        #expect(r.err.contains(extra[0]), "\(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["train.csv"])
    }

    @Test func missingModelIsReported() throws {
        let r = try TestSupport.run(["predict", "--model", "/nonexistent/m.model", "hello there"])
        #expect(r.status != 0)
        #expect(r.err.contains("/nonexistent/m.model"))
    }
}
