/// Reads the stem forms metadata (see `Schema.stemFormsPrefix`): the exact terms indexed under
/// a folded stem, as the union over every shard. Caches what it read (one per search).
final class StemFormsReader {
  private let db: XapianDatabase
  private var cache: [String: [String]] = [:]

  init(db: XapianDatabase) { self.db = db }

  /// The exact forms indexed under `stem`, sorted; empty when the index has none.
  func forms(of stem: String) throws -> [String] {
    if let cached = cache[stem] { return cached }
    guard let key = Schema.stemFormsKey(stem) else { return [] }
    var forms: Set<String> = []
    for value in try db.metadataOfEachShard(key) {
      for form in value.utf8.split(separator: Schema.stemFormsSeparator) {
        forms.insert(String(decoding: form, as: UTF8.self))
      }
    }
    let sorted = forms.sorted()
    cache[stem] = sorted
    return sorted
  }
}
