/// What the index remembers of each file it has read, stored as Xapian metadata in the same
/// commit as the file's documents: a re-run compares size and time (no read), then the hash.
struct FileState: Equatable {
  var absolutePath: String
  var size: Int
  var modificationTime: Int64
  /// FNV-1a 64 of the file's bytes.
  var hash: UInt64
  /// Dispatches indexed from it (0 when it was skipped).
  var dispatchCount: Int

  /// The metadata key of a file (a hash: paths can be longer than Xapian keys may be).
  static func key(forPath absolutePath: String) -> String {
    Schema.fileStatePrefix + fileKey(absolutePath)
  }

  /// The hash naming a file in keys and in its `XF` term.
  static func fileKey(_ absolutePath: String) -> String { Dispatch.makeID(absolutePath: absolutePath) }

  /// The boolean term carried by every dispatch of the file.
  static func term(forPath absolutePath: String) -> String { Schema.filePrefix + fileKey(absolutePath) }

  var encoded: String { "\(size)\t\(modificationTime)\t\(String(hash, radix: 16))\t\(dispatchCount)\t\(absolutePath)" }

  init(absolutePath: String, size: Int, modificationTime: Int64, hash: UInt64, dispatchCount: Int) {
    self.absolutePath = absolutePath
    self.size = size
    self.modificationTime = modificationTime
    self.hash = hash
    self.dispatchCount = dispatchCount
  }

  init?(decoding text: String) {
    // Four tab-ended numbers, then the path (which may hold tabs): read in place, since a
    // daily run decodes the state of every remembered file.
    var rest = Substring(text)
    func number() -> Substring? {
      guard let tab = rest.utf8.firstIndex(of: 0x09) else { return nil }
      defer { rest = rest[rest.utf8.index(after: tab)...] }
      return rest[..<tab]
    }
    guard let size = number().flatMap({ Int($0) }), let time = number().flatMap({ Int64($0) }),
      let hash = number().flatMap({ UInt64($0, radix: 16) }), let count = number().flatMap({ Int($0) })
    else { return nil }
    self.init(absolutePath: String(rest), size: size, modificationTime: time, hash: hash, dispatchCount: count)
  }

  /// The number whose hex digits end a file's key, for sorting files in the order of their keys.
  static func keyNumber(forPath absolutePath: String) -> UInt64 { Dispatch.idNumber(absolutePath: absolutePath) }

  /// The number a key made by `key(forPath:)` ends with (nil for any other key).
  static func keyNumber(ofKey key: String) -> UInt64? {
    guard key.hasPrefix(Schema.fileStatePrefix) else { return nil }
    return UInt64(key.dropFirst(Schema.fileStatePrefix.count), radix: 16)
  }

  /// FNV-1a 64 of bytes.
  static func hash(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBufferPointer { fnv1a64($0) }
  }
}
