// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Align",
    products: [
        .library(name: "Align", targets: ["Align"]),
        .executable(name: "aligncli", targets: ["aligncli"]),
    ],
    targets: [
        .target(name: "Align", path: "Sources/Align"),
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
