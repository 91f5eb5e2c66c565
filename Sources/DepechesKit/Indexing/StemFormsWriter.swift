/// Keeps a shard's stem forms metadata (see `Schema.stemFormsPrefix`) up to date: learns the
/// (stem, exact form) pairs of written documents and writes the stems that gained forms at
/// each commit, in the same transaction as the documents.
///
/// Forms are never removed: a form whose documents are gone matches nothing, so the only
/// cost is a few bytes.
final class StemFormsWriter {
  /// Forms known per stem (read from the database on first use, plus the new ones).
  private var known: [String: Set<String>] = [:]
  private var knownCount = 0
  /// Stems that gained forms since the last commit.
  private var changed: Set<String> = []

  /// Above this many cached forms the cache is dropped after a commit (bounded memory).
  static let maxCachedForms = 2_000_000

  /// Records that `pair.form` was indexed under `pair.stem`.
  func add(_ pair: StemForm, db: XapianWritable) throws {
    guard let key = Schema.stemFormsKey(pair.stem) else { return }
    if known[pair.stem] == nil {
      let stored = try db.metadata(key: key)
      let forms = Set(stored.utf8.split(separator: Schema.stemFormsSeparator).map { String(decoding: $0, as: UTF8.self) })
      known[pair.stem] = forms
      knownCount += forms.count
    }
    if known[pair.stem]!.insert(pair.form).inserted {
      knownCount += 1
      changed.insert(pair.stem)
    }
  }

  /// Writes the stems that gained forms (call just before committing).
  func flush(db: XapianWritable) throws {
    let separator = String(decoding: [Schema.stemFormsSeparator], as: UTF8.self)
    for stem in changed {
      guard let key = Schema.stemFormsKey(stem), let forms = known[stem] else { continue }
      try db.setMetadata(key: key, value: forms.sorted().joined(separator: separator))
    }
    changed.removeAll(keepingCapacity: true)
    if knownCount > StemFormsWriter.maxCachedForms {
      known.removeAll()
      knownCount = 0
    }
  }
}
