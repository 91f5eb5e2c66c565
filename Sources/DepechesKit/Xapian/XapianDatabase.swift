import CXapian

/// A read-only Xapian database: one or several shards (local folders, stub files, remote
/// servers) searched as one.
final class XapianDatabase {
  let handle: OpaquePointer

  /// An empty combination; add shards with `addLocal` / `addRemote`.
  init() throws {
    var out: OpaquePointer?
    try check { cx_database_new(&out, $0) }
    handle = out!
  }

  deinit { cx_database_free(handle) }

  func addLocal(path: String) throws {
    try check { cx_database_add_local(handle, path, $0) }
  }

  func addRemote(host: String, port: Int, timeoutMilliseconds: Int) throws {
    try check {
      cx_database_add_remote(
        handle, host, UInt32(port), UInt32(timeoutMilliseconds), UInt32(timeoutMilliseconds), $0)
    }
  }

  func reopen() throws { try check { cx_database_reopen(handle, $0) } }

  func documentCount() throws -> Int {
    var n: UInt32 = 0
    try check { cx_database_doccount(handle, &n, $0) }
    return Int(n)
  }

  func shardCount() throws -> Int {
    var n: UInt32 = 0
    try check { cx_database_shards(handle, &n, $0) }
    return Int(n)
  }

  func termFrequency(_ term: String) throws -> Int {
    var n: UInt32 = 0
    var term = term
    try term.withUTF8 { utf8 in
      try check { cx_database_termfreq(handle, utf8.baseAddress, utf8.count, &n, $0) }
    }
    return Int(n)
  }

  func metadata(_ key: String) throws -> String {
    try buffer { cx_database_metadata(handle, key, &$0, $1) }.utf8String
  }

  /// The value of key in each shard, in the order they were added.
  func metadataOfEachShard(_ key: String) throws -> [String] {
    unpackStrings(try buffer { cx_database_metadata_each(handle, key, &$0, $1) })
  }

  func spellingSuggestion(_ word: String, maxEdit: Int = 2) throws -> String {
    try buffer { cx_database_spelling(handle, word, UInt32(maxEdit), &$0, $1) }.utf8String
  }

  /// The `max` most frequent terms starting with `prefix` over all shards, most frequent first.
  func allTerms(prefix: String, max: Int) throws -> [String] {
    unpackStrings(try buffer { cx_database_allterms(handle, prefix, UInt32(max), &$0, $1) })
  }

  /// Positions of each term in a document, in the order asked.
  func positions(docid: UInt32, terms: [String]) throws -> [[UInt32]] {
    let packed = packStrings(terms)
    let bytes = try packed.withUnsafeBufferPointer { terms in
      try buffer {
        cx_database_positions(
          handle, docid, UnsafeRawPointer(terms.baseAddress)?.assumingMemoryBound(to: CChar.self),
          terms.count, &$0, $1)
      }
    }
    var reader = Unpacker(bytes)
    return terms.map { _ in
      let n = Int(reader.u32() ?? 0)
      return (0..<n).compactMap { _ in reader.u32() }
    }
  }

  /// Lowest and highest value of a slot over the database ("" when none).
  func valueBounds(slot: Int) throws -> (lower: String, upper: String) {
    var lower = cx_buffer()
    var upper = cx_buffer()
    try check { cx_database_value_bounds(handle, UInt32(slot), &lower, &upper, $0) }
    return (take(&lower).utf8String, take(&upper).utf8String)
  }
}

/// Runs a shim call that fills one buffer, and returns its bytes.
func buffer(_ body: (inout cx_buffer, UnsafeMutablePointer<cx_error>) -> Int32) throws -> [UInt8] {
  var out = cx_buffer()
  try check { body(&out, $0) }
  return take(&out)
}

extension Array where Element == UInt8 {
  var utf8String: String { String(decoding: self, as: UTF8.self) }
}
