import Foundation

/// Indexes folders of dispatches into a Xapian database, incrementally and in atomic batches.
///
/// The work is a two-stage pipeline: worker threads read and analyse the next chunk of files
/// while this thread writes the previous one, so both cores are busy. Each file's documents and
/// its state (size, time, hash) are written in the same commit.
public final class Indexer {
  private let options: IndexOptions
  private let clock = ContinuousClock()

  /// An indexer for these options; nothing is opened until `run`.
  public init(options: IndexOptions) { self.options = options }

  /// Runs the indexing. `onFile` sees every file that was not unchanged, `onProgress` is
  /// called after each file, and `isCancelled` is polled between files: when it says true,
  /// the work done so far is committed and the summary says `interrupted`.
  public func run(
    onFile: (FileReport) -> Void = { _ in }, onProgress: (IndexProgress) -> Void = { _ in },
    isCancelled: () -> Bool = { false }
  ) throws -> IndexSummary {
    let start = clock.now
    var (summary, layout, documents) = try indexFiles(onFile: onFile, onProgress: onProgress, isCancelled: isCancelled, start: start)
    // A fresh glass database is about twice the size of a compacted one; compaction is cheap
    // next to a large run, so do it when this run wrote most of the index.
    if options.compact, !summary.interrupted, summary.dispatches > 0,
      Double(summary.dispatches) >= IndexOptions.compactFraction * Double(documents)
    {
      // Best effort: the index is complete either way (another writer may hold the lock now).
      summary.compacted = layout.shardPaths.allSatisfy { (try? Compactor.compact(indexPath: $0)) != nil }
    }
    summary.seconds = seconds(since: start)
    return summary
  }

  /// Reads, analyses and writes; the databases are closed (unlocked) on return.
  private func indexFiles(
    onFile: (FileReport) -> Void, onProgress: (IndexProgress) -> Void, isCancelled: () -> Bool,
    start: ContinuousClock.Instant
  ) throws -> (IndexSummary, IndexLayout, Int) {
    let files = try FileWalker.files(under: options.paths)
    let synonyms = try loadSynonyms()
    let layout = try IndexLayout.resolve(options.indexPath, requested: options.shards)
    if layout.shardCount > 1 { _ = try IndexLocation.checkWritableFolder(options.indexPath) }
    try layout.writeStub()
    let writers = try layout.shardPaths.map {
      BatchWriter(db: try IndexLocation.openForWriting($0), indexPath: $0, batchSize: options.batchSize)
    }
    let writerOf = { (file: FoundFile) in writers[layout.shard(forPath: file.absolutePath)] }
    var summary = IndexSummary()
    summary.files = files.count
    for writer in writers { try writer.guarded { try writer.prepareSchema(synonyms: synonyms) } }
    let (toRead, unchanged) = try partition(files, stateOf: { file in
      let writer = writerOf(file)
      return try writer.guarded { try writer.state(of: file) }
    })
    summary.unchanged = unchanged
    var progress = IndexProgress(
      filesDone: unchanged, filesTotal: files.count, bytesDone: 0,
      bytesTotal: toRead.reduce(0) { $0 + $1.file.size }, dispatches: 0, elapsed: 0)
    let preparer = FilePreparer(maxFileSize: options.maxFileSize, force: options.force)
    let pipeline = Pipeline(chunks: chunk(toRead), preparer: preparer, workers: options.workers)
    while let prepared = pipeline.next() {
      if isCancelled() {
        summary.interrupted = true
        pipeline.cancel()
        break
      }
      let reports = try write(prepared, writers: writers, layout: layout, isCancelled: isCancelled)
      for (item, report) in zip(prepared, reports) {
        record(report, item: item, into: &summary)
        if report.outcome != .unchanged { onFile(report) }
        progress.filesDone += 1
        progress.bytesDone += item.file.size
        progress.dispatches = summary.dispatches
        progress.elapsed = seconds(since: start)
        onProgress(progress)
      }
      if reports.count < prepared.count || isCancelled() {
        summary.interrupted = true
        pipeline.cancel()
        break
      }
    }
    if !summary.interrupted && !options.keepMissing {
      let seen = Set(files.map(\.absolutePath))
      for writer in writers {
        let removed = try writer.guarded { try writer.removeMissing(seen: seen, roots: roots()) }
        summary.removed += removed.count
        removed.forEach(onFile)
      }
    }
    for writer in writers { try writer.guarded { try writer.commit() } }
    let documents = try writers.reduce(0) { total, writer in try total + writer.guarded { try writer.documentCount() } }
    return (summary, layout, documents)
  }

  /// Writes a prepared chunk: in order with one database, else each shard's files on its own
  /// thread (Xapian's write path is most of the cost). Stops early, in order, when cancelled.
  private func write(_ items: [PreparedFile], writers: [BatchWriter], layout: IndexLayout, isCancelled: () -> Bool) throws -> [FileReport] {
    if writers.count == 1 {
      var reports: [FileReport] = []
      for item in items {
        if isCancelled() { break }
        reports.append(try writers[0].guarded { try writers[0].write(item) })
      }
      return reports
    }
    let lanes = ShardLanes(count: writers.count, items: items.count)
    let shardOf = items.map { layout.shard(forPath: $0.file.absolutePath) }
    DispatchQueue.concurrentPerform(iterations: writers.count) { shard in
      for (i, item) in items.enumerated() where shardOf[i] == shard {
        do {
          lanes.store(try writers[shard].guarded { try writers[shard].write(item) }, at: i)
        } catch {
          lanes.fail(error)
          return
        }
      }
    }
    if let error = lanes.error { throw error }
    return lanes.reports.map { $0! }
  }

  private func seconds(since start: ContinuousClock.Instant) -> Double {
    let d = clock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
  }

  /// Splits files into those to read and the count of unchanged ones (same size and time).
  private func partition(_ files: [FoundFile], stateOf: (FoundFile) throws -> FileState?) throws -> ([(file: FoundFile, previous: FileState?)], Int) {
    var toRead: [(file: FoundFile, previous: FileState?)] = []
    var unchanged = 0
    for file in files {
      let previous = try stateOf(file)
      if !options.force, let previous, previous.size == file.size,
        previous.modificationTime == file.modificationTime
      {
        unchanged += 1
      } else {
        toRead.append((file, previous))
      }
    }
    return (toRead, unchanged)
  }

  /// Groups the files to read into chunks bounded in bytes and count.
  private func chunk(_ items: [(file: FoundFile, previous: FileState?)]) -> [[(file: FoundFile, previous: FileState?)]] {
    var chunks: [[(file: FoundFile, previous: FileState?)]] = []
    var current: [(file: FoundFile, previous: FileState?)] = []
    var bytes = 0
    for item in items {
      current.append(item)
      bytes += item.file.size
      if bytes >= IndexOptions.chunkByteLimit || current.count >= IndexOptions.chunkFileLimit {
        chunks.append(current)
        current = []
        bytes = 0
      }
    }
    if !current.isEmpty { chunks.append(current) }
    return chunks
  }

  private func roots() -> [String] {
    let cwd = FileManager.default.currentDirectoryPath
    return options.paths.map { FileWalker.absolute($0, from: cwd) }
  }

  private func loadSynonyms() throws -> SynonymTable {
    guard let path = options.synonymsFile else { return SynonymTable.builtIn }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw DepechesError.unreadableFile(path: path, reason: "no such file or not readable")
    }
    let user = try SynonymTable(parsing: String(decoding: data, as: UTF8.self))
    return try SynonymTable(parsing: SynonymTable.builtIn.text + "\n" + user.text)
  }

  private func record(_ report: FileReport, item: PreparedFile, into summary: inout IndexSummary) {
    switch report.outcome {
    case .added(let n): summary.added += 1; summary.dispatches += n
    case .updated(let n): summary.updated += 1; summary.dispatches += n
    case .unchanged: summary.unchanged += 1
    case .removed: summary.removed += 1
    case .skipped: summary.skipped.append(report)
    }
    summary.bytesRead += item.file.size
  }
}

extension SynonymTable {
  /// The table as text, one comma-separated group per line (parseable by `init(parsing:)`).
  var text: String { groups.map { $0.joined(separator: ", ") }.joined(separator: "\n") }
}

/// Reports gathered from the shard writers' threads.
final class ShardLanes: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var reports: [FileReport?]
  private(set) var error: Error?

  init(count: Int, items: Int) { reports = Array(repeating: nil, count: items) }

  func store(_ report: FileReport, at index: Int) {
    lock.lock()
    reports[index] = report
    lock.unlock()
  }

  func fail(_ error: Error) {
    lock.lock()
    if self.error == nil { self.error = error }
    lock.unlock()
  }
}
