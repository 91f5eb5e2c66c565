/// Reads the word sets metadata (see `Schema.wordSetPrefix`): a stem's exact forms and a
/// term's stems, each as the union over every shard. Caches what it read (one per search).
final class WordSetReader {
  private let db: XapianDatabase
  private var cache: [String: [String]] = [:]

  init(db: XapianDatabase) { self.db = db }

  /// The exact forms indexed under `stem`, sorted; empty when the index has none.
  func forms(of stem: String) throws -> [String] {
    try set(Schema.stemFormsPrefix, stem)
  }

  /// The stems the exact term `term` was indexed under, sorted; empty when it was not indexed
  /// (or is a stop word).
  func stems(of term: String) throws -> [String] {
    try set(Schema.termStemsPrefix, term)
  }

  /// The exact terms written as names whose transliteration skeleton is `skeleton`, sorted.
  func names(ofSkeleton skeleton: String) throws -> [String] {
    try set(Schema.nameSkeletonPrefix, skeleton)
  }

  /// True when the exact term `term` was written as a name somewhere in the index.
  func isName(_ term: String) throws -> Bool {
    try set(Schema.nameSkeletonPrefix, Transliteration.nameKey(term)).contains(term)
  }

  private func set(_ prefix: String, _ word: String) throws -> [String] {
    guard let key = Schema.wordSetKey(prefix, word) else { return [] }
    if let cached = cache[key] { return cached }
    var words: Set<String> = []
    for value in try db.metadataOfEachShard(key) { words.formUnion(WordSetCodec.decode(value)) }
    let sorted = words.sorted()
    cache[key] = sorted
    return sorted
  }
}
