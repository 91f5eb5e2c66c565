/// The metadata value of a word set (see `Schema.wordSetPrefix`): its words, sorted, separated
/// by `Schema.wordSetSeparator`. The one encoding the indexer's `WordSetWriter` writes and the
/// search's `WordSetReader` reads.
enum WordSetCodec {
  /// The stored value of a set of words (words never contain the separator).
  static func encode(_ words: Set<String>) -> String {
    words.sorted().joined(separator: separator)
  }

  /// The words of a stored value; empty for an empty value (a key that was never written).
  static func decode(_ value: String) -> [String] {
    value.utf8.split(separator: Schema.wordSetSeparator).map { String(decoding: $0, as: UTF8.self) }
  }

  /// `Schema.wordSetSeparator` as a string.
  private static let separator = String(decoding: [Schema.wordSetSeparator], as: UTF8.self)
}
