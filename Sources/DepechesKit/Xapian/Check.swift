import CXapian

extension XapianErrorKind {
  /// The kind of a failed shim call's status, matched by the header's names (`CX_ERR_*`).
  init(status: cx_status) {
    switch status {
    case CX_ERR_OPENING: self = .opening
    case CX_ERR_LOCK: self = .lock
    case CX_ERR_MODIFIED: self = .modified
    case CX_ERR_CORRUPT: self = .corrupt
    case CX_ERR_NETWORK: self = .network
    case CX_ERR_QUERY: self = .query
    case CX_ERR_INVALID_ARGUMENT: self = .invalidArgument
    case CX_ERR_DATABASE: self = .database
    case CX_ERR_NOT_FOUND: self = .notFound
    case CX_ERR_XAPIAN: self = .xapian
    case CX_ERR_STD: self = .std
    case CX_ERR_UNSUPPORTED: self = .unsupported
    case CX_ERR_DISK_FULL: self = .diskFull
    default: self = .unknown  // CX_ERR_UNKNOWN, and any status this build does not know
    }
  }
}

/// Runs one shim call and turns a failure status into `DepechesError.xapian`.
/// Every call into CXapian goes through here.
func check(_ body: (UnsafeMutablePointer<cx_error>) -> Int32) throws {
  var error = cx_error()
  let status = cx_status(rawValue: UInt32(bitPattern: body(&error)))
  guard status == CX_OK else {
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
