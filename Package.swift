// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "tension",
    products: [
        .executable(name: "tension", targets: ["tension"]),
        .library(name: "TensionKit", targets: ["TensionKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        /// OpenBLAS's CBLAS interface, from Debian's libopenblas-dev. Only the numeric core imports it.
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev"])]
        ),
        /// glibc's `malloc_trim`, to hand freed heap pages back to the system between training's phases.
        .systemLibrary(name: "CMalloc"),
        .target(
            name: "TensionKit",
            dependencies: ["COpenBLAS", "CMalloc"]
        ),
        .executableTarget(
            name: "tension",
            dependencies: [
                "TensionKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TensionKitTests",
            dependencies: ["TensionKit"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
