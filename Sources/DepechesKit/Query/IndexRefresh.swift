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
