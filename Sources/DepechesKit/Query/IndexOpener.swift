import Foundation

/// Adds an index to a combined database: a folder holding a database (or a XAPIANDB stub), or
/// a Xapian stub file; says where it looked when there is nothing there.
enum IndexOpener {
  static func add(_ path: String, to db: XapianDatabase) throws {
    var isDirectory: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
    guard exists, !isDirectory.boolValue || IndexLocation.holdsDatabase(path) else {
      throw DepechesError.indexNotFound(path: path)
    }
    do {
      try db.addLocal(path: path)
    } catch DepechesError.xapian(let kind, let message) {
      switch kind {
      case .opening: throw DepechesError.indexNotFound(path: path)
      case .network: throw DepechesError.shardUnavailable(shard: path, message: message)
      default: throw DepechesError.xapian(kind: kind, message: "\(path): \(message)")
      }
    }
  }
}
