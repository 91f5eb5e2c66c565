/// The folded stems of words (`FrenchAnalyzer.foldedStem`), each word stemmed once: French
/// text repeats its words, so most look-ups never cross into C++. The one stem cache of the
/// engine: each `DocumentBuilder` owns one, and so does each `SearchIndex` (for its queries,
/// spelling checks and snippets).
///
/// Not `Sendable`: the table and the stemmer's buffer change on every miss, so a cache belongs
/// to the one thread that uses its owner (a builder per indexing thread, a search index per
/// thread). A `WordTable`, not a `Dictionary` (see `WordTable` for why).
final class StemCache {
  private let stemmer: Stemmer
  /// Word → folded stem.
  private var table = WordTable<String>()
  /// The table is emptied when it reaches this many words, bounding memory (an indexing
  /// thread meets some hundred thousand distinct words in a large corpus).
  static let maxWords = 300_000

  /// A cache over a new French stemmer.
  init() throws { stemmer = try Stemmer(language: "french") }

  /// The folded stem of `word`, stemmed on the first look-up only.
  func foldedStem(_ word: String) -> String {
    let hash = WordTable<String>.hash(word)
    if let entry = table.find(word, hash: hash) { return table.values[entry] }
    return add(word, hash: hash)
  }

  /// True when `word` (whose `WordTable` hash is given) is in the cache.
  func contains(_ word: String, hash: Int) -> Bool { table.find(word, hash: hash) != nil }

  /// Stems `word`, which is not in the cache, and caches it.
  func add(_ word: String, hash: Int) -> String {
    let stem = FrenchAnalyzer.foldedStem(word, stemmer: stemmer)
    if table.count >= StemCache.maxWords { table.removeAll() }
    table.insert(word, stem, hash: hash)
    return stem
  }

  /// The folded stem of `word` without caching it: for a word asked once, whose entry would
  /// only take room (and, for a builder, would mark the word as already seen).
  func uncachedFoldedStem(_ word: String) -> String {
    FrenchAnalyzer.foldedStem(word, stemmer: stemmer)
  }
}
