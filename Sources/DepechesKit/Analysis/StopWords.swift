/// The French stop words ("le", "de", "été", ...), from the Snowball project's list in
/// data/stopwords-fr.txt; `StopWordList.swift` is generated from it by scripts/gen-stopwords,
/// as the list writes them, and folded here by `FrenchAnalyzer.fold`, the fold of every term.
/// Tokens are marked, never dropped: the index keeps their positions for phrases.
enum StopWords {
  /// True when a folded term is a stop word.
  static func contains(_ term: String) -> Bool {
    let folded = StopWords.folded
    return term.utf8.count <= folded.maxBytes && folded.table.find(term, hash: WordTable<Bool>.hash(term)) != nil
  }

  /// The folded stop words ("ete" for "été"), each once, in the list's order.
  static var words: [String] { folded.table.keys }

  /// `listed` folded, as a `WordTable` (checked for every token: cheaper than a `Set`'s
  /// hashing), with the longest folded word's byte count (longer terms skip the look-up).
  private static let folded: (table: WordTable<Bool>, maxBytes: Int) = {
    var table = WordTable<Bool>(capacity: listed.count)
    for word in listed.map(FrenchAnalyzer.fold) {
      let hash = WordTable<Bool>.hash(word)
      if table.find(word, hash: hash) == nil { table.insert(word, true, hash: hash) }
    }
    return (table, table.keys.map(\.utf8.count).max() ?? 0)
  }()
}
