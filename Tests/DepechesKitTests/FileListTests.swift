import Foundation
import Testing
@testable import DepechesKit

/// The walk's compact file list: the order, repeats and names that are not UTF-8, against the
/// plain sorted list of paths.
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
    #expect((0..<made.count).map(made.absolutePath(at:)) == expected)
    #expect(made.count == entries.count - 1)
  }

  @Test func sizesAndTimesFollowTheirFiles() {
    let made = list([("/d", Array("c".utf8)), ("/d", Array("a".utf8)), ("/d", Array("b".utf8))])
    #expect((0..<3).map { made.file(at: $0).absolutePath } == ["/d/a", "/d/b", "/d/c"])
    #expect((0..<3).map { made.size(at: $0) } == [1, 2, 0])
    #expect((0..<3).map { made.file(at: $0).modificationTime } == [1, 2, 0])
    #expect((0..<3).map { made.modificationTime(at: $0) } == [1, 2, 0])
  }

  @Test func aNameThatIsNotUTF8IsFoundByItsEscapedForm() throws {
    let made = list([("/d", [0x63, 0x61, 0x66, 0xE9]), ("/d", Array("b".utf8))])
    let odd = try #require((0..<made.count).map(made.file(at:)).first { $0.pathBytes != nil })
    #expect(odd.absolutePath == "/d/caf\\xE9")
    #expect(odd.pathBytes == Array("/d/".utf8) + [0x63, 0x61, 0x66, 0xE9])
    #expect((0..<made.count).map(made.absolutePath(at:)) == ["/d/b", "/d/caf\\xE9"])
  }

  /// Folders that are prefixes of one another, names with bytes below and above "/": the
  /// comparison that walks past a shorter folder must order the paths as their bytes do.
  @Test func randomFoldersAndNamesSortAsTheirWholePaths() {
    var generator = SeededGenerator(seed: 11)
    let pieces = ["a", "b", "a-", "a.", "a0", "é", "ab"]
    func piece() -> String { pieces[Int(generator.next() % UInt64(pieces.count))] }
    var entries: [(String, [UInt8])] = []
    for _ in 0..<400 {
      let depth = Int(generator.next() % 4)
      let folder = "/" + (0..<depth).map { _ in piece() }.joined(separator: "/")
      entries.append((folder, Array(piece().utf8)))
    }
    let made = list(entries)
    let expected = Set(entries.map { ($0.0 == "/" ? "/" : $0.0 + "/") + String(decoding: $0.1, as: UTF8.self) })
      .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    #expect((0..<made.count).map(made.absolutePath(at:)) == expected)
  }
}
