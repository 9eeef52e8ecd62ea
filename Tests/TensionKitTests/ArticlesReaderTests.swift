import Foundation
import Testing
@testable import TensionKit

@Suite struct ArticlesReaderTests {
    /// A fresh temporary folder for one test.
    func makeFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tension-articles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func write(_ text: String, _ folder: URL, _ name: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func foldersAreReadRecursivelyInPathOrderWithTheGlob() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("Second story.\n", folder, "b/2021-01-02.txt")
        try write("First story.\n", folder, "a.txt")
        try write("Third story.\n", folder, "b/c/z.txt")
        try write("Not an article.\n", folder, "notes.md")
        try write("Hidden.\n", folder, ".hidden.txt")
        let (articles, warnings) = try ArticleReader().read(paths: [folder.path], standardInput: { [] })
        #expect(warnings.isEmpty)
        #expect(articles.map { $0.sentences } == [["First story."], ["Second story."], ["Third story."]])
        #expect(articles[1].date?.description == "2021-01-02")
        #expect(articles[1].dateSource == .fileName)
        let markdown = try ArticleReader(glob: "*.md").read(paths: [folder.path], standardInput: { [] })
        #expect(markdown.articles.map(\.sentences) == [["Not an article."]])
        let both = try ArticleReader(glob: "*.{txt,md}").read(paths: [folder.path], standardInput: { [] })
        #expect(both.articles.count == 4)
    }

    @Test func badInputIsSkippedWithOneLineWarningsAndTheRestIsRead() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try write("A good story.\n", folder, "good.txt")
        try write("", folder, "empty.txt")
        try write("  \n\n ", folder, "blank.txt")
        try Data([0x89, 0x50, 0x4E, 0x47, 0x00, 0x01, 0xFF, 0xFE]).write(to: folder.appendingPathComponent("image.txt"))
        try Data((0..<400).map { UInt8(0x80 + $0 % 64) }).write(to: folder.appendingPathComponent("noise.txt"))
        let missing = folder.appendingPathComponent("missing.txt").path
        let (articles, warnings) = try ArticleReader().read(paths: [folder.path, missing], standardInput: { [] })
        #expect(articles.map(\.sentences) == [["A good story."]])
        let described = warnings.map(\.description)
        #expect(warnings.count == 5, "\(described)")
        for name in ["empty.txt", "blank.txt", "image.txt", "noise.txt", "missing.txt"] {
            #expect(described.contains { $0.contains(name) }, "no warning names \(name)")
        }
        #expect(described.allSatisfy { !$0.contains("\n") })
    }

    @Test(.enabled(if: getuid() != 0, "permissions do not stop the root user from reading"))
    func unreadableFilesAndFoldersAreWarnings() throws {
        let folder = try makeFolder()
        defer {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent("locked").path)
            try? FileManager.default.removeItem(at: folder)
        }
        try write("Readable.\n", folder, "ok.txt")
        try write("Secret.\n", folder, "secret.txt")
        try write("Inside.\n", folder, "locked/inside.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.appendingPathComponent("secret.txt").path)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: folder.appendingPathComponent("locked").path)
        let (articles, warnings) = try ArticleReader().read(paths: [folder.path], standardInput: { [] })
        #expect(articles.map(\.sentences) == [["Readable."]])
        #expect(warnings.count == 2)
    }

    @Test func standardInputIsReadOnceAndNamedDash() throws {
        var calls = 0
        let (articles, _) = try ArticleReader().read(paths: ["-"], standardInput: {
            calls += 1
            return Array("Headline from a pipe\nThe story.\n".utf8)
        })
        #expect(calls == 1)
        #expect(articles.first?.name == "-")
        #expect(articles.first?.headline == "Headline from a pipe")
        #expect(articles.first?.dateSource == DateSource.none)
    }

    @Test func jsonLinesAreDetectedAndBadLinesWarnWithTheirNumber() throws {
        let lines = [
            #"{"id": "a1", "date": "2024-06-17", "text": "Talks resumed. Both sides attended."}"#,
            "",
            #"{"id": 7, "text": "Published: 3 May 2021\nAn undated record with a header."}"#,
            #"{"id": "bad-date", "date": "2024-02-30", "text": "The date is wrong."}"#,
            #"{"id": "no-text", "date": "2024-06-17"}"#,
            #"not json at all"#,
            #"{"text": "No id here."}"#,
        ]
        let bytes = Array(lines.joined(separator: "\n").utf8)
        let (articles, warnings) = try ArticleReader().parseReportingWarnings(name: "feed.jsonl", bytes: bytes)
        #expect(articles.map(\.name) == ["a1", "7", "bad-date", "feed.jsonl:7"])
        #expect(articles[0].date?.description == "2024-06-17")
        #expect(articles[0].dateSource == .record)
        #expect(articles[0].sentences == ["Talks resumed.", "Both sides attended."])
        #expect(articles[1].date?.description == "2021-05-03")
        #expect(articles[1].dateSource == .header)
        #expect(articles[2].date == nil)
        #expect(articles[2].dateSource == DateSource.none)
        #expect(warnings.map(\.line) == [4, 5, 6])
        #expect(warnings.allSatisfy { $0.description.hasPrefix("feed.jsonl:") })
    }

    @Test func formatChoiceOverridesDetection() throws {
        let text = #"{"text": "Looks like JSON."}"#
        let asText = try ArticleReader(format: .text).parse(name: "x.txt", bytes: Array(text.utf8))
        #expect(asText.first?.sentences == [text])
        let forced = try ArticleReader(format: .jsonl).parseReportingWarnings(name: "x", bytes: Array("A plain line.\n".utf8))
        #expect(forced.articles.isEmpty)
        #expect(forced.warnings.first?.line == 1)
        let braces = try ArticleReader().parse(name: "y.txt", bytes: Array("{curly} start of a story.\n".utf8))
        #expect(braces.first?.sentences == ["{curly} start of a story."])
    }

    @Test func resultsDoNotDependOnConcurrency() throws {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for k in 0..<40 { try write("Story number \(k). It ends here.\n", folder, String(format: "s%03d.txt", k)) }
        let reader = ArticleReader()
        let first = try reader.read(paths: [folder.path], standardInput: { [] }).articles.map(\.name)
        let second = try reader.read(paths: [folder.path], standardInput: { [] }).articles.map(\.name)
        #expect(first == second)
        #expect(first == first.sorted())
        #expect(first.count == 40)
    }

    @Test func globPatterns() {
        #expect(FileGlob("*.txt").matches("a.txt"))
        #expect(!FileGlob("*.txt").matches("a.txt.bak"))
        #expect(!FileGlob("*.txt").matches(".a.txt"))
        #expect(FileGlob("toi-0000?.txt").matches("toi-00001.txt"))
        #expect(FileGlob("[st]*.txt").matches("toi.txt"))
        #expect(!FileGlob("[!st]*.txt").matches("toi.txt"))
        #expect(FileGlob("*.{md,txt}").matches("x.md"))
    }
}
