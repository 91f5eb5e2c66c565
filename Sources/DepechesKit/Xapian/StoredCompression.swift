import CXapian

/// Compression of the stored dispatch (see `Schema.storedSlot`), done by the shim with zlib's
/// fastest level. Xapian would deflate document data again at zlib's default level, which
/// measured about a tenth of all indexing time; a value is stored as it is.
enum StoredCompression {
  /// The compressed form of `bytes`.
  static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
    var out = cx_buffer()
    try bytes.withUnsafeBufferPointer { raw in
      try raw.withMemoryRebound(to: CChar.self) { chars in
        try check { cx_deflate(chars.baseAddress, chars.count, &out, $0) }
      }
    }
    return take(&out)
  }

  /// The bytes `compress` was given; a `.corrupt` failure when `bytes` is not its output.
  static func decompress(_ bytes: [UInt8]) throws -> [UInt8] {
    var out = cx_buffer()
    try bytes.withUnsafeBufferPointer { raw in
      try raw.withMemoryRebound(to: CChar.self) { chars in
        try check { cx_inflate(chars.baseAddress, chars.count, &out, $0) }
      }
    }
    return take(&out)
  }
}
