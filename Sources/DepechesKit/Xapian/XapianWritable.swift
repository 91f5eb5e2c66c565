import CXapian
import Foundation

/// A Xapian database open for writing; holds Xapian's lock until freed.
///
/// Only `commit()` writes: freeing the writer discards what was changed since the last commit
/// (see `cx_writable_free`), so a failure mid-batch leaves the last commit whole. A writer
/// that ends cleanly (no call failed, nothing left uncommitted) runs `onCleanClose` once the
/// database is closed: `IndexHealth`'s mark that the next writer needs no check.
final class XapianWritable {
  let handle: OpaquePointer
  /// The database folder.
  let path: String
  /// Run after the database is closed, when the writer ended cleanly.
  var onCleanClose: ((String) -> Void)?
  /// True once a shim call failed (the database may be damaged: no clean mark).
  private var failed = false
  /// True when changes wait for a commit.
  private var pending = false

  /// Opens (or creates) the database at path; fails at once if another writer holds it.
  /// A `scratch` database is updated in place and never synced: faster, and unreadable after
  /// a crash, so only for temporary databases that a crash throws away.
  init(path: String, create: Bool, scratch: Bool = false) throws {
    var out: OpaquePointer?
    try check { cx_writable_open(path, create ? 1 : 0, scratch ? 1 : 0, &out, $0) }
    handle = out!
    self.path = path
  }

  deinit {
    cx_writable_free(handle)
    if !failed && !pending { onCleanClose?(path) }
  }

  /// Runs one shim call, remembering a failure (and, for a change, that a commit is due).
  private func call(changing: Bool = false, _ body: (UnsafeMutablePointer<cx_error>) -> Int32) throws {
    if changing { pending = true }
    do {
      try check(body)
    } catch {
      failed = true
      throw error
    }
  }

  /// Runs one shim call that fills a buffer, remembering a failure.
  private func reading(_ body: (inout cx_buffer, UnsafeMutablePointer<cx_error>) -> Int32) throws -> [UInt8] {
    do {
      return try buffer(body)
    } catch {
      failed = true
      throw error
    }
  }

  /// Replaces (or adds) the document holding `uniqueTerm` with a packed document.
  @discardableResult
  func replace(uniqueTerm: String, packed: [UInt8]) throws -> UInt32 {
    var docid: UInt32 = 0
    try packed.withUnsafeBufferPointer { bytes in
      try call(changing: true) {
        cx_writable_replace(
          handle, uniqueTerm, UnsafeRawPointer(bytes.baseAddress)?.assumingMemoryBound(to: CChar.self),
          bytes.count, &docid, $0)
      }
    }
    return docid
  }

  func delete(term: String) throws { try call(changing: true) { cx_writable_delete(handle, term, $0) } }

  /// Every term of every document indexed by `term`, with its wdf there (one pair per
  /// document and term; read from the termlists only, so cheap even for long documents).
  func occurrences(inDocumentsWith term: String) throws -> [(term: String, count: Int)] {
    let bytes = try reading { cx_writable_occurrences(handle, term, &$0, $1) }
    var reader = Unpacker(bytes)
    var pairs: [(term: String, count: Int)] = []
    for _ in 0..<Int(reader.u32() ?? 0) {
      guard let name = reader.string(), let count = reader.u32() else { break }
      pairs.append((name, Int(count)))
    }
    return pairs
  }

  /// Changes spelling words' frequencies: positive counts add, negative ones remove.
  func addSpellings(_ counts: [(String, Int)]) throws {
    guard !counts.isEmpty else { return }
    var packer = Packer(reservingCapacity: counts.count * 16)
    packer.u32(counts.count)
    for (word, count) in counts {
      packer.string(word)
      packer.u32(Int(UInt32(bitPattern: Int32(clamping: count))))
    }
    try withChars(packer.bytes) { chars, n in
      try call(changing: true) { cx_writable_add_spellings(handle, chars, n, $0) }
    }
  }

  func setMetadata(key: String, value: String) throws {
    try withChars(Array(value.utf8)) { chars, n in
      try call(changing: true) { cx_writable_set_metadata(handle, key, chars, n, $0) }
    }
  }

  func metadata(key: String) throws -> String {
    try reading { cx_writable_metadata(handle, key, &$0, $1) }.utf8String
  }

  /// Up to `max` metadata entries (key and value) whose keys start with `prefix` and sort
  /// after `after`, in key order: a page of one ordered sweep.
  func metadataEntries(prefix: String, after: String = "", max: Int) throws -> [(key: String, value: String)] {
    let limit = UInt32(clamping: max)
    var reader = Unpacker(try reading { cx_writable_metadata_entries(handle, prefix, after, limit, &$0, $1) })
    var entries: [(key: String, value: String)] = []
    while !reader.isAtEnd, let key = reader.string(), let value = reader.string() { entries.append((key, value)) }
    return entries
  }

  func documentCount() throws -> Int {
    var n: UInt32 = 0
    try call { cx_writable_doccount(handle, &n, $0) }
    return Int(n)
  }

  /// Commits every change so far, atomically.
  func commit() throws {
    try call { cx_writable_commit(handle, $0) }
    pending = false
  }
}

/// Calls body with the bytes as a C char pointer and a length.
func withChars<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
  try bytes.withUnsafeBufferPointer { buffer in
    try body(UnsafeRawPointer(buffer.baseAddress)?.assumingMemoryBound(to: CChar.self), buffer.count)
  }
}

/// Compacts (merging several) databases into a new one at `destination`; metadata keys under
/// `unionPrefix` that several sources hold (word sets, their words separated by `separator`)
/// get the union of their words.
func xapianCompact(
  sources: [String], destination: String, multipass: Bool, unionPrefix: String = Schema.wordSetPrefix,
  separator: UInt8 = Schema.wordSetSeparator
) throws {
  var cStrings = sources.map { strdup($0) }
  defer { cStrings.forEach { free($0) } }
  try cStrings.withUnsafeMutableBufferPointer { pointers in
    try pointers.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: pointers.count) { base in
      try check {
        cx_compact(base, pointers.count, destination, multipass ? 1 : 0, unionPrefix, CChar(bitPattern: separator), $0)
      }
    }
  }
}
