import CXapian

extension XapianErrorKind {
  init(status: Int32) {
    switch status {
    case 1: self = .opening
    case 2: self = .lock
    case 3: self = .modified
    case 4: self = .corrupt
    case 5: self = .network
    case 6: self = .query
    case 7: self = .invalidArgument
    case 8: self = .database
    case 9: self = .notFound
    case 10: self = .xapian
    case 11: self = .std
    case 13: self = .unsupported
    default: self = .unknown
    }
  }
}

/// Runs one shim call and turns a failure status into `DepechesError.xapian`.
/// Every call into CXapian goes through here.
func check(_ body: (UnsafeMutablePointer<cx_error>) -> Int32) throws {
  var error = cx_error()
  let status = body(&error)
  guard status == 0 else {
    let message = withUnsafeBytes(of: &error.message) { raw in
      String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
    }
    throw DepechesError.xapian(kind: XapianErrorKind(status: status), message: message)
  }
}

/// Copies a shim buffer into bytes and frees it.
func take(_ buffer: inout cx_buffer) -> [UInt8] {
  defer { cx_buffer_free(&buffer) }
  guard let data = buffer.data, buffer.len > 0 else { return [] }
  return Array(UnsafeRawBufferPointer(start: data, count: buffer.len))
}

/// Splits a packed string list (each string NUL-terminated).
func unpackStrings(_ bytes: [UInt8]) -> [String] {
  guard !bytes.isEmpty else { return [] }
  return bytes.split(separator: 0, omittingEmptySubsequences: false).dropLast(bytes.last == 0 ? 1 : 0)
    .map { String(decoding: $0, as: UTF8.self) }
}

/// Packs strings as a string list (each NUL-terminated).
func packStrings(_ strings: [String]) -> [UInt8] {
  var out: [UInt8] = []
  for s in strings {
    out.append(contentsOf: s.utf8.filter { $0 != 0 })
    out.append(0)
  }
  return out
}
