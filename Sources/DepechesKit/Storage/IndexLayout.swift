import Foundation

/// How an index folder is laid out: one Xapian database, or N shard databases
/// (`shard-00` …) listed by a Xapian stub file `XAPIANDB`, so that Xapian (and `quest`,
/// `xapian-delve`, `xapian-tcpsrv`) open the folder as one database.
public struct IndexLayout: Equatable, Sendable {
  /// Name of the stub file listing the shards.
  public static let stubName = "XAPIANDB"
  /// The file by which Xapian's glass backend knows a database folder; every commit that
  /// changes something replaces it.
  public static let versionFileName = "iamglass"
  /// Most shards one index may have.
  public static let maxShards = 64

  /// The index folder.
  public var path: String
  /// The databases written: `[path]` when unsharded, else its shard folders.
  public var shardPaths: [String]

  /// Number of shards (1 when unsharded).
  public var shardCount: Int { shardPaths.count }

  /// The folder of shard `i` of an index at `path`.
  public static func shardPath(_ path: String, _ i: Int) -> String {
    path + "/" + shardName(i)
  }

  static func shardName(_ i: Int) -> String { String(format: "shard-%02d", i) }

  /// The layout of the index at `path`: what is on disk, checked against `requested` shards
  /// (nil: keep what is there, or 1 for a new index).
  public static func resolve(_ path: String, requested: Int?) throws -> IndexLayout {
    let path = IndexLocation.normalized(path)
    let existing = try existingShardCount(path)
    if let requested, let existing, requested != existing {
      throw DepechesError.invalidArgument(
        "the index at \(path) has \(existing) shard\(existing == 1 ? "" : "s"), not \(requested): index into a new folder to change it")
    }
    let count = existing ?? requested ?? 1
    guard (1...maxShards).contains(count) else {
      throw DepechesError.invalidArgument("--shards must be between 1 and \(maxShards)")
    }
    let paths = count == 1 && !FileManager.default.fileExists(atPath: path + "/" + stubName)
      ? [path] : (0..<count).map { shardPath(path, $0) }
    return IndexLayout(path: path, shardPaths: paths)
  }

  /// Shards of the index on disk: nil when there is none yet.
  static func existingShardCount(_ path: String) throws -> Int? {
    if FileManager.default.fileExists(atPath: path + "/iamglass") { return 1 }
    guard let stub = try? String(contentsOfFile: path + "/" + stubName, encoding: .utf8) else { return nil }
    let count = stub.split(separator: "\n").filter { $0.hasPrefix("auto shard-") }.count
    return count > 0 ? count : nil
  }

  /// Writes the stub file listing the shards (sharded layouts only).
  func writeStub() throws {
    guard shardPaths != [path] else { return }
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    let text = (0..<shardCount).map { "auto \(IndexLayout.shardName($0))" }.joined(separator: "\n") + "\n"
    do {
      try text.write(toFile: path + "/" + IndexLayout.stubName, atomically: true, encoding: .utf8)
    } catch {
      throw DepechesError.indexWriteFailed(path: path, message: "cannot write \(IndexLayout.stubName): \(error.localizedDescription)")
    }
  }

  /// The shard that holds the dispatches of a file: a stable hash of its path.
  func shard(forPath absolutePath: String) -> Int {
    guard shardCount > 1 else { return 0 }
    return shard(forKeyNumber: FileState.keyNumber(forPath: absolutePath))
  }

  /// The shard of the file whose key number (`FileState.keyNumber`) this is.
  func shard(forKeyNumber number: UInt64) -> Int { Int(number % UInt64(shardCount)) }
}
