// swift-tools-version:6.0
// Benchmarks for tension, kept in their own package so that the library's dependency graph stays
// as it is (as swift-collections keeps its benchmarks apart). Build and run from the repository root:
//   swift build -c release --package-path Benchmarks
//   Benchmarks/.build/release/tension-bench ../shared/bench/agnews/train.csv --rows 121600
import PackageDescription

let package = Package(
    name: "tension-benchmarks",
    dependencies: [
        .package(name: "tension", path: ".."),
    ],
    targets: [
        .executableTarget(
            name: "tension-bench",
            dependencies: [.product(name: "TensionKit", package: "tension")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
