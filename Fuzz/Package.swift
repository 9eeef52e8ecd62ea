// swift-tools-version:6.0
import Foundation
import PackageDescription

/// libFuzzer targets for TensionKit's readers, one executable per target.
///
/// Kept out of the root package so that `swift build` of the tool never compiles them and
/// never needs `-sanitize=fuzzer`. Build and run them with `scripts/fuzz.sh`; the corpus in
/// `corpus/<target>/` is replayed without a sanitizer by `Tests/TensionKitTests/FuzzCorpusTests.swift`.
///
/// A path dependency's identity is the name of its folder, which is whatever the clone is called
/// (`tension`, `wt-reliability`, …), so it is read off the folder rather than written here.
let root = URL(fileURLWithPath: Context.packageDirectory).deletingLastPathComponent().lastPathComponent
let tensionKit = Target.Dependency.product(name: "TensionKit", package: root)
let fuzzDependencies: [Target.Dependency] = [tensionKit, "CLibFuzzer"]

let package = Package(
    name: "TensionFuzz",
    dependencies: [
        .package(path: ".."),
    ],
    targets: [
        /// The declaration of libFuzzer's `LLVMFuzzerRunDriver`.
        .target(name: "CLibFuzzer"),
        /// `CSVReader.parse`: RFC 4180 reading of arbitrary bytes.
        .executableTarget(name: "fuzz-csv", dependencies: fuzzDependencies),
        /// `ModelFile.decode`, with the checksum repaired so that the fuzzer gets past it.
        .executableTarget(name: "fuzz-model", dependencies: fuzzDependencies),
        /// `ScoreJSONL.decode` and `Day(iso:)`.
        .executableTarget(name: "fuzz-jsonl", dependencies: fuzzDependencies),
        /// `SentenceSplitter.split` (Sources/TensionKit/Articles, from the articles branch).
        .executableTarget(name: "fuzz-sentences", dependencies: fuzzDependencies),
        /// `PublicationDateFinder.find` (Sources/TensionKit/Articles, from the articles branch).
        .executableTarget(name: "fuzz-dates", dependencies: fuzzDependencies),
    ],
    swiftLanguageModes: [.v6]
)
