import Foundation

/// The saved searches of one index: a JSON file kept with it (`Schema.watchesFileName`), read
/// and replaced whole (atomic rename) under an exclusive `flock` of the index folder (or stub
/// file), so two `watch` commands never lose each other's changes. It needs no Xapian write
/// lock: `watch` works while `depeches index` runs.
public struct WatchStore: Sendable {
  /// The file's path.
  public let path: String
  /// What the lock is taken on: the index folder, or its stub file.
  private let lockPath: String

  /// The `version` of the file's document.
  static let version = 1

  /// The store of the index at `indexPath` (a folder, sharded or not, or a stub file).
  public init(indexPath: String) throws {
    let indexPath = IndexLocation.normalized(indexPath)
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: indexPath, isDirectory: &isDirectory) else {
      throw DepechesError.indexNotFound(path: indexPath)
    }
    if isDirectory.boolValue {
      guard IndexLocation.holdsDatabase(indexPath) else { throw DepechesError.indexNotFound(path: indexPath) }
      path = indexPath + "/" + Schema.watchesFileName
    } else {
      path = indexPath + "." + Schema.watchesFileName
    }
    lockPath = indexPath
  }

  private struct Document: Codable {
    var version: Int
    var searches: [SavedSearch]
  }

  /// The saved searches, in the order they were added.
  public func load() throws -> [SavedSearch] {
    try locked { try read() }
  }

  /// Reads the searches, lets `body` change them, and writes them back if it did: all under
  /// the lock.
  @discardableResult
  public func update<T>(_ body: (inout [SavedSearch]) throws -> T) throws -> T {
    try locked {
      var searches = try read()
      let before = searches
      let result = try body(&searches)
      if searches != before { try write(searches) }
      return result
    }
  }

  private func read() throws -> [SavedSearch] {
    guard let data = FileManager.default.contents(atPath: path) else { return [] }
    do {
      let document = try JSONDecoder().decode(Document.self, from: data)
      guard document.version == WatchStore.version else {
        throw DepechesError.watchFailed("\(path) has version \(document.version), this depeches reads \(WatchStore.version)")
      }
      return document.searches
    } catch let error as DepechesError {
      throw error
    } catch {
      throw DepechesError.watchFailed("\(path) is not a saved-search file depeches can read (\(error))")
    }
  }

  private func write(_ searches: [SavedSearch]) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    do {
      let data = try encoder.encode(Document(version: WatchStore.version, searches: searches))
      try data.write(to: URL(fileURLWithPath: path), options: .atomic)
    } catch {
      throw DepechesError.indexWriteFailed(path: path, message: "cannot save the saved searches: \(error.localizedDescription)")
    }
  }

  private func locked<T>(_ body: () throws -> T) throws -> T {
    try WatchStore.holdingLock(on: lockPath, body)
  }

  /// Runs `body` holding the saved searches' lock of the index at `lockPath` (an exclusive
  /// `flock` of the folder, or stub file): also compaction's, while it copies the file into
  /// the compacted folder and swaps it in, so that no change made meanwhile is lost.
  static func holdingLock<T>(on lockPath: String, _ body: () throws -> T) throws -> T {
    let fd = open(lockPath, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else {
      throw DepechesError.unreadableFile(path: lockPath, reason: String(cString: strerror(errno)))
    }
    defer { close(fd) }
    while flock(fd, LOCK_EX) != 0 {
      guard errno == EINTR else {
        throw DepechesError.watchFailed("cannot lock \(lockPath): \(String(cString: strerror(errno)))")
      }
    }
    defer { flock(fd, LOCK_UN) }
    return try body()
  }
}

extension WatchStore {
  /// Adds `search`; fails when its name is taken.
  public func add(_ search: SavedSearch) throws {
    try update { searches in
      guard !searches.contains(where: { $0.name == search.name }) else {
        throw DepechesError.watchFailed("a saved search named \(search.name) exists already (`depeches watch remove \(search.name)` first)")
      }
      searches.append(search)
    }
  }

  /// Removes the search named `name`; fails when there is none.
  public func remove(_ name: String) throws {
    try update { searches in
      guard searches.contains(where: { $0.name == name }) else { throw WatchStore.unknown(name) }
      searches.removeAll { $0.name == name }
    }
  }

  /// The search named `name`; fails when there is none.
  public func search(named name: String) throws -> SavedSearch {
    guard let search = try load().first(where: { $0.name == name }) else { throw WatchStore.unknown(name) }
    return search
  }

  /// Records that `name` has shown every dispatch up to run `completed`, `shown` of them now.
  /// A search removed meanwhile stays removed.
  public func record(_ name: String, completed: Int, shown: Int, now: Date = Date()) throws {
    try update { searches in
      guard let i = searches.firstIndex(where: { $0.name == name }) else { return }
      searches[i].recorded = completed
      searches[i].lastRun = IndexRun.timeText(now)
      searches[i].lastNew = shown
    }
  }

  /// The failure for a name no search has.
  public static func unknown(_ name: String) -> DepechesError {
    .watchFailed("no saved search named \(name) (`depeches watch list` shows them)")
  }
}
