import Foundation

extension SearchIndex {
  /// Moves every shard to its latest commit (Xapian's `reopen`, cheap when nothing changed):
  /// an index kept open between searches (a server's) then sees what `depeches index`
  /// committed since it was opened, as a new process would. A compaction swaps a new folder in
  /// under the same name, which this cannot follow (the open files are the old folder's):
  /// compare `IndexFolders` and open a new `SearchIndex` when they differ.
  public func refresh() throws {
    try retryingIfModified { try db.reopen() }
  }
}

/// Which folders the local databases behind some index paths are now (device and inode of
/// each): equal before and after commits, different once a compaction (`depeches compact`, or
/// the one that ends a large `depeches index` run) has swapped a new folder in, or when an
/// index appeared or was removed.
public struct IndexFolders: Equatable, Sendable {
  private var identities: [String]

  /// The folders behind `paths` (as `SearchIndex(paths:)` reads them) as they are now.
  public init(paths: [String]) {
    identities = paths.flatMap { path -> [String] in
      guard let shards = try? IndexOpener.shards(of: path) else { return ["missing " + path] }
      return shards.map { shard in
        guard case .local(let folder) = shard else { return shard.name }
        var info = stat()
        guard stat(folder, &info) == 0 else { return "missing " + folder }
        return "\(info.st_dev):\(info.st_ino)"
      }
    }
  }
}

/// Which commit of which folders some index paths hold now: equal for as long as nothing was
/// committed, compacted, added or removed behind them, different after any of those. A server
/// keeps a finished answer only while this stays equal. Nil when it cannot be known without
/// asking a server (a remote shard) or when a path is not an index.
///
/// Each local database's version file is replaced (a new file, renamed in) by every commit
/// that changes something, so its inode, size and modification time name the commit; a
/// `stat` per shard costs microseconds, where reopening the database to read its revision
/// would need a database handle per check.
public struct IndexGeneration: Equatable, Sendable {
  private var identities: [String]

  /// The generation of `paths` (as `SearchIndex(paths:)` reads them) now.
  public init?(paths: [String]) {
    var identities: [String] = []
    for path in paths {
      guard let shards = try? IndexOpener.shards(of: path) else { return nil }
      for shard in shards {
        guard case .local(let folder) = shard else { return nil }
        var info = stat()
        guard stat(folder + "/" + IndexLayout.versionFileName, &info) == 0 else { return nil }
        identities.append("\(info.st_dev):\(info.st_ino):\(info.st_size):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
      }
    }
    self.identities = identities
  }
}
