/// The one French analyzer of the engine, used for indexing, query parsing and
/// highlighting, so that what is highlighted is exactly what matched.
///
/// Stages, in order (see docs/french.md): word splitting on Unicode scalars (`Tokenizer`),
/// elisions (`Elision`), hyphenated compounds, numbers and acronyms, folding (`Folding`),
/// stop-word marking (`StopWords`). Stemming is separate (`foldedStem`): the index stores
/// both the exact `term` and the folded stem.
public struct FrenchAnalyzer: Sendable {
  /// Makes the analyzer (its tables are shared and built on first use).
  public init() {}

  /// The tokens of `text`, in order.
  public func tokens(in text: String) -> [Token] {
    var result: [Token] = []
    forEachToken(in: text) { result.append($0) }
    return result
  }

  /// Calls `body` with each token of `text`, in order, without building an array
  /// (the indexer's hot path).
  public func forEachToken(in text: String, _ body: (Token) -> Void) {
    var scalars: [UInt32] = []
    scalars.reserveCapacity(text.utf8.count)
    for scalar in text.unicodeScalars { scalars.append(scalar.value) }
    scalars.withUnsafeBufferPointer { buffer in
      var tokenizer = Tokenizer(scalars: buffer, table: ScalarTable.shared)
      tokenizer.run(body)
    }
  }

  /// The folded stem of a token's `stemBase`: Snowball French runs on the accented form,
  /// then the result is folded, so "négociations" and "negociation" meet.
  public static func foldedStem(_ stemBase: String, stemmer: Stemmer) -> String {
    fold(stemmer.stem(stemBase))
  }

  /// One word lower-cased, with accents and ligatures folded, apostrophes made ASCII and
  /// soft hyphens removed: "Choïgou" → "choigou", "cœur" → "coeur", "aujourd’hui" →
  /// "aujourd'hui".
  public static func fold(_ word: String) -> String {
    let table = ScalarTable.shared
    var bytes: [UInt8] = []
    bytes.reserveCapacity(word.utf8.count)
    for scalar in word.unicodeScalars {
      table.withFoldedBytes(scalar.value) { bytes.append(contentsOf: $0) }
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}
