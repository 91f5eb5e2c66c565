import CXapian
import Foundation

/// Compacts an index in place, safely: holds the write lock so no indexer runs meanwhile,
/// writes a compacted copy beside it, then swaps the two (atomically where the file system
/// allows) and removes the old one. Readers that had it open keep reading the old files.
public enum Compactor {
  /// Sizes before and after.
  public struct Outcome: Sendable {
    /// Bytes on disk before compaction.
    public var bytesBefore: Int
    /// Bytes on disk after.
    public var bytesAfter: Int
  }

  /// Compacts the index at `path`.
  public static func compact(indexPath path: String) throws -> Outcome {
    guard IndexLocation.holdsDatabase(path) else { throw DepechesError.indexNotFound(path: path) }
    let lock = try IndexLocation.openForWriting(path)
    let fresh = path + ".compacting"
    let old = path + ".before-compaction"
    try? FileManager.default.removeItem(atPath: fresh)
    try? FileManager.default.removeItem(atPath: old)
    let before = IndexStatistics.diskSize(path)
    do {
      try xapianCompact(sources: [path], destination: fresh, multipass: false)
    } catch let error as DepechesError {
      try? FileManager.default.removeItem(atPath: fresh)
      throw IndexLocation.mapWriteError(error, path: path)
    }
    keepCompanions(from: path, to: fresh)
    try swap(path, fresh)
    withExtendedLifetime(lock) {}
    try? FileManager.default.removeItem(atPath: fresh)
    return Outcome(bytesBefore: before, bytesAfter: IndexStatistics.diskSize(path))
  }

  /// Copies the files that may live beside a database (README.md, ...) into the new copy.
  private static func keepCompanions(from path: String, to fresh: String) {
    for name in IndexLocation.allowedStrangers where FileManager.default.fileExists(atPath: path + "/" + name) {
      try? FileManager.default.copyItem(atPath: path + "/" + name, toPath: fresh + "/" + name)
    }
  }

  /// Puts `fresh` at `path` and the old database at `fresh`.
  private static func swap(_ path: String, _ fresh: String) throws {
    do {
      try check { cx_exchange_paths(path, fresh, $0) }
    } catch DepechesError.xapian(.unsupported, _) {
      let old = path + ".before-compaction"
      do {
        try FileManager.default.moveItem(atPath: path, toPath: old)
        try FileManager.default.moveItem(atPath: fresh, toPath: path)
        try FileManager.default.moveItem(atPath: old, toPath: fresh)
      } catch {
        throw DepechesError.indexWriteFailed(path: path, message: "could not swap in the compacted copy: \(error)")
      }
    } catch let error as DepechesError {
      throw IndexLocation.mapWriteError(error, path: path)
    }
  }
}
