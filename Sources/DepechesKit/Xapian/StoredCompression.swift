import CXapian

/// Compression of the stored dispatch (see `Schema.storedSlot`), done by the shim with zlib's
/// fastest level. Xapian would deflate document data again at zlib's default level, which
/// measured about a tenth of all indexing time; a value is stored as it is.
enum StoredCompression {
  /// The compressed form of `bytes`.
  static func compress(_ bytes: [UInt8]) throws -> [UInt8] { try transform(bytes, with: cx_deflate) }

  /// The bytes `compress` was given; a `.corrupt` failure when `bytes` is not its output.
  static func decompress(_ bytes: [UInt8]) throws -> [UInt8] { try transform(bytes, with: cx_inflate) }

  /// Runs one of the shim's byte-to-buffer calls on `bytes`.
  private static func transform(
    _ bytes: [UInt8],
    with call: (UnsafePointer<CChar>?, Int, UnsafeMutablePointer<cx_buffer>?, UnsafeMutablePointer<cx_error>?) -> Int32
  ) throws -> [UInt8] {
    var out = cx_buffer()
    try bytes.withUnsafeBufferPointer { raw in
      try raw.withMemoryRebound(to: CChar.self) { chars in
        try check { call(chars.baseAddress, chars.count, &out, $0) }
      }
    }
    return take(&out)
  }
}
