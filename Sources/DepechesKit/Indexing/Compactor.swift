import CDepechesRename
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
    let path = IndexLocation.normalized(path)
    guard IndexLocation.holdsDatabase(path) else { throw DepechesError.indexNotFound(path: path) }
    let lock = try IndexLocation.openForWriting(path)
    defer { withExtendedLifetime(lock) {} }
    return try rewrite(path, adding: [])
  }

  /// Merges the databases at `parts` into the index at `path`, compacted, and removes them.
  /// The caller holds the index's write lock (an open `XapianWritable`) throughout.
  static func merge(parts: [String], into path: String) throws -> Outcome {
    let outcome = try rewrite(path, adding: parts)
    for part in parts { try? FileManager.default.removeItem(atPath: part) }
    return outcome
  }

  /// Writes a compacted copy of `path` merged with `extra` beside it and swaps it in. An index
  /// reached through a symbolic link is compacted where the link points, and the link stays.
  private static func rewrite(_ path: String, adding extra: [String]) throws -> Outcome {
    let path = realPath(path)
    let fresh = path + ".compacting"
    try? FileManager.default.removeItem(atPath: fresh)
    try? FileManager.default.removeItem(atPath: path + ".before-compaction")
    let before = ([path] + extra).reduce(0) { $0 + IndexStatistics.diskSize($1) }
    do {
      try xapianCompact(sources: [path] + extra, destination: fresh, multipass: extra.count > 1)
    } catch let error as DepechesError {
      try? FileManager.default.removeItem(atPath: fresh)
      throw IndexLocation.mapWriteError(error, path: path)
    }
    try WatchStore.holdingLock(on: path) {
      keepCompanions(from: path, to: fresh)
      try swap(path, fresh)
    }
    try? FileManager.default.removeItem(atPath: fresh)
    return Outcome(bytesBefore: before, bytesAfter: IndexStatistics.diskSize(path))
  }

  /// The path with every symbolic link resolved (as it is when it cannot be resolved).
  private static func realPath(_ path: String) -> String {
    guard let resolved = realpath(path, nil) else { return path }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// Copies the files that may live beside a database (README.md, ...) into the new copy.
  private static func keepCompanions(from path: String, to fresh: String) {
    for name in IndexLocation.allowedStrangers where FileManager.default.fileExists(atPath: path + "/" + name) {
      try? FileManager.default.copyItem(atPath: path + "/" + name, toPath: fresh + "/" + name)
    }
  }

  /// Puts `fresh` at `path` and the old database at `fresh`: in one step where the kernel and
  /// file system can exchange two paths, else by three renames.
  private static func swap(_ path: String, _ fresh: String) throws {
    switch cdepeches_exchange_paths(path, fresh) {
    case 0: return
    case EINVAL, ENOSYS, ENOTSUP: try swapByRenaming(path, fresh)
    case let code:
      throw DepechesError.indexWriteFailed(
        path: path, message: "cannot swap \(path) and \(fresh): \(String(cString: strerror(code)))")
    }
  }

  /// `swap` where there is no atomic exchange: a moment passes with no database at `path`.
  private static func swapByRenaming(_ path: String, _ fresh: String) throws {
    let old = path + ".before-compaction"
    do {
      try FileManager.default.moveItem(atPath: path, toPath: old)
      try FileManager.default.moveItem(atPath: fresh, toPath: path)
      try FileManager.default.moveItem(atPath: old, toPath: fresh)
    } catch {
      throw DepechesError.indexWriteFailed(path: path, message: "could not swap in the compacted copy: \(error)")
    }
  }
}
