// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "depeches",
  products: [
    .executable(name: "depeches", targets: ["depeches"]),
    .library(name: "DepechesKit", targets: ["DepechesKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // The only C++ in the project: a C ABI over Xapian 1.4 that never lets an exception out.
    .target(
      name: "CXapian",
      linkerSettings: [.linkedLibrary("xapian"), .linkedLibrary("z")]
    ),
    // The engine: documents, analysis, indexing, query, snippets, facets.
    .target(
      name: "DepechesKit",
      dependencies: ["CXapian"]
    ),
    // The versioned `--json` documents, shared by the CLI and the HTTP API (one encoder, the
    // same bytes), and the hand-off of `depeches serve` to the server program.
    .target(name: "DepechesFormat", dependencies: ["DepechesKit"]),
    // The command-line tool: thin, it hands every subcommand to DepechesKit.
    .executableTarget(
      name: "depeches",
      dependencies: [
        "DepechesKit", "DepechesFormat",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release builds link a position-dependent executable: its ~75,000 relative relocations
      // (Swift metadata and the statically linked runtime) are then resolved by the linker
      // once, not by the loader at every start, which wrote ~200 pages per run: about 1 ms of
      // a 5 ms search process (docs/benchmarks.md). Shared libraries keep their ASLR.
      linkerSettings: [.unsafeFlags(["-Xlinker", "-no-pie"], .when(configuration: .release))]
    ),
    .testTarget(name: "DepechesKitTests", dependencies: ["DepechesKit"]),
    .testTarget(name: "depechesTests", dependencies: ["DepechesKit", "depeches"]),
  ],
  swiftLanguageModes: [.v5],
  cxxLanguageStandard: .cxx17
)
