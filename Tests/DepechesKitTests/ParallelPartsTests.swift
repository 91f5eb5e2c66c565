import Foundation
import Testing
@testable import DepechesKit

/// A first run written in parallel parts and merged must be the same index as one writer's.
@Suite struct ParallelPartsTests {
  let queries = [
    "Bayraktar", "cessez le feu", "\"cessez le feu\"", "Arménie", "négociations", "drone*",
    "Erevan OR Bakou", "russie -ukraine", "Choïgou",
  ]

  private func options(_ index: String, workers: Int, batchSize: Int = IndexOptions.defaultBatchSize) -> IndexOptions {
    IndexOptions(
      paths: [packageRoot + "/seeds"], indexPath: index, batchSize: batchSize, workers: workers, parallelMinBytes: 0)
  }

  /// Everything a query answers, ranking ties aside (docids differ between the two layouts).
  private func answer(_ index: String, _ query: String) throws -> String {
    let response = try SearchIndex(paths: [index]).search(SearchRequest(query: query, limit: 1000))
    let hits = response.hits.map { "\($0.dispatch.id) \($0.snippet.text) \($0.snippet.highlights)" }.sorted()
    let months = response.months.map { "\($0.month ?? "none")=\($0.count)" }
    return "\(response.total) \(months) \(response.suggestion ?? "-")\n" + hits.joined(separator: "\n")
  }

  /// With small batches, parts commit many times and carry their spelling counts to the end.
  @Test(arguments: [IndexOptions.defaultBatchSize, 3])
  func partsMergedGiveTheSameIndexAsOneWriter(batchSize: Int) throws {
    let folder = TemporaryFolder()
    let single = try Indexer(options: options(folder.path + "/One", workers: 1)).run()
    let parallel = try Indexer(options: options(folder.path + "/Two", workers: 2, batchSize: batchSize)).run()
    #expect(single.dispatches == parallel.dispatches && parallel.dispatches > 50)
    #expect(parallel.compacted)
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/Two" + ParallelParts.folderSuffix))
    for query in queries + ["Bayraktr", "négociatoins"] {
      #expect(try answer(folder.path + "/One", query) == answer(folder.path + "/Two", query), "\(query)")
    }
    let stats = try SearchIndex(paths: [folder.path + "/Two"]).stats()
    #expect(stats.dispatches == parallel.dispatches && stats.shards == 1)
    let again = try Indexer(options: options(folder.path + "/Two", workers: 2)).run()
    #expect(again.unchanged == again.files - again.skipped.count && again.added == 0)
  }

  /// A part's deferred spelling counts, written a few words per commit at its end, give the
  /// suggestions that counts written with every batch give.
  @Test func deferredSpellingsWrittenInSlicesSuggestAsSpellingsWrittenWithTheirBatch() throws {
    let folder = TemporaryFolder()
    let files = try FileWalker.files(under: [packageRoot + "/seeds"])
    let preparer = FilePreparer(maxFileSize: DocumentReader.defaultMaxFileSize, force: false)
    for (name, defers) in [("Batch", false), ("Slices", true)] {
      let path = folder.path + "/" + name
      let writer = BatchWriter(
        db: try IndexLocation.openForWriting(path), indexPath: path, batchSize: 4, defersSpellings: defers, spellingsPerCommit: 7)
      try writer.prepareSchema(synonyms: SynonymTable.builtIn)
      for file in files { _ = try writer.write(preparer.prepare(file, previous: nil)) }
      try writer.commit()
    }
    let typos = ["Bayraktr", "négociatoins", "Arménei", "Erevna", "cesez", "bombardemnet", "Azerbaïdjan", "frontiere"]
    let suggested = try typos.map { try SearchIndex(paths: [folder.path + "/Slices"]).search(SearchRequest(query: $0)).suggestion }
    #expect(suggested.compactMap { $0 }.count >= 4, "\(suggested)")
    #expect(try typos.map { try SearchIndex(paths: [folder.path + "/Batch"]).search(SearchRequest(query: $0)).suggestion } == suggested)
  }

  @Test(arguments: [1, 2])
  func aTrailingSlashStillWritesBesideTheIndex(workers: Int) throws {
    let folder = TemporaryFolder()
    let summary = try Indexer(options: options(folder.path + "/Index/", workers: workers)).run()
    #expect(summary.compacted)
    let inside = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/Index")
    #expect(inside.allSatisfy { !$0.hasPrefix(".") }, "\(inside)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["Index"])
  }

  @Test func leftoversOfAKilledRunAreRemoved() throws {
    let folder = TemporaryFolder()
    let index = folder.path + "/Index"
    folder.write("Index" + ParallelParts.folderSuffix + "/part-0/stale", "left by a killed run")
    _ = try Indexer(options: options(index, workers: 2)).run()
    #expect(!FileManager.default.fileExists(atPath: index + ParallelParts.folderSuffix))
    #expect(try search(index, "Bayraktar").total > 0)
  }

  @Test func aFolderOfTheSameNameThatIsNotOursIsLeftAlone() throws {
    let folder = TemporaryFolder()
    let mine = folder.write("Index" + ParallelParts.folderSuffix + "/notes.txt", "my notes")
    #expect(throws: DepechesError.self) { try Indexer(options: options(folder.path + "/Index", workers: 2)).run() }
    #expect(FileManager.default.contents(atPath: mine) == Data("my notes".utf8))
  }

  @Test func aCancelledRunKeepsWhatItWrote() throws {
    let folder = TemporaryFolder()
    let index = folder.path + "/Index"
    var seen = 0
    let summary = try Indexer(options: options(index, workers: 2)).run(onFile: { _ in seen += 1 }, isCancelled: { seen >= 5 })
    #expect(summary.interrupted)
    #expect(summary.added >= 5 && summary.added < summary.files)
    #expect(try SearchIndex(paths: [index]).stats().dispatches == summary.dispatches)
    #expect(!FileManager.default.fileExists(atPath: index + ParallelParts.folderSuffix))
    let rest = try Indexer(options: options(index, workers: 2)).run()
    #expect(rest.added == summary.files - summary.added - rest.skipped.count)
  }
}
