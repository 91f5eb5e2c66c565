import Foundation
import Testing
@testable import DepechesKit

/// The walk's compact file list: the order, repeats, lookups and names that are not UTF-8,
/// against the plain sorted list of paths; and the removal of missing files a page of
/// remembered files at a time.
@Suite struct FileListTests {
  /// A list made of (folder, name) pairs in the given order, with sizes 0, 1, 2….
  private func list(_ entries: [(String, [UInt8])]) -> FileList {
    var list = FileList(workingDirectory: "/nowhere")
    for (i, (folder, name)) in entries.enumerated() {
      list.append(folder: PathBytes(folder), name: name, size: i, modificationTime: Int64(i))
    }
    list.sort()
    return list
  }

  @Test func sortsByPathBytesAcrossFoldersAndDropsRepeats() {
    let entries: [(String, [UInt8])] = [
      ("/a/b", Array("z.txt".utf8)), ("/a", Array("b.txt".utf8)), ("/a/b", Array("a.txt".utf8)),
      ("/a/b", Array("z.txt".utf8)), ("/a/bc", Array("a.txt".utf8)), ("/", Array("top.txt".utf8)),
      ("/a", Array("b".utf8) + [0x2D]), ("/a/b", Array("é.txt".utf8)),
    ]
    let made = list(entries)
    let expected = Set(entries.map { $0.0 == "/" ? "/" + String(decoding: $0.1, as: UTF8.self) : $0.0 + "/" + String(decoding: $0.1, as: UTF8.self) })
      .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    #expect((0..<made.count).map { made.file(at: $0).absolutePath } == expected)
    #expect(made.count == entries.count - 1)
    for path in expected { #expect(made.contains(absolutePath: path)) }
    for path in ["/a/b/y.txt", "/a/b", "/a/b/z.txt2", "/top.txt/", ""] { #expect(!made.contains(absolutePath: path)) }
  }

  @Test func sizesAndTimesFollowTheirFiles() {
    let made = list([("/d", Array("c".utf8)), ("/d", Array("a".utf8)), ("/d", Array("b".utf8))])
    #expect((0..<3).map { made.file(at: $0).absolutePath } == ["/d/a", "/d/b", "/d/c"])
    #expect((0..<3).map { made.size(at: $0) } == [1, 2, 0])
    #expect((0..<3).map { made.file(at: $0).modificationTime } == [1, 2, 0])
  }

  @Test func aNameThatIsNotUTF8IsFoundByItsEscapedForm() throws {
    let made = list([("/d", [0x63, 0x61, 0x66, 0xE9]), ("/d", Array("b".utf8))])
    let odd = try #require((0..<made.count).map(made.file(at:)).first { $0.pathBytes != nil })
    #expect(odd.absolutePath == "/d/caf\\xE9")
    #expect(odd.pathBytes == Array("/d/".utf8) + [0x63, 0x61, 0x66, 0xE9])
    #expect(made.contains(absolutePath: "/d/caf\\xE9"))
    #expect(made.contains(absolutePath: "/d/b"))
  }

  @Test func missingFilesAreRemovedAPageOfRememberedFilesAtATime() throws {
    let folder = TemporaryFolder()
    for i in 0..<7 { folder.write("in/\(i).txt", "Dépêche \(i)\n\nLe cessez-le-feu tient à Erevan, dit l'agence, jour \(i).") }
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let gone = ["1", "4", "5"].map { FileWalker.absolute(folder.path + "/in/\($0).txt", from: "/") }
    let writer = BatchWriter(db: try IndexLocation.openForWriting(index), indexPath: index, batchSize: 1)
    let root = FileWalker.absolute(folder.path + "/in", from: "/")
    let reports = try writer.removeMissing(seen: { !gone.contains($0) }, roots: [root], keysPerPage: 2)
    try writer.commit()
    #expect(reports.count == 3)
    #expect(reports.allSatisfy { $0.outcome == .removed })
    #expect(try search(index, "cessez-le-feu").total == 4)
  }
}
