import Foundation
import Testing
@testable import TensionKit

/// Every kind of bad input reaches the user as a plain message with a non-zero exit code, and
/// leaves no file written or changed.
@Suite(.serialized) struct BadInputCommandTests {
    /// A model file spoiled in one way, and words its error message must contain.
    struct SpoiledModel: CustomTestStringConvertible, Sendable {
        let name: String
        let spoil: @Sendable ([UInt8]) -> [UInt8]
        let words: String
        var testDescription: String { name }
    }

    static let spoiled: [SpoiledModel] = [
        SpoiledModel(name: "truncated", spoil: { Array($0.prefix($0.count / 2)) }, words: "truncated"),
        SpoiledModel(name: "corrupted", spoil: { var b = $0; b[b.count / 3] ^= 0x55; return b }, words: "checksum"),
        SpoiledModel(name: "another format", spoil: { _ in Array("text,label\nhello,a\n".utf8) }, words: "not a tension model"),
        SpoiledModel(name: "newer format version", spoil: { var b = $0; b[8] = 7; return b }, words: "format version 7"),
        SpoiledModel(name: "empty", spoil: { _ in [] }, words: "not a tension model"),
    ]

    @Test(arguments: spoiled)
    func spoiledModelsAreReported(_ c: SpoiledModel) throws {
        let dir = try TestSupport.temporaryFolder()
        let path = dir.appendingPathComponent("m.tensionmodel")
        let good = try ModelFile.encode(try TestSupport.model())
        let bytes = c.spoil(good)
        try Data(bytes).write(to: path)
        let r = try TestSupport.run(["predict", "--model", path.path, "Troops fired shells"])
        #expect(r.status == 1)
        #expect(r.err.contains(path.path), "\(r.err)")
        #expect(r.err.contains(c.words), "\(r.err)")
        #expect(!r.err.contains("Fatal error"))
        #expect(r.out.isEmpty)
        #expect(try Data(contentsOf: path) == Data(bytes))
    }

    @Test func trainingIntoAMissingFolderWritesNothing() throws {
        let dir = try TestSupport.temporaryFolder()
        let data = dir.appendingPathComponent("train.csv")
        try TestSupport.csv.write(to: data, atomically: true, encoding: .utf8)
        let r = try TestSupport.run(["train", data.path, "--output", dir.path + "/no-such-folder/m.model"])
        #expect(r.status == 1)
        #expect(r.err.contains("no-such-folder"), "\(r.err)")
        #expect(r.err.contains("does not exist"), "\(r.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["train.csv"])
    }

    @Test func missingAndNonTextDataFilesAreNamed() throws {
        let dir = try TestSupport.temporaryFolder()
        let missing = try TestSupport.run(["train", dir.path + "/absent.csv", "--output", dir.path + "/m"])
        #expect(missing.status == 1)
        #expect(missing.err.contains("absent.csv: no such file"), "\(missing.err)")
        let binary = dir.appendingPathComponent("image.csv")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0xFF, 0x10]).write(to: binary)
        let r = try TestSupport.run(["train", binary.path, "--output", dir.path + "/m"])
        #expect(r.status == 1)
        #expect(r.err.contains("image.csv:1:"), "\(r.err)")
        #expect(r.err.contains("invalid UTF-8"), "\(r.err)")
        let folder = try TestSupport.run(["eval", dir.path])
        #expect(folder.status == 1)
        #expect(folder.err.contains("is a folder"), "\(folder.err)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["image.csv"])
    }

    @Test func badArticlesAreSkippedWithAWarningAndTheRestIsScored() throws {
        let dir = try TestSupport.temporaryFolder()
        try Data([0x00, 0x01, 0x02, 0xFF, 0x00, 0x7F]).write(to: dir.appendingPathComponent("binary.txt"))
        try Data().write(to: dir.appendingPathComponent("empty.txt"))
        try "Talks resume\nPublished: 2024-05-02\n\nThe two leaders agreed to resume talks next month.\n"
            .write(to: dir.appendingPathComponent("good.txt"), atomically: true, encoding: .utf8)
        let r = try TestSupport.run(["score", dir.path, "--format", "jsonl", "--model", try Self.modelPath()])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.err.contains("binary.txt"), "\(r.err)")
        #expect(r.err.contains("empty.txt"), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 2)
        let scored = try ScoreJSONL.decode(r.out)
        #expect(!scored.isEmpty)
        #expect(scored.allSatisfy { $0.article.hasSuffix("good.txt") && $0.date?.description == "2024-05-02" })
    }

    @Test func aHugeArticleIsScoredWhole() throws {
        let dir = try TestSupport.temporaryFolder()
        var text = "A long invented report\nPublished: 2024-05-02\n\n"
        var paragraphs = 0
        while text.utf8.count < 3_000_000 {
            paragraphs += 1
            text += "The minister said talks would resume in week \(paragraphs). Troops stayed near border post \(paragraphs), officials said.\n\n"
        }
        let path = dir.appendingPathComponent("huge.txt")
        try text.write(to: path, atomically: true, encoding: .utf8)
        let r = try TestSupport.run(["score", path.path, "--format", "csv", "--model", try Self.modelPath()])
        #expect(r.status == 0, "\(r.err)")
        let rows = r.out.split(separator: "\n")
        #expect(rows.count == 1 + 1 + 2 * paragraphs)  // header, headline, two sentences a paragraph
    }

    @Test(arguments: [
        ["chart", "--scores", "-", "--from", "2024-02-30"], ["chart", "--scores", "-", "--to", "2023-13-01"],
        ["score", "x.txt", "--date", "2023-02-29"], ["chart", "--scores", "-", "--smooth", "-2"],
        ["chart", "--scores", "-", "--from", "2024-03-10", "--to", "2024-03-01"],
    ])
    func impossibleDatesAndRangesAreRefused(_ arguments: [String]) throws {
        let r = try TestSupport.run(arguments, input: "")
        #expect(r.status != 0)
        #expect(!r.err.isEmpty)
        #expect(!r.err.contains("Fatal error"))
    }

    @Test func aBadScoresLineIsNamed() throws {
        let r = try TestSupport.run(["chart", "--scores", "-"], input: "{\"article\": \"a\"}\nnot json\n")
        #expect(r.status == 1)
        #expect(r.err.contains("standard input:1"), "\(r.err)")
    }

    /// A small model written once per run, for commands that need one.
    static func modelPath() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tension-tests-small.tensionmodel").path
        if !FileManager.default.fileExists(atPath: path) {
            try ModelFile.write(try TestSupport.model(), to: path)
        }
        return path
    }
}
