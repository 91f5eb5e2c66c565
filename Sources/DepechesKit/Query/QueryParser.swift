/// How plain words typed side by side combine.
public enum DefaultOperator: Sendable {
  /// Every plain word must match (the default of a news search box).
  case and
  /// Any plain word may match; `+word`s are then required.
  case or
}

/// Turns what a user types into a `QueryNode`, analysing words with the same
/// `FrenchAnalyzer` as the indexer.
///
/// Syntax: plain words; "phrases" in straight quotes, « guillemets » or “curly quotes”;
/// AND/ET, OR/OU, NOT/SAUF (upper-case only; NOT binds tighter than AND, AND than OR);
/// parentheses; `+word`, `-word`, `+"phrase"`, `-"phrase"`; `prefix*`. Tolerant:
/// unbalanced quotes and parentheses are closed at the end, and an operator with nothing on
/// one side is dropped; the queries refused are those nesting parentheses more than
/// `QueryGrammar.maxDepth` deep or holding more than `maxWords` words. Time is linear in the
/// text.
public struct QueryParser: Sendable {
  /// The analyzer shared with the indexer.
  public let analyzer: FrenchAnalyzer

  /// Words (phrase words and wildcards included) a query may hold: more than a pasted
  /// paragraph has, and a bound on the Xapian query, whose matching of thousands of
  /// subqueries grows faster than their number.
  public static let maxWords = 1_000

  /// Makes a parser.
  public init(analyzer: FrenchAnalyzer = FrenchAnalyzer()) {
    self.analyzer = analyzer
  }

  /// The query tree of `text`, or nil when nothing searchable is left (empty text,
  /// punctuation, operators alone). Throws `DepechesError.invalidQuery` when parentheses nest
  /// more than `QueryGrammar.maxDepth` deep or there are more than `maxWords` words.
  public func parse(_ text: String, defaultOperator: DefaultOperator = .and) throws -> QueryNode? {
    let lexemes = QueryLexer(text, analyzer: analyzer).lexemes
    let words = QueryParser.wordCount(lexemes)
    guard words <= QueryParser.maxWords else {
      throw DepechesError.invalidQuery(
        "the query has \(words) words, more than the \(QueryParser.maxWords) searched at most")
    }
    var grammar = QueryGrammar(
      lexemes: lexemes, defaultOperator: defaultOperator,
      dropStopWords: QueryGrammar.hasContentWord(lexemes))
    return try grammar.parseQuery()
  }

  /// The words of the lexemes: each free word, phrase word and wildcard.
  static func wordCount(_ lexemes: [QueryLexeme]) -> Int {
    lexemes.reduce(0) { count, lexeme in
      switch lexeme {
      case .phrase(let words): return count + words.count
      case .atom(let nodes):
        return count + nodes.reduce(0) { n, node in
          if case .phrase(let words) = node { return n + words.count }
          return n + 1
        }
      default: return count
      }
    }
  }
}
