// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "depeches",
  products: [
    .executable(name: "depeches", targets: ["depeches"]),
    .executable(name: "depeches-server", targets: ["depeches-server"]),
    .library(name: "DepechesKit", targets: ["DepechesKit"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
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
    // glibc's malloc_trim, to hand freed heap back after the writer lanes: a module map only.
    .systemLibrary(name: "CDepechesMalloc"),
    // The engine: documents, analysis, indexing, query, snippets, facets.
    .target(
      name: "DepechesKit",
      dependencies: ["CXapian", "CDepechesZlib", "CDepechesRename", "CDepechesMalloc"]
    ),
    // Query benchmarks (`depeches bench`): timings and percentiles around the engine, not in it.
    .target(name: "DepechesBench", dependencies: ["DepechesKit"]),
    // The versioned `--json` documents, shared by the CLI and the HTTP API (one encoder, the
    // same bytes), and the hand-off of `depeches serve` to the server program.
    .target(name: "DepechesFormat", dependencies: ["DepechesKit"]),
    // The search page and HTTP API on Hummingbird; a library so its routes are tested in-process.
    .target(
      name: "DepechesServer",
      dependencies: [
        "DepechesKit", "DepechesFormat",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
    // The server's own program, which `depeches serve` execs: apart from the CLI, so that
    // `depeches` does not link SwiftNIO and its start-up stays as short as it is.
    .executableTarget(name: "depeches-server", dependencies: ["DepechesServer"]),
    // The command-line tool: thin, it hands every subcommand to DepechesKit.
    .executableTarget(
      name: "depeches",
      dependencies: [
        "DepechesKit", "DepechesBench", "DepechesFormat",
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
    .testTarget(
      name: "DepechesServerTests",
      dependencies: [
        "DepechesServer", "DepechesFormat", "DepechesKit", "depeches", "depeches-server",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdTesting", package: "hummingbird"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
      ]
    ),
  ],
  swiftLanguageModes: [.v6],
  cxxLanguageStandard: .cxx17
)
