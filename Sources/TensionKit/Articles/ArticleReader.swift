import Dispatch
import Foundation

/// Reads news articles from files, folders, standard input and JSON Lines.
///
/// Each file (or JSON Lines record) becomes an ``Article``: its text is decoded
/// (``ArticleTextDecoder``), repaired (``MojibakeRepair``), cleaned of page furniture
/// (``BoilerplateFilter``), dated (``PublicationDateFinder``, whose comment gives the precedence)
/// and split into sentences (``SentenceSplitter``).
///
/// Nothing that is wrong with one input stops the others: a path that does not exist, a folder or
/// file that cannot be read, a binary or empty file, a JSON Lines line that is not valid JSON or has
/// no `"text"`, and a record `"date"` that is not a real day each give an ``ArticleWarning`` naming
/// the file (and line), and everything else is still read.
///
/// Files are read and processed concurrently; the result is always in the order of `paths`, with
/// the files found in a folder sorted by path, so the same input gives the same output.
public struct ArticleReader: Sendable {
    /// How file contents are read.
    public var format: ArticleInputFormat
    /// The pattern that files found in folders must match (files named directly are always read).
    public var glob: FileGlob
    /// The `--date` option: when set, every article gets this date (``DateSource/override``).
    public var dateOverride: Day?

    /// Creates a reader.
    /// - Parameters:
    ///   - format: `.auto` (default) detects JSON Lines by a first non-blank `{` that parses.
    ///   - glob: file-name pattern for files found in folders; `*.txt` by default.
    ///   - dateOverride: a date that overrides every date found in the articles.
    public init(format: ArticleInputFormat = .auto, glob: String = "*.txt", dateOverride: Day? = nil) {
        self.format = format
        self.glob = FileGlob(glob)
        self.dateOverride = dateOverride
    }

    /// Reads `paths`: files, folders (recursively, files matching ``glob`` sorted by path), or `-`
    /// for standard input, whose bytes `standardInput` supplies (called at most once).
    public func read(paths: [String], standardInput: () -> [UInt8]) throws -> (articles: [Article], warnings: [ArticleWarning]) {
        var jobs: [Job] = []
        var stdinBytes: [UInt8]?
        for path in paths {
            if path == "-" {
                let bytes = stdinBytes ?? standardInput()
                stdinBytes = bytes
                jobs.append(.bytes(name: "-", bytes))
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                jobs.append(.warning(ArticleWarning(path: path, message: "no such file or directory; skipped")))
                continue
            }
            if isDirectory.boolValue {
                jobs += listFolder(path)
            } else {
                jobs.append(.file(path))
            }
        }

        let allJobs = jobs
        let results = DisjointWrites<Outcome?>(repeating: nil, count: allJobs.count)
        DispatchQueue.concurrentPerform(iterations: allJobs.count) { index in
            results[index] = self.run(allJobs[index])
        }

        var articles: [Article] = []
        var warnings: [ArticleWarning] = []
        for outcome in results.array {
            guard let outcome else { continue }
            articles += outcome.articles
            warnings += outcome.warnings
        }
        return (articles, warnings)
    }

    /// Reads one file's (or standard input's) bytes: a text article, or JSON Lines records when
    /// ``format`` says so or `.auto` detects them. Problems with single records are dropped; use
    /// ``parseReportingWarnings(name:bytes:)`` to get them.
    /// - Throws: ``TensionError`` (`.input`) for a binary or empty file.
    public func parse(name: String, bytes: [UInt8]) throws -> [Article] {
        try parseReportingWarnings(name: name, bytes: bytes).articles
    }

    /// Like ``parse(name:bytes:)``, also returning a warning for each JSON Lines record that was
    /// skipped or left undated, and for text that had nothing left once page furniture was removed.
    public func parseReportingWarnings(name: String, bytes: [UInt8]) throws(TensionError) -> (articles: [Article], warnings: [ArticleWarning]) {
        let (text, note) = try ArticleTextDecoder.decode(bytes, name: name)
        var warnings: [ArticleWarning] = note.map { [ArticleWarning(path: name, message: $0)] } ?? []
        let useJSONLines: Bool
        switch format {
        case .jsonl: useJSONLines = true
        case .text: useJSONLines = false
        case .auto: useJSONLines = JSONLinesReader.looksLikeJSONLines(text)
        }
        if useJSONLines {
            let (articles, more) = JSONLinesReader.read(name: name, text: text, dateOverride: dateOverride)
            return (articles, warnings + more)
        }
        let fixed = dateOverride.map { (Optional($0), DateSource.override) }
        let fileName = name == "-" ? nil : name
        guard let article = ArticleBuilder.build(name: name, text: text, fileName: fileName, fixedDate: fixed) else {
            warnings.append(ArticleWarning(path: name, message: "no article text left after removing page furniture; skipped"))
            return ([], warnings)
        }
        return ([article], warnings)
    }

    // MARK: - Work items

    /// One unit of reading, in output order.
    enum Job: Sendable {
        case file(String)
        case bytes(name: String, [UInt8])
        case warning(ArticleWarning)
    }

    /// What one job produced.
    struct Outcome: Sendable {
        var articles: [Article] = []
        var warnings: [ArticleWarning] = []
    }

    func run(_ job: Job) -> Outcome {
        switch job {
        case .warning(let w):
            return Outcome(warnings: [w])
        case .bytes(let name, let bytes):
            return process(name: name, bytes: bytes)
        case .file(let path):
            guard FileManager.default.isReadableFile(atPath: path),
                  let data = FileManager.default.contents(atPath: path)
            else {
                return Outcome(warnings: [ArticleWarning(path: path, message: "cannot read the file (permission denied or I/O error); skipped")])
            }
            return process(name: path, bytes: [UInt8](data))
        }
    }

    func process(name: String, bytes: [UInt8]) -> Outcome {
        do {
            let (articles, warnings) = try parseReportingWarnings(name: name, bytes: bytes)
            return Outcome(articles: articles, warnings: warnings)
        } catch {
            return Outcome(warnings: [ArticleWarning(path: name, message: error.message)])
        }
    }

    /// The files under `folder` that match ``glob``, sorted by path, plus warnings for folders that cannot be read.
    func listFolder(_ folder: String) -> [Job] {
        var files: [String] = []
        var problems: [Job] = []
        var visited = Set<String>()
        func walk(_ directory: String) {
            let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
            guard visited.insert(real).inserted else { return }
            guard FileManager.default.isReadableFile(atPath: directory),
                  let names = try? FileManager.default.contentsOfDirectory(atPath: directory)
            else {
                problems.append(.warning(ArticleWarning(path: directory, message: "cannot read the folder; skipped")))
                return
            }
            for entry in names.sorted() where !entry.hasPrefix(".") {
                let path = directory.hasSuffix("/") ? directory + entry : directory + "/" + entry
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    walk(path)
                } else if glob.matches(entry) {
                    files.append(path)
                }
            }
        }
        walk(folder)
        return problems + files.sorted().map { .file($0) }
    }
}
