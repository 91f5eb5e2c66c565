import Foundation

/// A first index built on every core: when the index is still empty and the run is large,
/// files are written into temporary part databases, one `WriterLanes` lane each, then merged
/// into the index by Xapian's compaction (the compaction a fresh index gets anyway).
///
/// Xapian's write path is single-threaded per database and is most of the indexing time, so
/// this is where a second core pays. The parts live beside the index (`Index.depeches-parts/`); the
/// index's write lock is held throughout, so leftovers of a killed run can be removed safely.
public struct ParallelParts {
  /// Below this many bytes to read, one writer is about as fast as the merge costs.
  public static let minBytes = 8_000_000
  /// At most this many parts (and writer threads).
  static let maxParts = 4
  /// Suffix of the folder beside the index that holds the parts.
  static let folderSuffix = ".depeches-parts"

  /// The folder of the parts.
  let folder: String
  /// The part databases.
  let paths: [String]

  /// Parts for a run into a fresh index, or nil when it should write into the index directly:
  /// only for an unsharded index that will be compacted, with enough to read and several cores.
  static func plan(layout: IndexLayout, bytesToRead: Int, options: IndexOptions) -> ParallelParts? {
    let count = min(maxParts, options.workers)
    guard layout.shardCount == 1, options.compact, bytesToRead >= options.parallelMinBytes, count > 1 else {
      return nil
    }
    let folder = layout.path + folderSuffix
    return ParallelParts(folder: folder, paths: (0..<count).map { folder + "/part-\($0)" })
  }

  /// Removes what a killed run left and opens one writer per part (the caller holds the
  /// index's write lock, so no other run uses these folders). Parts are scratch databases
  /// (written in place, never synced): a crash leaves nothing the next run would read.
  func open(batchSize: Int) throws -> [BatchWriter] {
    guard holdsOnlyParts() else {
      throw DepechesError.indexWriteFailed(
        path: folder, message: "it holds files depeches did not put there; move it away and index again")
    }
    removeFolder()
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw DepechesError.indexWriteFailed(path: folder, message: error.localizedDescription)
    }
    let policy = WriterLanes.Policy.nextFree
    return try paths.map {
      BatchWriter(
        db: try IndexLocation.openForWriting($0, scratch: true), indexPath: $0, batchSize: batchSize,
        byteLimit: WriterLanes.batchByteLimit(sharedBy: paths.count, parts: true), defersSpellings: policy.defersSpellings)
    }
  }

  /// Merges the parts into the index at `indexPath` and removes them.
  func merge(into indexPath: String) throws {
    defer { removeFolder() }
    _ = try Compactor.merge(parts: paths, into: indexPath)
  }

  /// Removes the parts folder a killed first run left beside the index, when it holds nothing
  /// but parts; every run calls this once it holds the index's write lock (no other run can be
  /// using the folder then), so leftovers never outlive the next run.
  static func removeLeftovers(of layout: IndexLayout) {
    let folder = layout.path + folderSuffix
    guard FileManager.default.fileExists(atPath: folder) else { return }
    ParallelParts(folder: folder, paths: []).removeFolder()
  }

  /// Removes the parts folder (after a merge, or a failure).
  func removeFolder() {
    guard holdsOnlyParts() else { return }
    try? FileManager.default.removeItem(atPath: folder)
  }

  /// True when the folder is absent or holds nothing but `part-N` databases (ours to delete).
  private func holdsOnlyParts() -> Bool {
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return true }
    return names.allSatisfy { $0.hasPrefix("part-") && Int($0.dropFirst(5)) != nil }
  }
}
