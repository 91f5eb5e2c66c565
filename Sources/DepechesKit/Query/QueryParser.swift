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
/// parentheses; `+word`, `-word`, `+"phrase"`, `-"phrase"`; `prefix*`. Tolerant: it
/// never throws; unbalanced quotes and parentheses are closed at the end, and an
/// operator with nothing on one side is dropped.
public struct QueryParser: Sendable {
  /// The analyzer shared with the indexer.
  public let analyzer: FrenchAnalyzer

  /// Makes a parser.
  public init(analyzer: FrenchAnalyzer = FrenchAnalyzer()) {
    self.analyzer = analyzer
  }

  /// The query tree of `text`, or nil when nothing searchable is left (empty text,
  /// punctuation, operators alone).
  public func parse(_ text: String, defaultOperator: DefaultOperator = .and) -> QueryNode? {
    let lexemes = QueryLexer(text, analyzer: analyzer).lexemes
    var grammar = QueryGrammar(
      lexemes: lexemes, defaultOperator: defaultOperator,
      dropStopWords: QueryGrammar.hasContentWord(lexemes))
    return grammar.parseQuery()
  }
}
