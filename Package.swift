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
      linkerSettings: [.linkedLibrary("xapian")]
    ),
    // zlib for the stored text: a module map over the system's zlib.h, no C code of ours.
    .systemLibrary(name: "CDepechesZlib"),
    // Linux's atomic exchange of two paths (renameat2), for swapping in a compacted index.
    .target(name: "CDepechesRename"),
    // The engine: documents, analysis, indexing, query, snippets, facets.
    .target(
      name: "DepechesKit",
      dependencies: ["CXapian", "CDepechesZlib", "CDepechesRename"]
    ),
    // The command-line tool: thin, it hands every subcommand to DepechesKit.
    .executableTarget(
      name: "depeches",
      dependencies: [
        "DepechesKit",
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
