/// What `depeches index` was asked to do.
public struct IndexOptions: Sendable {
  /// Files committed per batch by default (each commit is atomic: a crash loses at most one batch).
  public static let defaultBatchSize = 2_000

  /// Files and folders to index.
  public var paths: [String]
  /// The index folder.
  public var indexPath: String
  /// Files per commit.
  public var batchSize: Int
  /// Files larger than this many bytes are skipped.
  public var maxFileSize: Int
  /// Re-index every file, changed or not.
  public var force: Bool
  /// Keep the dispatches of files that have disappeared.
  public var keepMissing: Bool
  /// A synonyms file to add to the built-in one.
  public var synonymsFile: String?
  /// Threads analysing files ahead of the writers, or, for a first large run, parallel parts
  /// (see `WriterLanes.Policy`).
  public var workers: Int
  /// Compact the index after a run that wrote most of it.
  public var compact: Bool
  /// Share of the index a run must have written for it to compact afterwards.
  public static let compactFraction = 0.5
  /// Shard databases to spread dispatches over (nil: keep the index's, or 1 when new).
  public var shards: Int?
  /// A first run into an empty index reading at least this many bytes writes parallel parts
  /// merged at the end (see `ParallelParts`).
  public var parallelMinBytes: Int

  /// Check every database of the index with Xapian's full check before writing into it
  /// (otherwise only after a run that did not end cleanly; see `IndexHealth`).
  public var check = false

  /// Options with the defaults of the command line.
  public init(
    paths: [String], indexPath: String, batchSize: Int = IndexOptions.defaultBatchSize,
    maxFileSize: Int = DocumentReader.defaultMaxFileSize, force: Bool = false,
    keepMissing: Bool = false, synonymsFile: String? = nil, workers: Int = IndexOptions.defaultWorkers,
    shards: Int? = nil, compact: Bool = true, parallelMinBytes: Int = ParallelParts.minBytes
  ) {
    self.compact = compact
    self.parallelMinBytes = parallelMinBytes
    self.shards = shards
    self.paths = paths
    self.indexPath = indexPath
    self.batchSize = batchSize
    self.maxFileSize = maxFileSize
    self.force = force
    self.keepMissing = keepMissing
    self.synonymsFile = synonymsFile
    self.workers = workers
  }

  /// One analysing thread per core.
  public static var defaultWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }
}

/// What happened to one file.
public enum FileOutcome: Equatable, Sendable {
  case added(dispatches: Int)
  case updated(dispatches: Int)
  case unchanged
  case removed
  case skipped(reason: String)
}

/// One file's outcome, reported as indexing goes (for `--verbose` and warnings).
public struct FileReport: Equatable, Sendable {
  /// The file as shown to users.
  public var path: String
  /// What happened to it.
  public var outcome: FileOutcome
  /// What the user should know though it was read (lines left out, repaired encoding…).
  public var warnings: [String] = []
}

/// Where indexing stands, reported a few times a second at most.
public struct IndexProgress: Sendable {
  /// Files examined so far, out of `filesTotal`.
  public var filesDone: Int
  public var filesTotal: Int
  /// Input bytes read so far, out of the bytes of the files to read.
  public var bytesDone: Int
  public var bytesTotal: Int
  /// Dispatches written so far.
  public var dispatches: Int
  /// Seconds since the start.
  public var elapsed: Double
}

/// The outcome of a whole run.
public struct IndexSummary: Sendable {
  public var added = 0
  public var updated = 0
  public var removed = 0
  public var unchanged = 0
  /// Skipped files with their reasons (and entries that are not files: pipes, links, folders
  /// that could not be read).
  public var skipped: [FileReport] = []
  /// Warnings about files that were read (each file's `FileReport.warnings`, counted).
  public var warnings = 0
  /// Dispatches written (added or re-indexed).
  public var dispatches = 0
  /// Files found under the paths.
  public var files = 0
  /// Bytes read (of the files indexed or found unchanged by their content).
  public var bytesRead = 0
  /// Bytes of the files skipped (too large, binary, unreadable...): not counted as read.
  public var skippedBytes = 0
  /// Wall-clock seconds.
  public var seconds = 0.0
  /// True when the run was interrupted (what was done is committed).
  public var interrupted = false
  /// True when the index was compacted after the run.
  public var compacted = false
}

import Foundation
