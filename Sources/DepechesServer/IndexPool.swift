import DepechesFormat
import DepechesKit
import Foundation
import NIOPosix

/// What a request got from the engine, and what the user should know about how (shards left
/// out, spelling off), for the page's notices.
struct EngineAnswer<Value: Sendable>: Sendable {
  var value: Value
  var warnings: [String]
}

/// The search indexes of a server. Xapian objects are not thread-safe, so no index is ever used
/// by two requests at once: a request takes an idle one (or opens a new one), moves it to the
/// latest commit, uses it on one of NIO's blocking-pool threads (searches read files and may
/// wait on remote shards, which must not hold up the event loops), and gives it back.
///
/// An index whose folders were swapped since it was opened (a compaction: `IndexFolders`) is
/// closed, not refreshed. An index that warned (a shard left out with `--partial`, remote shards) is not kept: the
/// next request opens the indexes afresh, so a shard that comes back is searched again.
final class IndexPool: @unchecked Sendable {
  // Sendable: `idle` is read and written only with `lock` held, and an index taken out of it
  // belongs to the one request that took it until that request puts it back.
  private let lock = NSLock()
  private var idle: [Opened] = []
  private let configuration: ServeConfiguration
  private let threads: NIOThreadPool

  /// The index paths served (the first keeps the saved searches).
  var indexes: [String] { configuration.indexes }

  /// Idle indexes kept: a few more than the blocking threads that use them. Each holds open
  /// files and its own stemmer cache.
  static let maxIdle = 8

  init(configuration: ServeConfiguration, threads: NIOThreadPool = .singleton) {
    self.configuration = configuration
    self.threads = threads
  }

  /// An index and the folders it was opened from.
  private struct Opened {
    var index: SearchIndex
    var folders: IndexFolders
  }

  /// Runs `body` with an index of its own on a blocking thread.
  func run<Value: Sendable>(_ body: @escaping @Sendable (SearchIndex) throws -> Value) async throws -> EngineAnswer<Value> {
    try await threads.runIfActive { try self.withIndex(body) }
  }

  /// Runs `body` with an index of its own, on this thread.
  func withIndex<Value: Sendable>(_ body: (SearchIndex) throws -> Value) throws -> EngineAnswer<Value> {
    let opened = try takeIndex()
    do {
      let value = try body(opened.index)
      keepIfHealthy(opened)
      return EngineAnswer(value: value, warnings: opened.index.warnings)
    } catch let error as DepechesError {
      // A query the engine refused leaves the index as good as it was; other failures do not.
      if case .invalidQuery = error { keepIfHealthy(opened) }
      throw error
    }
  }

  /// An idle index moved to the latest commit, or a newly opened one.
  private func takeIndex() throws -> Opened {
    let folders = IndexFolders(paths: configuration.indexes)
    let reused: Opened? = lock.withLock {
      idle.removeAll { $0.folders != folders }  // swapped away: their files are the old folders'
      return idle.popLast()
    }
    if let reused {
      do {
        try reused.index.refresh()
        return reused
      } catch {
        // The index changed under it in another way: open it again, as a new process would.
      }
    }
    let index = try SearchIndex(
      paths: configuration.indexes,
      options: OpenOptions(timeoutSeconds: configuration.timeout, partial: configuration.partial))
    return Opened(index: index, folders: folders)
  }

  private func keepIfHealthy(_ opened: Opened) {
    guard opened.index.warnings.isEmpty else { return }
    lock.withLock {
      if idle.count < IndexPool.maxIdle { idle.append(opened) }
    }
  }
}
