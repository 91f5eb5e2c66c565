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
    let parts = text.split(separator: "\t", maxSplits: 4, omittingEmptySubsequences: false)
    guard parts.count == 5, let size = Int(parts[0]), let time = Int64(parts[1]),
      let hash = UInt64(parts[2], radix: 16), let count = Int(parts[3])
    else { return nil }
    self.init(absolutePath: String(parts[4]), size: size, modificationTime: time, hash: hash, dispatchCount: count)
  }

  /// FNV-1a 64 of bytes.
  static func hash(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBufferPointer { fnv1a64($0) }
  }
}
