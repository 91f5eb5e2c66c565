import Foundation
import Testing
@testable import DepechesKit

/// Month counts over every match (the shim's counting pass, and its docid → month table on one
/// database): equal to counts made from the files themselves, in one database, in shards and
/// through a stub naming a sharded index (a part of several databases), and still right after
/// the index changed under an open `SearchIndex` (a new revision, so a new table).
@Suite struct MonthFacetTests {
  /// A seeded set of dispatches: (file name, month or nil, holds the searched word).
  static func dispatches(count: Int, seed: UInt64) -> [(name: String, month: String?, matches: Bool)] {
    var rng = SeededGenerator(seed: seed)
    return (0..<count).map { i in
      let month: String? = Int.random(in: 0..<10, using: &rng) == 0
        ? nil : String(format: "20%02d-%02d", Int.random(in: 15...24, using: &rng), Int.random(in: 1...12, using: &rng))
      return ("d\(i).txt", month, Bool.random(using: &rng))
    }
  }

  static func write(_ d: (name: String, month: String?, matches: Bool), in folder: TemporaryFolder) {
    let date = d.month.map { "\($0)-15" } ?? "sans date"
    let body = d.matches ? "Les pourparlers de Genève reprennent." : "Le marché du blé reste calme."
    folder.write("in/" + d.name, "Dépêche \(d.name)\n\(date)\n\n\(body)")
  }

  /// The counts a search must report: matching dispatches per month, undated last.
  static func expected(_ all: [(name: String, month: String?, matches: Bool)]) -> [MonthCount] {
    var byMonth: [String: Int] = [:]
    var undated = 0
    for d in all where d.matches {
      if let m = d.month { byMonth[m, default: 0] += 1 } else { undated += 1 }
    }
    var out = byMonth.sorted { $0.key < $1.key }.map { MonthCount(month: $0.key, count: $0.value) }
    if undated > 0 { out.append(MonthCount(month: nil, count: undated)) }
    return out
  }

  @Test(arguments: [nil, 3])
  func countsEqualTheFilesInOneDatabaseAndInShards(shards: Int?) throws {
    let folder = TemporaryFolder()
    let all = Self.dispatches(count: 120, seed: 18)
    for d in all { Self.write(d, in: folder) }
    let index = folder.path + "/Index"
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index, shards: shards)).run()
    let response = try search(index, "pourparlers", limit: 3)
    #expect(response.total == all.filter(\.matches).count)
    #expect(response.months == Self.expected(all))
  }

  @Test func countsThroughAStubListingAShardedIndex() throws {
    let folder = TemporaryFolder()
    let all = Self.dispatches(count: 80, seed: 9)
    for d in all { Self.write(d, in: folder) }
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: folder.path + "/Sharded", shards: 2)).run()
    let stub = folder.write("archive.stub", "auto Sharded\n")
    let response = try search(stub, "pourparlers", limit: 3)
    #expect(response.total == all.filter(\.matches).count)
    #expect(response.months == Self.expected(all))
  }

  @Test func countsFollowTheIndexAfterARefresh() throws {
    let folder = TemporaryFolder()
    var all = Self.dispatches(count: 60, seed: 7)
    for d in all { Self.write(d, in: folder) }
    let index = folder.path + "/Index"
    let options = IndexOptions(paths: [folder.path + "/in"], indexPath: index, compact: false)
    _ = try Indexer(options: options).run()
    let open = try SearchIndex(paths: [index])
    let request = SearchRequest(query: "pourparlers", limit: 3)
    #expect(try open.search(request).months == Self.expected(all))

    // Remove a third of the files, add new ones in other months, index again, refresh.
    for d in all.prefix(20) { try FileManager.default.removeItem(atPath: folder.path + "/in/" + d.name) }
    all.removeFirst(20)
    let added = Self.dispatches(count: 40, seed: 8).map { (name: "new-" + $0.name, month: $0.month, matches: $0.matches) }
    for d in added { Self.write(d, in: folder) }
    all += added
    _ = try Indexer(options: options).run()
    try open.refresh()
    let response = try open.search(request)
    #expect(response.total == all.filter(\.matches).count)
    #expect(response.months == Self.expected(all))
  }
}
