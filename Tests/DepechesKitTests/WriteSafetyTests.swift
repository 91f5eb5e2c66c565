import Foundation
import Testing

@testable import DepechesKit

/// A packed document holding one boolean term (the `CXapian.h` document format).
private func packedDocument(term: String) -> [UInt8] {
  var packer = Packer()
  packer.u32(0)  // no data
  packer.u32(0)  // no value
  packer.u32(1)  // one term
  packer.string(term)
  packer.u32(0)  // no extra wdf
  packer.u32(0)  // no position
  return packer.bytes
}

/// Documents in the database at `path`, as a reader sees it.
private func documents(_ path: String) throws -> Int {
  let db = try XapianDatabase()
  try db.addLocal(path: path)
  return try db.documentCount()
}

/// Writers commit whole batches or nothing, leave a clean mark only when they end cleanly, and
/// are never let loose on a damaged database.
@Suite struct WriteSafetyTests {
  /// More documents than Xapian's own commit threshold (10,000 outside a transaction).
  static let pastXapianFlush = 10_050

  @Test func aBatchCutShortByAnErrorLeavesNothingHalfWritten() throws {
    let folder = TemporaryFolder()
    let path = folder.path + "/db"
    do {
      let db = try XapianWritable(path: path, create: true)
      for i in 0..<5 { try db.replace(uniqueTerm: "Qfirst\(i)", packed: packedDocument(term: "x")) }
      try db.commit()
      for i in 0..<Self.pastXapianFlush { try db.replace(uniqueTerm: "Qsecond\(i)", packed: packedDocument(term: "y")) }
      #expect(throws: DepechesError.self) { try db.replace(uniqueTerm: "Qbad", packed: [1, 2, 3]) }
    }
    #expect(try documents(path) == 5)
  }

  @Test func onlyAWriterThatEndsCleanlyMarksTheDatabase() throws {
    let folder = TemporaryFolder()
    let path = folder.path + "/db"
    do {
      let db = try IndexLocation.openForWriting(path)
      try db.setMetadata(key: "k", value: "1")
      try db.commit()
    }
    #expect(IndexHealth.isMarkedClean(path))
    do {
      let db = try IndexLocation.openForWriting(path)
      #expect(!IndexHealth.isMarkedClean(path), "the mark is gone while a writer may change the files")
      try db.setMetadata(key: "k", value: "2")  // never committed
    }
    #expect(!IndexHealth.isMarkedClean(path))
    do {
      let db = try IndexLocation.openForWriting(path)  // checked (sound), then written
      #expect(try db.metadata(key: "k") == "1")
      try db.commit()
    }
    #expect(IndexHealth.isMarkedClean(path))
  }

  @Test func aDamagedDatabaseIsRefusedBeforeAnyWrite() throws {
    let folder = TemporaryFolder()
    let (index, _) = try buildIndex([packageRoot + "/seeds"], in: folder)
    let table = index + "/postlist.glass"
    let size = try #require(try FileManager.default.attributesOfItem(atPath: table)[.size] as? Int)
    try #require(truncate(table, off_t(size / 2 + 100)) == 0)
    let before = try Data(contentsOf: URL(fileURLWithPath: table))
    #expect {
      try IndexLocation.openForWriting(index)
    } throws: { error in
      guard case DepechesError.indexWriteFailed(_, let message) = error else { return false }
      return message.contains("the index is damaged") && message.contains("Rebuild it")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: table)) == before)
  }

  @Test func aFullDiskIsNamedAsSuch() throws {
    let folder = TemporaryFolder()
    let source = folder.path + "/db"
    do {
      let db = try XapianWritable(path: source, create: true)
      for i in 0..<200 { try db.replace(uniqueTerm: "Q\(i)", packed: packedDocument(term: "mot\(i)")) }
      try db.commit()
    }
    // Every table the compaction writes goes to /dev/full, whose writes fail with ENOSPC.
    let destination = folder.path + "/full"
    try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: true)
    for table in ["postlist", "termlist", "docdata", "position", "spelling", "synonym"] {
      try FileManager.default.createSymbolicLink(atPath: destination + "/\(table).glass", withDestinationPath: "/dev/full")
    }
    var thrown: DepechesError?
    do {
      try xapianCompact(sources: [source], destination: destination, multipass: false)
    } catch let error as DepechesError {
      thrown = error
    }
    let error = try #require(thrown)
    guard case .xapian(.diskFull, let message) = error else {
      Issue.record("not a disk-full error: \(error)")
      return
    }
    #expect(message.contains(String(cString: strerror(ENOSPC))))
    #expect(IndexLocation.mapWriteError(error, path: source).description.contains("the disk is full"))
    #expect(IndexLocation.mapWriteError(error, path: source).description.contains("nothing was lost"))
  }

  @Test func aFolderHoldingOnlyXapianFilesIsNotAStranger() throws {
    // Another writer creating the database this instant (or a creation cut short).
    let folder = TemporaryFolder()
    folder.write("New/flintlock", "")
    #expect(throws: Never.self) { try IndexLocation.checkWritableFolder(folder.path + "/New") }
    folder.write("Other/notes.txt", "x")
    #expect(throws: DepechesError.self) { try IndexLocation.checkWritableFolder(folder.path + "/Other") }
  }

  @Test func aKilledRunsPartsAreRemovedByTheNextRun() throws {
    let folder = TemporaryFolder()
    let (index, _) = try buildIndex([packageRoot + "/seeds"], in: folder)
    let parts = index + ParallelParts.folderSuffix
    folder.write("Index\(ParallelParts.folderSuffix)/part-0/postlist.glass", "left by a killed run")
    _ = try Indexer(options: IndexOptions(paths: [packageRoot + "/seeds"], indexPath: index)).run()
    #expect(!FileManager.default.fileExists(atPath: parts))
  }

  @Test func statsForgetTheDatesOfRemovedDispatches() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "Ancienne\n\nParis, le 3 mars 2019. La guerre.\n")
    let newer = folder.write("in/b.txt", "Récente\n\nParis, le 5 mai 2023. La paix.\n")
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    #expect(try SearchIndex(paths: [index]).stats().lastDate?.iso == "2023-05-05")
    try FileManager.default.removeItem(atPath: newer)
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: index)).run()
    let stats = try SearchIndex(paths: [index]).stats()
    #expect(stats.dispatches == 1)
    #expect(stats.firstDate?.iso == "2019-03-03")
    #expect(stats.lastDate?.iso == "2019-03-03")
  }

  @Test func theEngineChecksTheRangesItIsGiven() throws {
    let folder = TemporaryFolder()
    let (index, _) = try buildIndex([packageRoot + "/seeds"], in: folder)
    let searchIndex = try SearchIndex(paths: [index])
    for request in [
      SearchRequest(query: "guerre", limit: -1), SearchRequest(query: "guerre", limit: 10_001),
      SearchRequest(query: "guerre", offset: -1), SearchRequest(query: "guerre", offset: 4_294_967_296),
    ] {
      #expect(throws: DepechesError.self) { try searchIndex.search(request) }
    }
    for timeout in [0, -1, 1e300, .infinity, .nan] {
      #expect(throws: DepechesError.self) { try SearchIndex(paths: [index], options: OpenOptions(timeoutSeconds: timeout)) }
    }
    let counts = try searchIndex.search(SearchRequest(query: "guerre", limit: 0))
    #expect(counts.hits.isEmpty)
    #expect(counts.total > 0)
    #expect(counts.months.reduce(0) { $0 + $1.count } == counts.total)
  }

  @Test func aDatabaseReachedTwiceIsSearchedOnce() throws {
    let folder = TemporaryFolder()
    let (index, _) = try buildIndex([packageRoot + "/seeds"], in: folder)
    let once = try SearchIndex(paths: [index]).search(SearchRequest(query: "guerre")).total
    let twice = try SearchIndex(paths: [index, index + "/"])
    #expect(try twice.search(SearchRequest(query: "guerre")).total == once)
    #expect(twice.warnings.contains { $0.contains("more than once") })
    #expect(try twice.stats().sizeBytes == SearchIndex(paths: [index]).stats().sizeBytes)
  }
}
