import Foundation

/// Indexes folders of dispatches into a Xapian database, incrementally and in atomic batches.
///
/// The files to read go to `WriterLanes`: writer threads, each owning one database, fed by
/// analysing threads (or, for a first run's parallel parts, each lane reading its own files),
/// so every core is busy. Each file's documents and its state (size, time, hash) are written in
/// the same commit.
public final class Indexer {
  private let options: IndexOptions
  private let clock = ContinuousClock()

  /// An indexer for these options; nothing is opened until `run`.
  public init(options: IndexOptions) { self.options = options }

  /// Runs the indexing. `onFile` sees every file that was not unchanged, `onProgress` is
  /// called after each file, and `isCancelled` is asked before the first file and after each
  /// one (all three on the calling thread): when it says true, each writer stops after the
  /// file in hand, the work done so far is committed and the summary says `interrupted`.
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
    let listing = try FileWalker.listing(under: options.paths)
    let files = listing.fileList
    let synonyms = try loadSynonyms()
    let layout = try IndexLayout.resolve(options.indexPath, requested: options.shards)
    let mains = try openWriters(layout, synonyms: synonyms)
    ParallelParts.removeLeftovers(of: layout)
    let sweep = try FileSweep(
      files, databases: mains, shard: layout.shard(forKeyNumber:), force: options.force, roots: roots(),
      unreadable: listing.unreadable)
    let (toRead, unchanged) = (sweep.toRead, sweep.unchanged)
    let bytesToRead = toRead.totalSize
    let ledger = Ledger(files: files.count, unchanged: unchanged, bytesToRead: bytesToRead, onFile: onFile, onProgress: onProgress) {
      [clock] in Indexer.seconds(clock.now - start)
    }
    ledger.recordListed(listing.skipped)
    let existing = try mains.reduce(0) { total, writer in try total + writer.guarded { try writer.documentCount() } }
    // Parts only for a fresh index: merging keeps one value per metadata key, so no file the
    // index already remembers may be written again into a part.
    let fresh = try existing == 0 && mains.allSatisfy { try $0.remembersNoFile() }
    let parts = fresh ? ParallelParts.plan(layout: layout, bytesToRead: bytesToRead, options: options) : nil
    let run = IndexRun.next(after: try mains.map { writer in try writer.guarded { try writer.completedRun() } })
    let preparer = FilePreparer(maxFileSize: options.maxFileSize, force: options.force, run: run)
    do {
      let writers = try parts?.open(batchSize: options.batchSize) ?? mains
      let lanes: WriterLanes
      if parts != nil {
        lanes = WriterLanes(writers: writers, preparer: preparer, policy: .nextFree)
      } else {
        let policy = WriterLanes.Policy.byPath(workers: options.workers) { layout.shard(forPath: $0) }
        lanes = WriterLanes(writers: writers, preparer: preparer, policy: policy)
      }
      ledger.summary.interrupted = try lanes.run(toRead, onReport: ledger.record, isCancelled: isCancelled)
      FreedMemory.release()   // the lanes' batches, before the single-threaded phases
      // A fresh index remembers no file from before this run: none can be missing.
      if !fresh && !ledger.summary.interrupted && !options.keepMissing {
        try removeMissing(sweep.missing, writers: mains, ledger: ledger)
      }
      // Versions are grouped once everything is written (parts cannot see each other before).
      try writers[0].guarded { try VersionGrouper.regroup(writers: writers) }
      if parts != nil { for writer in writers { try writer.guarded { try writer.commit() } } }
      for writer in mains {
        try writer.guarded {
          if parts == nil { try writer.recordCompleted(run) }  // parts: once merged, below
          try writer.commit()
        }
      }
      if let parts {
        try parts.merge(into: layout.path)
        try IndexRun.recordCompleted(run, inIndexAt: layout.path)
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
      BatchWriter(
        db: try IndexLocation.openForWriting($0, fullCheck: options.check), indexPath: $0, batchSize: options.batchSize,
        byteLimit: WriterLanes.batchByteLimit(sharedBy: layout.shardCount, parts: false))
    }
    for writer in writers { try writer.guarded { try writer.prepareSchema(synonyms: synonyms) } }
    return writers
  }

  /// Removes the dispatches of files under the roots that are gone (never of what could not
  /// be read: see `FileListing.unreadable`).
  private func removeMissing(_ missing: [[FileSweep.Missing]], writers: [BatchWriter], ledger: Ledger) throws {
    for (writer, gone) in zip(writers, missing) {
      let removed = try writer.remove(gone)
      ledger.summary.removed += removed.count
      removed.forEach(ledger.onFile)
    }
  }

  private func seconds(since start: ContinuousClock.Instant) -> Double {
    Indexer.seconds(clock.now - start)
  }

  static func seconds(_ d: Duration) -> Double {
    Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
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
