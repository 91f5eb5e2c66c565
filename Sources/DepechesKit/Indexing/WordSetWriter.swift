/// Keeps one family of a shard's word sets (see `Schema.wordSetPrefix`) up to date: learns
/// (key, word) pairs and writes the sets that gained words at each commit, in the same
/// transaction as the documents.
///
/// Words are never removed: a stem's form whose documents are gone matches nothing, so the
/// only cost is a few bytes.
final class WordSetWriter {
  private let prefix: String
  /// Words known per key (read from the database on first use, plus the new ones).
  private var known: [String: Set<String>] = [:]
  private var knownCount = 0
  /// Keys whose set gained words since the last commit.
  private var changed: Set<String> = []
  /// Words the sets gained since the last commit (words new to the database).
  private(set) var gainedSinceFlush = 0

  /// Above this many cached words the cache is dropped after a commit (bounded memory).
  static let maxCachedWords = 2_000_000

  /// A writer of the sets under `prefix`.
  init(prefix: String) { self.prefix = prefix }

  /// Records that `word` belongs to the set of `key`.
  func add(_ word: String, to key: String, db: XapianWritable) throws {
    guard let metadataKey = Schema.wordSetKey(prefix, key) else { return }
    if known[key] == nil {
      let stored = try db.metadata(key: metadataKey)
      let words = Set(WordSetCodec.decode(stored))
      known[key] = words
      knownCount += words.count
    }
    if known[key]!.insert(word).inserted {
      knownCount += 1
      gainedSinceFlush += 1
      changed.insert(key)
    }
  }

  /// Writes the sets that gained words (call just before committing).
  func flush(db: XapianWritable) throws {
    for key in changed {
      guard let metadataKey = Schema.wordSetKey(prefix, key), let words = known[key] else { continue }
      try db.setMetadata(key: metadataKey, value: WordSetCodec.encode(words))
    }
    changed.removeAll(keepingCapacity: true)
    gainedSinceFlush = 0
    if knownCount > WordSetWriter.maxCachedWords {
      known.removeAll()
      knownCount = 0
    }
  }
}
