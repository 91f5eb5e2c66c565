import DepechesKit
import Foundation
import Testing

@testable import DepechesServer

/// The server's cache of finished answers: served again only while the index is unchanged,
/// bounded in bytes, never for answers with warnings or indexes it cannot watch.
@Suite struct ResponseCacheTests {
  /// Counts how often the cache asked for an answer to be computed.
  final class Counter: @unchecked Sendable {
    // Sendable: the tests call the cache from one task at a time.
    var computed = 0
  }

  private func ask(
    _ cache: ResponseCache, _ key: String, _ counter: Counter, body: String = "answer", keep: Bool = true
  ) async throws -> String {
    try await cache.answer(for: key) {
      counter.computed += 1
      return (body + " \(counter.computed)", "text/plain", keep)
    }.body
  }

  private func indexed(_ folder: TemporaryFolder, files: Int) throws {
    (1...files).forEach { folder.write("in/\($0).txt", "Dépêche \($0)\n\nLes blindés avancent.") }
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: folder.path + "/Index", compact: false)).run()
  }

  @Test func anAnswerIsServedAgainUntilTheNextCommit() async throws {
    let folder = TemporaryFolder()
    try indexed(folder, files: 2)
    let cache = ResponseCache(paths: [folder.path + "/Index"], capacityBytes: 1 << 20)
    let counter = Counter()
    #expect(try await ask(cache, "q=a", counter) == "answer 1")
    #expect(try await ask(cache, "q=a", counter) == "answer 1")
    #expect(try await ask(cache, "q=b", counter) == "answer 2")
    #expect(counter.computed == 2)
    try indexed(folder, files: 3)  // a commit: every kept answer is stale
    #expect(try await ask(cache, "q=a", counter) == "answer 3")
    #expect(try await ask(cache, "q=a", counter) == "answer 3")
    #expect(counter.computed == 3)
  }

  @Test func answersWithWarningsAndUnwatchableIndexesAreNotKept() async throws {
    let folder = TemporaryFolder()
    try indexed(folder, files: 1)
    let cache = ResponseCache(paths: [folder.path + "/Index"], capacityBytes: 1 << 20)
    let counter = Counter()
    _ = try await ask(cache, "q=a", counter, keep: false)
    _ = try await ask(cache, "q=a", counter, keep: false)
    #expect(counter.computed == 2 && cache.count == 0)

    folder.write("remote.stub", "remote :127.0.0.1:1\n")  // a remote shard: its commits are not seen
    let remote = ResponseCache(paths: [folder.path + "/remote.stub"], capacityBytes: 1 << 20)
    _ = try await ask(remote, "q=a", counter)
    _ = try await ask(remote, "q=a", counter)
    #expect(counter.computed == 4 && remote.count == 0)

    let off = ResponseCache(paths: [folder.path + "/Index"], capacityBytes: 0)  // --cache-mb 0
    _ = try await ask(off, "q=a", counter)
    _ = try await ask(off, "q=a", counter)
    #expect(counter.computed == 6 && off.count == 0)
  }

  @Test func theLeastRecentlyUsedAnswersMakeRoom() async throws {
    let folder = TemporaryFolder()
    try indexed(folder, files: 1)
    let body = String(repeating: "x", count: 1_000)
    let cache = ResponseCache(paths: [folder.path + "/Index"], capacityBytes: 10_000)
    let counter = Counter()
    for key in 0..<9 { _ = try await ask(cache, "k\(key)", counter, body: body) }
    _ = try await ask(cache, "k0", counter, body: body)  // used again: the newest
    #expect(counter.computed == 9)
    for key in 9..<30 { _ = try await ask(cache, "k\(key)", counter, body: body) }
    #expect(cache.count <= 9 && cache.count > 0)
    let before = counter.computed
    _ = try await ask(cache, "k29", counter, body: body)  // just stored: still there
    #expect(counter.computed == before)
    _ = try await ask(cache, "k1", counter, body: body)  // long evicted
    #expect(counter.computed == before + 1)
  }
}
