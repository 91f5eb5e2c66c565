import DepechesKit
import Foundation

/// Finished answers of the search routes (the page and `/api/search`), served again while the
/// index has not changed. The same search comes back often (paging back, the histogram's
/// links, a page reloaded, a script polling), and an answer costs a search, snippets and
/// month counts where a kept one costs a few `stat` calls.
///
/// An answer is kept with the `IndexGeneration` it was computed under and served only while
/// the indexes are still at that generation, so a commit, a compaction or a new shard is seen
/// by the next request exactly as without the cache (the generation is taken before the
/// search: an answer that raced with a commit is stored under the older generation, which is
/// no longer current). Indexes with a remote shard have no generation and are never cached;
/// neither are answers with warnings (a shard left out) or failures.
final class ResponseCache: @unchecked Sendable {
  // Sendable: `entries`, `generation`, `bytes` and `clock` are read and written only with
  // `lock` held; an entry's body is an immutable String.
  private let lock = NSLock()
  private var entries: [String: Entry] = [:]
  private var generation: IndexGeneration?
  private var bytes = 0
  private var clock: UInt64 = 0
  private let capacity: Int
  private let paths: [String]

  /// Share of the entries dropped when the cache is full: the least recently used quarter, so
  /// that eviction (a sort) runs once per many insertions, not at every one.
  static let evictedShare = 4

  /// A kept answer.
  struct Entry {
    var body: String
    var type: String
    var lastUse: UInt64
  }

  /// A cache of at most `capacityBytes` of answers for the indexes at `paths` (0: none kept).
  init(paths: [String], capacityBytes: Int) {
    self.paths = paths
    self.capacity = capacityBytes
  }

  /// The kept answer for `key`, or the one `compute` makes (kept when it says so).
  func answer(
    for key: String, compute: () async throws -> (body: String, type: String, keep: Bool)
  ) async throws -> (body: String, type: String) {
    guard capacity > 0, let now = IndexGeneration(paths: paths) else {
      let made = try await compute()
      return (made.body, made.type)
    }
    if let kept = lookUp(key, at: now) { return kept }
    let made = try await compute()
    if made.keep { store(key, body: made.body, type: made.type, at: now) }
    return (made.body, made.type)
  }

  /// Number of answers kept (for tests).
  var count: Int { lock.withLock { entries.count } }

  private func lookUp(_ key: String, at now: IndexGeneration) -> (body: String, type: String)? {
    lock.withLock {
      if generation != now { clearLocked(now) }
      guard var entry = entries[key] else { return nil }
      clock += 1
      entry.lastUse = clock
      entries[key] = entry
      return (entry.body, entry.type)
    }
  }

  private func store(_ key: String, body: String, type: String, at now: IndexGeneration) {
    let size = body.utf8.count + key.utf8.count
    guard size <= capacity else { return }
    lock.withLock {
      guard generation == now else { return }  // the index moved on while this was computed
      if let old = entries[key] { bytes -= old.body.utf8.count + key.utf8.count }
      clock += 1
      entries[key] = Entry(body: body, type: type, lastUse: clock)
      bytes += size
      if bytes > capacity { evictLocked() }
    }
  }

  private func clearLocked(_ now: IndexGeneration) {
    entries.removeAll(keepingCapacity: true)
    bytes = 0
    generation = now
  }

  private func evictLocked() {
    let oldest = entries.sorted { $0.value.lastUse < $1.value.lastUse }
    let atLeast = max(1, entries.count / Self.evictedShare)
    for (dropped, (key, entry)) in oldest.enumerated() {
      if dropped >= atLeast && bytes <= capacity { break }
      entries[key] = nil
      bytes -= entry.body.utf8.count + key.utf8.count
    }
  }
}
