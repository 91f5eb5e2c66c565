import Foundation
import Testing
@testable import DepechesKit

/// Index runs as dispatches remember them: what `watch run` shows as "entered since".
@Suite struct IndexRunTests {
  private func options(_ paths: [String], _ index: String, shards: Int? = nil, parallel: Bool = false) -> IndexOptions {
    IndexOptions(paths: paths, indexPath: index, workers: parallel ? 2 : 1, shards: shards, parallelMinBytes: parallel ? 0 : .max)
  }

  private func newPaths(_ index: String, _ search: SavedSearch) throws -> [String] {
    let opened = try SearchIndex(paths: [index])
    let outcome = try opened.newMatches(of: search, completed: try opened.completedRun())
    #expect(outcome.response.total == outcome.response.hits.count)
    return outcome.response.hits.map { ($0.dispatch.path as NSString).lastPathComponent }.sorted()
  }

  private func drones(_ folder: TemporaryFolder, _ name: String, day: Int = 2) {
    folder.write("docs/\(name).txt", "Drones \(name)\n\nLe \(day) mai 2022, des drones survolent la ville \(name).\n")
  }

  @Test func aKilledRunsBatchesAreShownOnceALaterRunCompletes() throws {
    let folder = TemporaryFolder()
    drones(folder, "a")
    let index = folder.path + "/Index"
    _ = try Indexer(options: options([folder.path + "/docs"], index)).run()
    #expect(try SearchIndex(paths: [index]).completedRun() == 1)
    let search = SavedSearch(name: "d", query: "drones", since: nil, source: nil, completed: 1)
    // Run 2 commits one batch, then dies before its last commit.
    let path = folder.write("docs/b.txt", "Drones b\n\nLe 3 mai 2022, des drones kamikazes.\n")
    do {
      let writer = BatchWriter(db: try IndexLocation.openForWriting(index), indexPath: index, batchSize: 1)
      let file = try #require(try FileWalker.files(under: [path]).first)
      let preparer = FilePreparer(maxFileSize: 1 << 20, force: false, run: IndexRun(sequence: 2, time: "2026-01-01T00:00:00Z"))
      _ = try writer.write(preparer.prepare(file, previous: nil))
      try writer.commit()
    }
    let opened = try SearchIndex(paths: [index])
    #expect(try opened.completedRun() == 1)
    #expect(try opened.newMatches(of: search, completed: 1).response.total == 0, "an unfinished run is not shown")
    #expect(try opened.search(SearchRequest(query: "kamikazes")).total == 1, "though its batch is searchable")
    // The next run finds b.txt unchanged, takes number 2 again and completes it.
    let next = try Indexer(options: options([folder.path + "/docs"], index)).run()
    #expect(next.unchanged == 2)
    #expect(try SearchIndex(paths: [index]).completedRun() == 2)
    #expect(try newPaths(index, search) == ["b.txt"], "nothing committed is ever skipped")
  }

  @Test(arguments: [false, true])
  func everyLayoutRecordsTheRuns(parallel: Bool) throws {
    for shards in parallel ? [nil] : [nil, 3] {
      let folder = TemporaryFolder()
      for name in ["a", "b", "c", "d"] { drones(folder, name) }
      let index = folder.path + "/Index"
      _ = try Indexer(options: options([folder.path + "/docs"], index, shards: shards, parallel: parallel)).run()
      let opened = try SearchIndex(paths: [index])
      #expect(try opened.completedRun() == 1)
      var every = SearchRequest(query: "drones", limit: 100)
      every.allVersions = true  // the four dispatches are versions of one text
      let all = try opened.search(every)
      #expect(all.hits.count == 4 && all.hits.allSatisfy { $0.indexedAt != nil })
      let search = SavedSearch(name: "d", query: "drones", since: nil, source: nil, completed: 1)
      for name in ["e", "f", "g"] { drones(folder, name, day: 9) }
      _ = try Indexer(options: options([folder.path + "/docs"], index, shards: shards)).run()
      #expect(try newPaths(index, search) == ["e.txt", "f.txt", "g.txt"], "shards: \(shards ?? 1)")
      _ = try Compactor.compact(indexPath: shards == nil ? index : index + "/shard-01")
      #expect(try SearchIndex(paths: [index]).completedRun() == 2, "compaction keeps the run")
    }
  }

  @Test func theRunTimeIsRFC3339() {
    #expect(IndexRun.timeText(Date(timeIntervalSince1970: 1_700_000_000)) == "2023-11-14T22:13:20Z")
    #expect(Schema.runValue(42) == "000000000042" && Schema.runValue(7) < Schema.runValue(10))
    #expect(IndexRun.next(after: [3, 5, 4]).sequence == 6 && IndexRun.next(after: []).sequence == 1)
  }
}
