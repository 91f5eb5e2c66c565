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
    // Query benchmarks (`depeches bench`): timings and percentiles around the engine, not in it.
    .target(name: "DepechesBench", dependencies: ["DepechesKit"]),
    // The command-line tool: thin, it hands every subcommand to DepechesKit.
    .executableTarget(
      name: "depeches",
      dependencies: [
        "DepechesKit", "DepechesBench",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      // Release builds link a position-dependent executable: the relative relocations of Swift
      // metadata and the statically linked runtime are then resolved once by the linker, not by
      // the loader at every start (figures in docs/benchmarks.md). Shared libraries keep ASLR.
      linkerSettings: [.unsafeFlags(["-Xlinker", "-no-pie"], .when(configuration: .release))]
    ),
    .testTarget(name: "DepechesKitTests", dependencies: ["DepechesKit"]),
    .testTarget(name: "DepechesBenchTests", dependencies: ["DepechesBench", "DepechesKit"]),
    .testTarget(name: "depechesTests", dependencies: ["DepechesKit", "depeches"]),
  ],
  swiftLanguageModes: [.v5],
  cxxLanguageStandard: .cxx17
)
