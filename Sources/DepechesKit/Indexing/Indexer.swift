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
    // The callbacks are only called during indexFiles (the ledger holding them dies with it).
    var (summary, layout, documents) = try withoutActuallyEscaping(onFile) { onFile in
      try withoutActuallyEscaping(onProgress) { onProgress in
        try indexFiles(onFile: onFile, onProgress: onProgress, isCancelled: isCancelled, start: start)
      }
    }
    // A fresh glass database is about twice the size of a compacted one; compaction is cheap
    // next to a large run, so do it when this run wrote most of the index (a run written in
    // parallel parts was compacted by their merge).
    if options.compact, !summary.compacted, !summary.interrupted, summary.dispatches > 0,
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
    onFile: @escaping (FileReport) -> Void, onProgress: @escaping (IndexProgress) -> Void,
    isCancelled: () -> Bool, start: ContinuousClock.Instant
  ) throws -> (IndexSummary, IndexLayout, Int) {
    let files = try FileWalker.files(under: options.paths)
    let synonyms = try loadSynonyms()
    let layout = try IndexLayout.resolve(options.indexPath, requested: options.shards)
    let mains = try openWriters(layout, synonyms: synonyms)
    let (toRead, unchanged) = try partition(files, stateOf: { file in
      let writer = mains[layout.shard(forPath: file.absolutePath)]
      return try writer.guarded { try writer.state(of: file) }
    })
    let bytesToRead = toRead.reduce(0) { $0 + $1.file.size }
    let ledger = Ledger(files: files.count, unchanged: unchanged, bytesToRead: bytesToRead, onFile: onFile, onProgress: onProgress) {
      [clock] in Indexer.seconds(clock.now - start)
    }
    let existing = try mains.reduce(0) { total, writer in try total + writer.guarded { try writer.documentCount() } }
    // Parts only for a fresh index: merging keeps one value per metadata key, so no file the
    // index already remembers may be written again into a part.
    let fresh = try existing == 0 && mains.allSatisfy { try $0.remembersNoFile() }
    let parts = fresh ? ParallelParts.plan(layout: layout, bytesToRead: bytesToRead, options: options) : nil
    let preparer = FilePreparer(maxFileSize: options.maxFileSize, force: options.force)
    do {
      if let parts {
        try writeInParts(parts, toRead, preparer: preparer, ledger: ledger, isCancelled: isCancelled)
      } else {
        try writePipelined(toRead, writers: mains, layout: layout, preparer: preparer, ledger: ledger, isCancelled: isCancelled)
      }
      if !ledger.summary.interrupted && !options.keepMissing { try removeMissing(files, writers: mains, ledger: ledger) }
      for writer in mains { try writer.guarded { try writer.commit() } }
      if let parts {
        try parts.merge(into: layout.path)
        ledger.summary.compacted = true
        return (ledger.summary, layout, existing + ledger.summary.dispatches)
      }
    } catch {
      parts?.removeFolder()
      throw error
    }
    let documents = try mains.reduce(0) { total, writer in try total + writer.guarded { try writer.documentCount() } }
    return (ledger.summary, layout, documents)
  }

  /// Opens (locks) the index's databases, checks their layout version and writes synonyms.
  private func openWriters(_ layout: IndexLayout, synonyms: SynonymTable) throws -> [BatchWriter] {
    if layout.shardCount > 1 { _ = try IndexLocation.checkWritableFolder(layout.path) }
    try layout.writeStub()
    let writers = try layout.shardPaths.map {
      BatchWriter(db: try IndexLocation.openForWriting($0), indexPath: $0, batchSize: options.batchSize)
    }
    for writer in writers { try writer.guarded { try writer.prepareSchema(synonyms: synonyms) } }
    return writers
  }

  /// Writes a fresh index's files into parallel parts, one lane per part (see
  /// `ParallelParts`), each lane committing its part; the caller merges them.
  private func writeInParts(
    _ parts: ParallelParts, _ toRead: [(file: FoundFile, previous: FileState?)], preparer: FilePreparer,
    ledger: Ledger, isCancelled: () -> Bool
  ) throws {
    let writers = try parts.open(batchSize: options.batchSize)
    ledger.summary.interrupted = try LaneRunner().run(
      toRead, writers: writers, preparer: preparer, onReport: ledger.record, isCancelled: isCancelled)
  }

  /// Prepares chunk N+1 on worker threads while this thread writes chunk N (each shard's
  /// files on a thread of its own when the index is sharded).
  private func writePipelined(
    _ toRead: [(file: FoundFile, previous: FileState?)], writers: [BatchWriter], layout: IndexLayout,
    preparer: FilePreparer, ledger: Ledger, isCancelled: () -> Bool
  ) throws {
    let pipeline = Pipeline(chunks: chunk(toRead), preparer: preparer, workers: options.workers)
    while let prepared = pipeline.next() {
      if isCancelled() {
        ledger.summary.interrupted = true
        pipeline.cancel()
        return
      }
      let lanes = prepared.map { layout.shard(forPath: $0.file.absolutePath) }
      let reports = try write(prepared, writers: writers, lanes: lanes, isCancelled: isCancelled)
      for (item, report) in zip(prepared, reports) { ledger.record(item.file, report) }
      if reports.count < prepared.count || isCancelled() {
        ledger.summary.interrupted = true
        pipeline.cancel()
        return
      }
    }
  }

  /// Removes the dispatches of files under the roots that are gone.
  private func removeMissing(_ files: [FoundFile], writers: [BatchWriter], ledger: Ledger) throws {
    let seen = Set(files.map(\.absolutePath))
    for writer in writers {
      let removed = try writer.guarded { try writer.removeMissing(seen: seen, roots: roots()) }
      ledger.summary.removed += removed.count
      removed.forEach(ledger.onFile)
    }
  }

  /// Writes a prepared chunk: in order with one writer, else each writer's files (`lanes`
  /// gives each file's writer) on its own thread, as Xapian's write path is most of the cost.
  /// Stops early, in order, when cancelled.
  private func write(_ items: [PreparedFile], writers: [BatchWriter], lanes laneOf: [Int], isCancelled: () -> Bool) throws -> [FileReport] {
    if writers.count == 1 {
      var reports: [FileReport] = []
      for item in items {
        if isCancelled() { break }
        reports.append(try writers[0].guarded { try writers[0].write(item) })
      }
      return reports
    }
    let lanes = ShardLanes(count: writers.count, items: items.count)
    DispatchQueue.concurrentPerform(iterations: writers.count) { lane in
      for (i, item) in items.enumerated() where laneOf[i] == lane {
        do {
          lanes.store(try writers[lane].guarded { try writers[lane].write(item) }, at: i)
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
    Indexer.seconds(clock.now - start)
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
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
