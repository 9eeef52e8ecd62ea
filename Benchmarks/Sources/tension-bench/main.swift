// tension-bench: where training time goes, phase by phase, through TensionKit's public API.
//
// Usage: tension-bench DATA.csv [--rows N] [--ngrams 2] [--c 10] [--max-iter 300] [--tol 1e-4]
//                      [--threads T] [--predict N] [--repeat R]
//
// --rows N cycles the records of DATA.csv to N rows and writes them to a temporary CSV file first,
// so that reading is timed on a real file of that size. --predict N scores N sentences (the
// data's texts, cycled). --repeat R runs the whole breakdown R times and prints each run.

import Foundation
import TensionKit

struct Settings {
    var data = ""
    var rows: Int?
    var ngrams = 2
    var c = 10.0
    var maxIter = 300
    var tol = 1e-4
    var threads = Parallel.defaultThreads
    var predict = 100_000
    var repeats = 1
}

func usage() -> Never {
    FileHandle.standardError.write(Data("""
        usage: tension-bench DATA.csv [--rows N] [--ngrams 2] [--c 10] [--max-iter 300] [--tol 1e-4]
                             [--threads T] [--predict N] [--repeat R]

        """.utf8))
    exit(64)
}

func parse(_ args: [String]) -> Settings {
    var s = Settings()
    var i = 0
    func value() -> String {
        i += 1
        guard i < args.count else { usage() }
        return args[i]
    }
    while i < args.count {
        switch args[i] {
        case "--rows": s.rows = Int(value()) ?? { usage() }()
        case "--ngrams": s.ngrams = Int(value()) ?? { usage() }()
        case "--c": s.c = Double(value()) ?? { usage() }()
        case "--max-iter": s.maxIter = Int(value()) ?? { usage() }()
        case "--tol": s.tol = Double(value()) ?? { usage() }()
        case "--threads": s.threads = Int(value()) ?? { usage() }()
        case "--predict": s.predict = Int(value()) ?? { usage() }()
        case "--repeat": s.repeats = Int(value()) ?? { usage() }()
        case "-h", "--help": usage()
        default:
            if args[i].hasPrefix("-") || !s.data.isEmpty { usage() }
            s.data = args[i]
        }
        i += 1
    }
    if s.data.isEmpty { usage() }
    return s
}

/// Seconds since an arbitrary start, from the monotonic clock.
func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// A field of /proc/self/status in MiB (VmHWM: peak resident set size so far; VmRSS: now).
func statusMB(_ field: String) -> Double {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
    for line in text.split(separator: "\n") where line.hasPrefix(field + ":") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? .nan
        return kb / 1024
    }
    return .nan
}

struct Phase {
    var name: String
    var seconds: Double
    var inTraining: Bool
    var peakMB: Double
    var note: String
}

/// Writes the records of `data` cycled to `rows` rows as a CSV file at `path`.
func writeCycled(_ data: LabeledDataset, rows: Int, to path: String) throws {
    var out = "text,label\n"
    out.reserveCapacity(rows * 256)
    for i in 0..<rows {
        let k = i % data.count
        out += CSVText.field(data.texts[k]) + "," + CSVText.field(data.labels[k]) + "\n"
    }
    try out.write(toFile: path, atomically: false, encoding: .utf8)
}

func f(_ v: Double, _ digits: Int = 3) -> String { String(format: "%.\(digits)f", v) }

func run(_ s: Settings, dataPath: String) throws {
    var phases: [Phase] = []
    func add(_ name: String, _ seconds: Double, training: Bool, _ note: String = "") {
        phases.append(Phase(name: name, seconds: seconds, inTraining: training, peakMB: statusMB("VmHWM"), note: note))
    }

    // 1. Reading.
    var t0 = now()
    let data = try LabeledDataset.load(path: dataPath)
    add("read CSV (LabeledDataset.load)", now() - t0, training: true, "\(data.count) rows")

    // 2. Tokenising alone (a separate pass, for the breakdown; part of vectorising in training).
    let texts = data.texts
    t0 = now()
    let tokenCounts = Parallel.map(count: texts.count, threads: s.threads) { i -> Int in
        var n = 0
        Tokenizer().forEachToken(TextNormalizer.fold(texts[i])) { _ in n += 1 }
        return n
    }
    let tokenise = now() - t0
    add("  tokenise alone (fold + Tokenizer, extra pass)", tokenise, training: false,
        "\(tokenCounts.reduce(0, +)) tokens; included in the vectorise row")

    // 3. Vectorising.
    let options = TrainingOptions(
        tfidf: TfidfOptions(ngramMax: s.ngrams, sublinearTF: true),
        regression: LogisticRegressionOptions(c: s.c, maxIterations: s.maxIter, tolerance: s.tol),
        seed: 1)
    t0 = now()
    let (vectorizer, matrix) = try TfidfVectorizer.fit(texts, options: options.tfidf, threads: s.threads)
    let vectorise = now() - t0
    add("vectorise (TfidfVectorizer.fit)", vectorise, training: true,
        "\(vectorizer.featureCount) n-grams, \(matrix.nonZeroCount) non-zeros")
    add("  counting n-grams + idf + rows (vectorise - tokenise)", max(0, vectorise - tokenise), training: false, "estimate")

    // 4. Fitting.
    let labels = data.labelSet
    let index = Dictionary(uniqueKeysWithValues: labels.enumerated().map { ($1, $0) })
    let targets = data.labels.map { index[$0]! }
    t0 = now()
    let (regression, report) = try LogisticRegression.fit(matrix, targets: targets, labels: labels,
                                                           options: options.regression, threads: s.threads)
    let fit = now() - t0
    add("fit (LogisticRegression.fit, L-BFGS)", fit, training: true,
        "\(report.iterations) iterations, \(report.evaluations) evaluations, \(f(1000 * fit / Double(max(report.evaluations, 1)), 1)) ms each; converged: \(report.converged)")

    // 5. The training-accuracy pass that TextClassifier.train makes.
    t0 = now()
    _ = regression.probabilities(matrix, threads: s.threads)
    add("training-accuracy pass (probabilities)", now() - t0, training: true)

    // 6. Writing.
    let classifier = try TextClassifier(vectorizer: vectorizer, regression: regression, options: options, summary: nil)
    t0 = now()
    let bytes = try ModelFile.encode(classifier)
    add("encode (ModelFile.encode)", now() - t0, training: true, "\(bytes.count / 1024) KiB")
    let modelPath = NSTemporaryDirectory() + "tension-bench-\(getpid()).tensionmodel"
    defer { try? FileManager.default.removeItem(atPath: modelPath) }
    t0 = now()
    guard FileManager.default.createFile(atPath: modelPath, contents: Data(bytes)) else {
        throw TensionError(.io, "cannot write \(modelPath)")
    }
    add("write the file", now() - t0, training: true)

    let trainingSeconds = phases.filter(\.inTraining).map(\.seconds).reduce(0, +)
    let trainingPeak = statusMB("VmHWM")

    // 7. Loading and predicting.
    t0 = now()
    let loaded = try ModelFile.read(path: modelPath)
    add("read model (ModelFile.read)", now() - t0, training: false)
    let sentences = (0..<s.predict).map { texts[$0 % texts.count] }
    t0 = now()
    let m = loaded.vectorizer.transform(sentences, threads: s.threads)
    let transform = now() - t0
    add("  transform \(s.predict) sentences (TfidfVectorizer.transform)", transform, training: false,
        "\(f(Double(s.predict) / transform, 0)) sentences/s; \(m.nonZeroCount) non-zeros")
    t0 = now()
    let predictions = loaded.predict(sentences, threads: s.threads)
    let predict = now() - t0
    add("predict \(s.predict) sentences (TextClassifier.predict)", predict, training: false,
        "\(f(Double(predictions.count) / predict, 0)) sentences/s")

    print("""
        ## tension-bench: \(data.count) rows, --ngrams \(s.ngrams) --c \(s.c), \(s.threads) threads

        | phase | seconds | share of training | peak RSS MiB after | notes |
        |---|---:|---:|---:|---|
        """)
    for p in phases {
        let share = p.inTraining ? f(100 * p.seconds / trainingSeconds, 1) + "%" : ""
        print("| \(p.name) | \(f(p.seconds)) | \(share) | \(f(p.peakMB, 0)) | \(p.note) |")
    }
    print("| **training total** (read + vectorise + fit + accuracy pass + encode + write) | **\(f(trainingSeconds))** | 100% | \(f(trainingPeak, 0)) | |")
    print("")
}

let arguments = Array(CommandLine.arguments.dropFirst())
let settings = parse(arguments)
do {
    if let n = settings.rows {
        // Write the cycled file here, then measure in a fresh process, so that building the file
        // counts in neither the timings nor the peak memory.
        let source = try LabeledDataset.load(path: settings.data)
        let tmp = NSTemporaryDirectory() + "tension-bench-\(getpid())-\(n).csv"
        try writeCycled(source, rows: n, to: tmp)
        defer { try? FileManager.default.removeItem(atPath: tmp) }
        var childArguments: [String] = [tmp]
        var i = 0
        while i < arguments.count {
            if arguments[i] == "--rows" { i += 2; continue }
            if arguments[i] == settings.data { i += 1; continue }
            childArguments.append(arguments[i])
            i += 1
        }
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/proc/self/exe")
        child.arguments = childArguments
        try child.run()
        child.waitUntilExit()
        exit(child.terminationStatus)
    }
    for r in 0..<settings.repeats {
        if settings.repeats > 1 { print("run \(r + 1) of \(settings.repeats)\n") }
        try run(settings, dataPath: settings.data)
    }
} catch {
    FileHandle.standardError.write(Data("tension-bench: \(error)\n".utf8))
    exit(1)
}
