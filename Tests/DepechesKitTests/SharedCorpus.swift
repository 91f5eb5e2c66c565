import Foundation

/// The shared French corpora beside the package (`../shared/corpus/NAME`), found from this
/// file's path rather than the working directory. A test that needs one is disabled, with the
/// reason, when it is absent: `.enabled(if: SharedCorpus.isPresent(name), "…")`.
enum SharedCorpus {
  /// The folder of corpus `name`, present or not.
  static func folder(_ name: String) -> String {
    URL(fileURLWithPath: packageRoot).deletingLastPathComponent()
      .appendingPathComponent("shared/corpus/" + name).path
  }

  /// True when corpus `name` is a folder beside the package.
  static func isPresent(_ name: String) -> Bool {
    var isFolder: ObjCBool = false
    return FileManager.default.fileExists(atPath: folder(name), isDirectory: &isFolder) && isFolder.boolValue
  }

  /// At most `count` of the corpus' `.txt` files, sorted by path and evenly spread over it.
  static func textFiles(_ name: String, atMost count: Int) -> [URL] {
    let root = URL(fileURLWithPath: folder(name))
    let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
    let files = (walker?.compactMap { $0 as? URL } ?? []).filter { $0.pathExtension == "txt" }
      .sorted { $0.path < $1.path }
    guard files.count > count else { return files }
    return (0..<count).map { files[$0 * files.count / count] }
  }
}
