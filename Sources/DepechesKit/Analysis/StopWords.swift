/// The French stop words ("le", "de", "été", ...), from the Snowball project's list in
/// data/stopwords-fr.txt; `StopWordList.swift` is generated from it by scripts/gen-stopwords.
/// Tokens are marked, never dropped: the index keeps their positions for phrases.
enum StopWords {
  /// True when a folded term is a stop word.
  static func contains(_ term: String) -> Bool {
    term.utf8.count <= maxBytes && table.find(term, hash: WordTable<Bool>.hash(term)) != nil
  }

  /// `folded` as a `WordTable` (checked for every token: cheaper than a `Set`'s hashing).
  private static let table: WordTable<Bool> = {
    var table = WordTable<Bool>(capacity: folded.count)
    for word in folded { table.insert(word, true, hash: WordTable<Bool>.hash(word)) }
    return table
  }()
}
