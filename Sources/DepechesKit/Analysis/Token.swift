/// One word of analysed text, in the forms the index, the stemmer and the highlighter need.
public struct Token: Equatable, Sendable {
  /// The exact index form: lower-case, accents and ligatures folded, elision removed
  /// ("l’Arménie" → "armenie", "cœur" → "coeur").
  public var term: String
  /// Lower-case with accents kept, elision removed ("arménie"): what the Snowball stemmer needs.
  public var stemBase: String
  /// 0-based word position: consecutive words, and the parts of a compound (hyphen,
  /// apostrophe), have consecutive positions.
  public var position: Int
  /// Offsets in Unicode scalars into the analysed text, covering the word as written
  /// ("Arménie" inside "l’Arménie").
  public var range: Range<Int>
  /// True for a French stop word ("le", "de", ...); the analyzer keeps these tokens.
  public var isStopWord: Bool
  /// True when a hyphen or an apostrophe that is no elision joins this token to the next one
  /// (cessez-le-feu: true, true, false; aujourd'hui: true, false).
  public var joinsNext: Bool
  /// True when the word is written as a name: a capital then lower case, inside a sentence
  /// (not after . ! ? : or an opening quote, not first in the text). The indexer keeps such
  /// words by transliteration skeleton (see `Transliteration`).
  public var isName: Bool

  /// Makes a token.
  public init(
    term: String, stemBase: String, position: Int, range: Range<Int>,
    isStopWord: Bool = false, joinsNext: Bool = false, isName: Bool = false
  ) {
    self.term = term
    self.stemBase = stemBase
    self.position = position
    self.range = range
    self.isStopWord = isStopWord
    self.joinsNext = joinsNext
    self.isName = isName
  }
}
