import Foundation
import Testing
@testable import DepechesKit

/// A batch commits when it is full (files, bytes) and, when it writes its spelling counts with
/// its dispatches, once they brought `BatchWriter.maxNewWordsPerCommit` words new to the
/// database: Xapian holds every new word's n-grams until the commit. On a real database, as a
/// reader sees it.
@Suite struct BatchCommitTests {
  /// `count` distinct invented words (letters only, none a stop word).
  static func inventedWords(_ count: Int) -> [String] {
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    return (0..<count).map { n in
      var word = "vz", rest = n
      for _ in 0..<3 {
        word.append(letters[rest % 26])
        rest /= 26
      }
      return word
    }
  }

  /// Dispatches committed in the database at `path`, as a reader sees them.
  static func committed(_ path: String) throws -> Int {
    let db = try XapianDatabase()
    try db.addLocal(path: path)
    return try db.documentCount()
  }

  @Test func aBatchOfManyNewWordsCommitsBeforeItIsFull() throws {
    let folder = TemporaryFolder()
    let words = Self.inventedWords(BatchWriter.maxNewWordsPerCommit + 500)
    let paragraph = { (words: ArraySlice<String>) in words.joined(separator: " ") + "." }
    folder.write("in/few.txt", "Quelques mots\n\nLes négociations ont repris à Erevan.")
    folder.write("in/many.txt", "Beaucoup de mots\n\n" + paragraph(words[...]))
    folder.write("in/again.txt", "Les mêmes mots\n\n" + paragraph(words[...]))
    let path = folder.path + "/db"
    let writer = BatchWriter(db: try IndexLocation.openForWriting(path), indexPath: path, batchSize: 1_000)
    let preparer = FilePreparer(maxFileSize: DocumentReader.defaultMaxFileSize, force: false)
    let files = Dictionary(uniqueKeysWithValues: try FileWalker.files(under: [folder.path + "/in"]).map {
      (($0.absolutePath as NSString).lastPathComponent, $0)
    })
    for name in ["few.txt", "many.txt", "again.txt"] {
      _ = try writer.write(preparer.prepare(files[name]!, previous: nil))
      let expected = name == "few.txt" ? 0 : 2   // `again` brings no new word: it waits for the batch
      #expect(try Self.committed(path) == expected, "committed after \(name)")
    }
    try writer.commit()
    #expect(try Self.committed(path) == 3)
  }
}
