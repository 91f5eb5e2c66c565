import ArgumentParser
import DepechesKit
import Foundation

/// `depeches index`: reads folders of dispatches into the index, incrementally.
struct IndexCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "index",
    abstract: "Index the dispatches under files and folders (recursively).",
    discussion: """
      Re-running on the same folders only reads what changed: new files are added, changed ones \
      re-indexed, and the dispatches of files that disappeared are removed (see --keep-missing). \
      Writes are committed in batches; an interrupted run (Ctrl-C, or even a crash) leaves the \
      index at its last commit, and the next run completes the work. A first large run into a \
      new index writes temporary parts beside it (INDEX.depeches-parts) and merges them at the end.
      """)

  @Argument(help: "Files and folders to index.")
  var paths: [String] = ["seeds"]

  @Option(name: .customLong("index"), help: "Index folder to create or update.")
  var indexPath = "Index"

  @Option(name: .customLong("batch"), help: "Files per atomic commit.")
  var batchSize = IndexOptions.defaultBatchSize

  @Option(help: "Skip files larger than this many bytes.")
  var maxFileSize = DocumentReader.defaultMaxFileSize

  @Option(help: "A synonyms file (one comma-separated group of name variants per line) used with the built-in one.")
  var synonyms: String?

  @Option(help: "Threads that read and analyse files (the writer is one more); a first run of 8 MB or more into a new index writes this many parts in parallel (at most 4), 1 writes directly.")
  var jobs = IndexOptions.defaultWorkers

  @Option(help: "Spread dispatches over this many shard databases (a new index only; later runs keep its count).")
  var shards: Int?

  @Flag(help: "Do not compact the index after a run that rewrote most of it.")
  var noCompact = false

  @Flag(help: "Re-index every file, changed or not.")
  var force = false

  @Flag(help: "Keep the dispatches of files that no longer exist.")
  var keepMissing = false

  @Flag(help: "Check the index with Xapian's full check before writing into it (done anyway after a run that did not end cleanly); a damaged index is refused.")
  var check = false

  @Flag(name: .shortAndLong, help: "Print nothing but errors.")
  var quiet = false

  @Flag(name: .shortAndLong, help: "Print one line per file added, updated, removed or skipped.")
  var verbose = false

  /// Most files per commit: a batch is held in memory until it is committed.
  static let maxBatch = 1_000_000
  /// Largest `--max-file-size`: a file is read whole into memory, and copied while decoded.
  static let maxFileSizeLimit = 1_000_000_000
  /// Most `--jobs`: one thread each; more than any machine's cores only adds switching.
  static let maxJobs = 256

  func validate() throws {
    try checkRange(batchSize, 1...Self.maxBatch, option: "--batch")
    try checkRange(maxFileSize, 1...Self.maxFileSizeLimit, option: "--max-file-size", unit: "bytes")
    if let shards { try checkRange(shards, 1...IndexLayout.maxShards, option: "--shards") }
    try checkRange(jobs, 1...Self.maxJobs, option: "--jobs")
    guard !(quiet && verbose) else { throw ValidationError("--quiet and --verbose cannot be used together") }
    // Paths that do not exist are reported by the indexer (exit 64), after ArgumentParser has
    // had its say: a mistyped option ("--idnex X") must be named as such, not as a path.
  }

  func run() throws {
    try runReportingFailures {
      var options = IndexOptions(
        paths: paths, indexPath: indexPath, batchSize: batchSize, maxFileSize: maxFileSize,
        force: force, keepMissing: keepMissing, synonymsFile: synonyms, workers: jobs, shards: shards, compact: !noCompact)
      options.check = check
      let report = IndexReporter(quiet: quiet, verbose: verbose)
      Interruption.install()
      let summary = try Indexer(options: options).run(
        onFile: report.file, onProgress: report.progress, isCancelled: Interruption.requested)
      report.finish(summary)
      if summary.interrupted { throw DepechesError.interrupted }
    }
  }
}

/// Ctrl-C during indexing: the first one asks the indexer to commit and stop.
enum Interruption {
  nonisolated(unsafe) private static var flag: sig_atomic_t = 0

  static func install() {
    signal(SIGINT) { _ in Interruption.flag = 1 }
    signal(SIGTERM) { _ in Interruption.flag = 1 }
    // A parent may have started us with these signals blocked; we want them.
    var set = sigset_t()
    sigemptyset(&set)
    sigaddset(&set, SIGINT)
    sigaddset(&set, SIGTERM)
    sigprocmask(SIG_UNBLOCK, &set, nil)
  }

  static func requested() -> Bool { flag != 0 }
}
