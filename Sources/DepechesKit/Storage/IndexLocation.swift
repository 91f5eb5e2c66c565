import Foundation

/// Where an index lives on disk, and the checks made before reading or writing it.
public enum IndexLocation {
  /// The path without trailing slashes ("Index/" → "Index"), so that files written beside
  /// the index ("Index.depeches-parts", "Index.compacting") land beside it, not inside.
  public static func normalized(_ path: String) -> String {
    var path = Substring(path)
    while path.count > 1 && path.hasSuffix("/") { path = path.dropLast() }
    return String(path)
  }

  /// True when `path` holds a Xapian database (a glass folder or a folder with a stub file).
  public static func holdsDatabase(_ path: String) -> Bool {
    let fm = FileManager.default
    return fm.fileExists(atPath: path + "/iamglass") || fm.fileExists(atPath: path + "/XAPIANDB")
  }

  /// Files that may sit in an index folder besides the database.
  /// (Compaction copies them into the compacted folder: the saved searches travel with it.)
  static let allowedStrangers: Set<String> = ["README.md", ".gitignore", ".DS_Store", Schema.watchesFileName]

  /// Opens the index for writing, creating it if needed; refuses to write into a folder that
  /// holds other files, and turns Xapian's failures into messages naming the folder.
  /// An existing database is checked first when its last writer did not end cleanly, or
  /// always with `fullCheck` (see `IndexHealth`), and refused when damaged.
  /// A `scratch` database (a temporary part) is written in place without syncing.
  static func openForWriting(_ path: String, scratch: Bool = false, fullCheck: Bool = false) throws -> XapianWritable {
    try checkWritableFolder(path)
    let existed = FileManager.default.fileExists(atPath: path + "/iamglass")
    let writer: XapianWritable
    do {
      writer = try XapianWritable(path: path, create: true, scratch: scratch)
    } catch let error as DepechesError {
      throw mapWriteError(error, path: path)
    }
    guard !scratch else { return writer }
    if existed { try IndexHealth.verifyBeforeWriting(path, full: fullCheck) }
    writer.onCleanClose = IndexHealth.markClean
    return writer
  }

  /// Refuses a path that is a file, or a folder holding other files and no index.
  @discardableResult
  static func checkWritableFolder(_ path: String) throws -> String {
    let fm = FileManager.default
    var isDirectory: ObjCBool = false
    if fm.fileExists(atPath: path, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else {
        throw DepechesError.invalidArgument("\(path) is a file, not an index folder")
      }
      if !holdsDatabase(path) {
        // Xapian's own files: another writer creating the database now (it will hold the
        // lock, which then says so), or a creation that was cut short.
        let strangers = ((try? fm.contentsOfDirectory(atPath: path)) ?? []).filter {
          !allowedStrangers.contains($0) && !isXapianFile($0)
        }
        if !strangers.isEmpty {
          throw DepechesError.invalidArgument(
            "refusing to create an index in \(path): the folder is not empty and holds no index")
        }
      }
    }
    return path
  }

  /// True for the names of the files Xapian writes in a glass database folder.
  static func isXapianFile(_ name: String) -> Bool {
    name == "flintlock" || name.hasPrefix("iamglass") || name.hasSuffix(".glass") || name == Schema.cleanMarkName
  }

  /// Gives a write failure its user-facing form.
  static func mapWriteError(_ error: DepechesError, path: String) -> DepechesError {
    guard case .xapian(let kind, let message) = error else { return error }
    switch kind {
    case .lock where message.contains("ermission") || message.contains("Read-only"):
      return .indexWriteFailed(path: path, message: message)
    case .lock: return .indexLocked(path: path)
    case .diskFull:
      return .indexWriteFailed(
        path: path,
        message: "the disk is full (\(message)); nothing was lost: the index is as its last commit left it. Free some space and run again")
    case .corrupt: return .indexWriteFailed(path: path, message: IndexHealth.damagedMessage(path, message))
    case .opening, .database, .std: return .indexWriteFailed(path: path, message: message)
    default: return error
    }
  }
}
