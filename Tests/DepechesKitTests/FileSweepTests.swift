import Foundation
import Testing
@testable import DepechesKit

/// The sweep that sets the walked files against the remembered ones: which are unchanged,
/// which to read (with their remembered state) and which are missing, a page of states at a
/// time, over one database and over shards, against the definition (each listed file's state
/// looked up by its key).
@Suite struct FileSweepTests {
  /// Indexes 9 files under `in/` (3 in `in/sub/`) and 2 under `other/`, then removes 3 of
  /// `in/`, changes one, adds one.
  private func changedTree(shards: Int? = nil) throws -> (TemporaryFolder, String) {
    let folder = TemporaryFolder()
    for i in 0..<6 { folder.write("in/\(i).txt", "Dépêche \(i)\n\nLe cessez-le-feu tient à Erevan, jour \(i).") }
    for i in 0..<3 { folder.write("in/sub/\(i).txt", "Sous-dossier \(i)\n\nLa trêve tient, jour \(i).") }
    for i in 0..<2 { folder.write("other/\(i).txt", "Ailleurs \(i)\n\nRien à signaler, jour \(i).") }
    let index = folder.path + "/Index"
    _ = try Indexer(options: IndexOptions(paths: [folder.path + "/in", folder.path + "/other"], indexPath: index, shards: shards)).run()
    for gone in ["in/1.txt", "in/4.txt", "in/sub/2.txt"] { try FileManager.default.removeItem(atPath: folder.path + "/" + gone) }
    folder.write("in/0.txt", "Dépêche 0, corrigée\n\nLe cessez-le-feu est rompu à Erevan, dit l'agence.")
    folder.write("in/new.txt", "Nouvelle\n\nUne dépêche de plus sur le cessez-le-feu.")
    return (folder, index)
  }

  /// The index's layout and its databases, open for writing (locked until released).
  private func writers(_ index: String) throws -> (IndexLayout, [BatchWriter]) {
    let layout = try IndexLayout.resolve(index, requested: nil)
    let writers = try layout.shardPaths.map { BatchWriter(db: try IndexLocation.openForWriting($0), indexPath: $0, batchSize: 1) }
    return (layout, writers)
  }

  private func sweep(
    _ root: String, _ opened: (IndexLayout, [BatchWriter]), page: Int, force: Bool = false, unreadable: [String] = []
  ) throws -> (FileSweep, FileList) {
    let files = try FileWalker.listing(under: [root]).fileList
    let sweep = try FileSweep(
      files, databases: opened.1, shard: opened.0.shard(forKeyNumber:), force: force, roots: [root], unreadable: unreadable,
      entriesPerPage: page)
    return (sweep, files)
  }

  private func paths(_ files: FilesToWrite) -> [String] { (0..<files.count).map { files.item(at: $0).file.absolutePath } }

  @Test func aPageOfStatesAtATimeFindsUnchangedChangedNewAndMissing() throws {
    let (folder, index) = try changedTree()
    let root = FileWalker.absolute(folder.path + "/in", from: "/")
    let opened = try writers(index)
    let (sweep, _) = try self.sweep(root, opened, page: 2)
    let writers = opened.1
    #expect(sweep.unchanged == 5)
    #expect(paths(sweep.toRead) == [root + "/0.txt", root + "/new.txt"])
    #expect(sweep.toRead.item(at: 0).previous?.absolutePath == root + "/0.txt")
    #expect(sweep.toRead.item(at: 1).previous == nil)
    // `other/` is remembered but was not walked: not missing.
    #expect(sweep.missing.flatMap { $0.map(\.path) }.sorted() == [root + "/1.txt", root + "/4.txt", root + "/sub/2.txt"])
    let reports = try writers[0].remove(sweep.missing[0])
    try writers[0].commit()
    #expect(reports.map(\.outcome) == [.removed, .removed, .removed])
    #expect(try search(index, "cessez-le-feu").total == 4)
  }

  @Test func overShardsEveryPageSizeAgreesWithLookingEachFileUp() throws {
    let (folder, index) = try changedTree(shards: 3)
    let root = FileWalker.absolute(folder.path + "/in", from: "/")
    let opened = try writers(index)
    let (layout, writers) = opened
    let (whole, files) = try sweep(root, opened, page: 1000)
    var unchanged = 0, toRead: [String] = [], known: [String] = []
    for k in 0..<files.count {
      let file = files.file(at: k)
      let state = try writers[layout.shard(forPath: file.absolutePath)].state(of: file)
      if let state, state.size == file.size, state.modificationTime == file.modificationTime { unchanged += 1; continue }
      toRead.append(file.absolutePath)
      if state != nil { known.append(file.absolutePath) }
    }
    #expect(unchanged == 5 && toRead.count == 2 && known.count == 1)
    for page in [1, 2, 3] {
      let (paged, _) = try sweep(root, opened, page: page)
      #expect(paged.unchanged == unchanged)
      #expect(paths(paged.toRead) == toRead)
      #expect((0..<paged.toRead.count).compactMap { paged.toRead.item(at: $0).previous?.absolutePath } == known)
      #expect(paged.missing == whole.missing)
    }
    #expect(whole.missing.count == 3)
    #expect(whole.missing.flatMap { $0 }.count == 3)
  }

  @Test func whatCouldNotBeReadIsNeverMissingAndForceReadsEverything() throws {
    let (folder, index) = try changedTree()
    let root = FileWalker.absolute(folder.path + "/in", from: "/")
    let opened = try writers(index)
    let (kept, _) = try sweep(root, opened, page: 2, unreadable: [root + "/sub"])
    #expect(Set(kept.missing[0].map(\.path)) == [root + "/1.txt", root + "/4.txt"])
    #expect(kept.missing[0].count == 2)
    let (forced, files) = try sweep(root, opened, page: 2, force: true)
    #expect(forced.unchanged == 0)
    #expect(forced.toRead.count == files.count)
    #expect((0..<forced.toRead.count).filter { forced.toRead.item(at: $0).previous != nil }.count == files.count - 1)
  }
}
