/// The French stop words ("le", "de", "été", ...), from the Snowball project's list in
/// data/stopwords-fr.txt; `StopWordList.swift` is generated from it by scripts/gen-stopwords.
/// Tokens are marked, never dropped: the index keeps their positions for phrases.
enum StopWords {
  /// True when a folded term is a stop word.
  static func contains(_ term: String) -> Bool {
    term.utf8.count <= maxBytes && folded.contains(term)
  }
}
