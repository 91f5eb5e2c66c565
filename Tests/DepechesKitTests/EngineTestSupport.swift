import Foundation
@testable import DepechesKit

/// A temporary folder removed when the value is released.
final class TemporaryFolder: Sendable {
  let path: String

  init() {
    path = NSTemporaryDirectory() + "depeches-test-" + UUID().uuidString
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  /// Writes a file (creating folders) and returns its path.
  @discardableResult
  func write(_ name: String, _ text: String) -> String {
    write(name, bytes: Array(text.utf8))
  }

  @discardableResult
  func write(_ name: String, bytes: [UInt8]) -> String {
    let full = path + "/" + name
    try! FileManager.default.createDirectory(
      atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    precondition(FileManager.default.createFile(atPath: full, contents: Data(bytes)), "cannot write \(full)")
    return full
  }
}

/// The package's root folder (for seeds/).
let packageRoot: String = {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().path
}()

/// Indexes `paths` into a new index inside `folder` and returns the index path.
@discardableResult
func buildIndex(_ paths: [String], in folder: TemporaryFolder, name: String = "Index", force: Bool = false) throws -> (String, IndexSummary) {
  let index = folder.path + "/" + name
  let summary = try Indexer(options: IndexOptions(paths: paths, indexPath: index, force: force)).run()
  return (index, summary)
}

/// Searches an index.
func search(_ index: String, _ query: String, limit: Int = 10, since: String? = nil, until: String? = nil) throws -> SearchResponse {
  try SearchIndex(paths: [index]).search(
    SearchRequest(query: query, limit: limit, since: since.flatMap(DispatchDate.init(iso:)), until: until.flatMap(DispatchDate.init(iso:))))
}

extension Snippet {
  /// The highlighted pieces of text.
  var highlightedTexts: [String] {
    let scalars = Array(text.unicodeScalars)
    return highlights.map { String(String.UnicodeScalarView(scalars[$0])) }
  }
}
