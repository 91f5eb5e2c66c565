import Foundation
import Testing
@testable import DepechesKit

/// The indexer reads each file once, through `DocumentReader.load` (`FileBytes`), and skips
/// with the reader's own reasons.
@Suite struct FilePreparerTests {
  private func found(_ path: String, size: Int) -> FoundFile {
    FoundFile(absolutePath: path, displayPath: (path as NSString).lastPathComponent, size: size, modificationTime: 1)
  }

  /// The skip reason, whether the file was left out or could not be read (then the index
  /// keeps what it holds of it).
  private func reason(_ prepared: PreparedFile) -> String? {
    switch prepared.outcome {
    case .skipped(let reason), .unreadable(let reason): return reason
    default: return nil
    }
  }

  @Test func skipReasonsAreTheDocumentReadersOwn() throws {
    let folder = TemporaryFolder()
    let text = "Titre\n\nLes négociations ont repris à Erevan."
    let cases = [
      folder.write("long.txt", text),
      folder.write("image.png", text),
      folder.write("binaire.txt", bytes: [0, 159, 146, 150, 0, 1, 2, 3]),
      folder.path + "/absent.md",
    ]
    let limit = 20
    let preparer = FilePreparer(maxFileSize: limit, force: false)
    let reader = DocumentReader(maxFileSize: limit)
    for path in cases {
      guard case .skipped(let expected) = reader.read(absolutePath: path, displayPath: "x") else {
        Issue.record("read: \(path)")
        continue
      }
      #expect(reason(preparer.prepare(found(path, size: 8), previous: nil)) == expected, "\(path)")
    }
  }

  @Test func aPipeIsSkippedWithoutWaitingForAWriter() throws {
    let folder = TemporaryFolder()
    let fifo = folder.path + "/tube.txt"
    try #require(mkfifo(fifo, 0o600) == 0)
    let prepared = FilePreparer(maxFileSize: 1_000, force: false).prepare(found(fifo, size: 0), previous: nil)
    #expect(reason(prepared) == "unreadable: not a regular file")
  }

  @Test func theStateHashesTheBytesReadAndTheSameBytesAreNotParsedAgain() throws {
    let folder = TemporaryFolder()
    let text = "Titre\n\nLes négociations ont repris à Erevan."
    let path = folder.write("d.txt", text)
    let preparer = FilePreparer(maxFileSize: 1_000, force: false)
    let first = preparer.prepare(found(path, size: text.utf8.count), previous: nil)
    guard case .documents(let built, let state) = first.outcome else {
      Issue.record("not indexed: \(first.outcome)")
      return
    }
    #expect(built.count == 1 && state.hash == FileState.hash(Array(text.utf8)) && state.dispatchCount == 1)
    let again = preparer.prepare(found(path, size: text.utf8.count), previous: state)
    guard case .sameContent(let same) = again.outcome else {
      Issue.record("parsed again: \(again.outcome)")
      return
    }
    #expect(same.hash == state.hash)
  }
}
