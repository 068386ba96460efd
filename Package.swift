// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Align",
    products: [
        .library(name: "Align", targets: ["Align"]),
        .executable(name: "aligncli", targets: ["aligncli"]),
    ],
    targets: [
        // Optimized in debug builds too: `swift test` runs the adversarial suite on real sizes (a
        // 50 MB line, a million glossary rows), which unoptimized code takes minutes over. Tests
        // still see internals: debug builds keep -enable-testing.
        .target(name: "Align", path: "Sources/Align", swiftSettings: [.unsafeFlags(["-O"], .when(configuration: .debug))]),
        .executableTarget(name: "aligncli", dependencies: ["Align"], path: "Sources/aligncli"),
        .testTarget(
            name: "AlignTests",
            dependencies: ["Align"],
            path: "Tests/AlignTests",
            // Golden files are read from the source tree (re-recorded in place), not the bundle.
            exclude: ["Snapshots"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
