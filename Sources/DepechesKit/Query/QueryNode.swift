/// One word of a query, analysed exactly as the indexer analyses text.
public struct QueryWord: Equatable, Sendable {
  /// The exact index form: lower-case, accents and ligatures folded, elision removed ("armenie").
  public var term: String
  /// Lower-case with accents kept, what the stemmer sees ("arménie").
  public var stemBase: String
  /// True for a French stop word ("le", "de", ...).
  public var isStopWord: Bool
  /// True when the word was typed with a capital first letter ("Marie"): a name, whose stem
  /// mates are kept to its regular inflections (see `Inflection`).
  public var isCapitalised: Bool

  /// Makes a query word.
  public init(term: String, stemBase: String, isStopWord: Bool = false, isCapitalised: Bool = false) {
    self.term = term
    self.stemBase = stemBase
    self.isStopWord = isStopWord
    self.isCapitalised = isCapitalised
  }
}

/// A parsed query, before it becomes a Xapian query (see `QueryBuilder`).
public indirect enum QueryNode: Equatable, Sendable {
  /// A free word: matches its stem and, ranked higher, its exact form (and its synonyms).
  case word(QueryWord)
  /// Words that must appear in this order, exact forms ("quoted phrase", or a hyphenated
  /// compound such as cessez-le-feu). Stop words are kept.
  case phrase([QueryWord])
  /// Every exact term starting with this folded prefix (`drone*`).
  case wildcard(prefix: String)
  /// All of these must match (AND, and the default between plain words).
  case all([QueryNode])
  /// Any of these may match (OR), ranked by how many and how well.
  case any([QueryNode])
  /// `positive` must match and none of `excluded` (NOT, `-word`).
  case exclude(QueryNode, excluded: [QueryNode])
  /// `required` must match; `optional` only adds to the ranking (`+word` among OR'ed words).
  case boost(required: QueryNode, optional: QueryNode)
  /// Every document (the positive side of a purely negative query such as `-drone`).
  case everything
  /// Words looked for in one field only (`title:sanctions`, `source:afp`, `author:"…"`).
  case field(QueryField, [QueryWord])
  /// Words that must appear in this order in one field (`title:"cessez le feu"`,
  /// `title:cessez-le-feu`); for the source and author fields, the same as `field`.
  case fieldPhrase(QueryField, [QueryWord])
}
