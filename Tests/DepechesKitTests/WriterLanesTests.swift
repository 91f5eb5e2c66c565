import Foundation
import Testing
@testable import DepechesKit

/// The indexer's scheduler on real files and real Xapian databases: each policy's assignment
/// and order, who commits, cancellation and failure.
@Suite struct WriterLanesTests {
  /// `count` dispatches of different sizes (file i holds i + 1 paragraphs) in a folder.
  private func corpus(_ folder: TemporaryFolder, count: Int) throws -> [WriterLanes.Item] {
    let paragraph = "Les négociations sur le cessez-le-feu ont repris à Erevan, selon l'agence.\n\n"
    for i in 0..<count {
      folder.write("corpus/\(i).txt", "Dépêche \(i)\n\n" + String(repeating: paragraph, count: i % 37 + 1))
    }
    return try FileWalker.files(under: [folder.path + "/corpus"]).map { ($0, nil) }
  }

  /// One database per lane in the folder, written by a writer committing every `batchSize` files.
  private func writers(_ folder: TemporaryFolder, count: Int, batchSize: Int = 1_000) throws -> [BatchWriter] {
    try (0..<count).map {
      let path = folder.path + "/db-\($0)"
      return BatchWriter(db: try IndexLocation.openForWriting(path), indexPath: path, batchSize: batchSize)
    }
  }

  /// Dispatches committed in lane `i`'s database, as a reader sees them.
  private func committed(_ folder: TemporaryFolder, _ i: Int) throws -> Int {
    let db = try XapianDatabase()
    try db.addLocal(path: folder.path + "/db-\(i)")
    return try db.documentCount()
  }

  private func run(
    _ lanes: WriterLanes, _ items: [WriterLanes.Item], cancelAfter: Int = .max
  ) throws -> (reports: [(FoundFile, FileReport)], interrupted: Bool, seenAtCancel: Int?) {
    var reports: [(FoundFile, FileReport)] = []
    var seenAtCancel: Int?
    let interrupted = try lanes.run(items, onReport: { reports.append(($0, $1)) }) {
      if seenAtCancel == nil && reports.count >= cancelAfter { seenAtCancel = reports.count }
      return seenAtCancel != nil
    }
    return (reports, interrupted, seenAtCancel)
  }

  private let preparer = FilePreparer(maxFileSize: DocumentReader.defaultMaxFileSize, force: false)

  @Test func nextFreeTakesTheLargestFileFirst() throws {
    let folder = TemporaryFolder()
    let items = try corpus(folder, count: 60)
    let lanes = WriterLanes(writers: try writers(folder, count: 1), preparer: preparer, policy: .nextFree)
    let (reports, interrupted, _) = try run(lanes, items)
    #expect(!interrupted)
    let sizes = reports.map(\.0.size)
    #expect(sizes == items.map(\.file.size).sorted(by: >))
  }

  @Test func nextFreeWritesEveryFileOnceAndEachLaneCommitsItsPart() throws {
    let folder = TemporaryFolder()
    let items = try corpus(folder, count: 120)
    let writers = try writers(folder, count: 3)
    let (reports, interrupted, _) = try run(WriterLanes(writers: writers, preparer: preparer, policy: .nextFree), items)
    #expect(!interrupted)
    #expect(reports.map(\.0.absolutePath).sorted() == items.map(\.file.absolutePath).sorted())
    for item in items {
      let holders = try writers.filter { try $0.state(of: item.file) != nil }
      #expect(holders.count == 1, "\(item.file.displayPath)")
    }
    // Committed by the lanes themselves: a reader sees every dispatch before anyone else commits.
    let total = try (0..<3).reduce(0) { try $0 + committed(folder, $1) }
    #expect(total == items.count)
  }

  @Test(arguments: [1, 3])
  func byPathWritesEachFileOnItsLaneInOrder(laneCount: Int) throws {
    let folder = TemporaryFolder()
    // More files than the queue holds, so that workers wait for room.
    let items = try corpus(folder, count: WriterLanes.queueFileLimit + 150)
    let layout = IndexLayout(path: folder.path, shardPaths: (0..<laneCount).map { folder.path + "/db-\($0)" })
    let writers = try writers(folder, count: laneCount)
    let policy = WriterLanes.Policy.byPath(workers: 2) { layout.shard(forPath: $0) }
    let (reports, interrupted, _) = try run(WriterLanes(writers: writers, preparer: preparer, policy: policy), items)
    #expect(!interrupted)
    #expect(reports.count == items.count)
    for lane in 0..<laneCount {
      let expected = items.map(\.file.absolutePath).filter { layout.shard(forPath: $0) == lane }
      let written = reports.map(\.0.absolutePath).filter { layout.shard(forPath: $0) == lane }
      #expect(written == expected, "lane \(lane)")
      for path in expected {
        let file = try #require(items.first { $0.file.absolutePath == path }).file
        #expect(try writers[lane].state(of: file) != nil)
      }
      // The last commit is the caller's (after removing missing files): nothing committed yet.
      #expect(try committed(folder, lane) == 0)
    }
    #expect(laneCount == 1 || Set(reports.map { layout.shard(forPath: $0.0.absolutePath) }).count == laneCount)
  }

  @Test(arguments: [true, false])
  func cancellingStopsEveryLaneAfterTheFileInHand(nextFree: Bool) throws {
    let folder = TemporaryFolder()
    let items = try corpus(folder, count: 400)
    let laneCount = 2
    let policy: WriterLanes.Policy = nextFree ? .nextFree : .byPath(workers: 2) { $0.hasSuffix("0.txt") ? 0 : 1 }
    let lanes = WriterLanes(writers: try writers(folder, count: laneCount), preparer: preparer, policy: policy)
    let (reports, interrupted, seen) = try run(lanes, items, cancelAfter: 3)
    let seenAtCancel = try #require(seen)
    #expect(interrupted)
    // After the caller said stop, each lane finishes at most the file it held.
    #expect(reports.count >= seenAtCancel && reports.count <= seenAtCancel + laneCount)
    #expect(reports.count < items.count)
  }

  @Test func cancelledBeforeTheStartWritesNothing() throws {
    let folder = TemporaryFolder()
    let items = try corpus(folder, count: 10)
    let lanes = WriterLanes(writers: try writers(folder, count: 2), preparer: preparer, policy: .nextFree)
    let (reports, interrupted, _) = try run(lanes, items, cancelAfter: 0)
    #expect(interrupted && reports.isEmpty)
  }

  @Test(arguments: [true, false])
  func aFailingLaneStopsTheOthersAndItsErrorIsThrown(nextFree: Bool) throws {
    let folder = TemporaryFolder()
    let items = try corpus(folder, count: 300)
    // Every file is committed at once; lane 1's database vanishes, so its first commit fails.
    let writers = try writers(folder, count: 2, batchSize: 1)
    try FileManager.default.removeItem(atPath: folder.path + "/db-1")
    let policy: WriterLanes.Policy = nextFree ? .nextFree : .byPath(workers: 2) { $0.hasSuffix("0.txt") ? 0 : 1 }
    let lanes = WriterLanes(writers: writers, preparer: preparer, policy: policy)
    var reports: [FileReport] = []
    #expect(throws: DepechesError.self) {
      _ = try lanes.run(items, onReport: { reports.append($1) }, isCancelled: { false })
    }
    #expect(reports.count < items.count)
  }
}
