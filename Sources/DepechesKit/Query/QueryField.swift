/// A field a query word may be restricted to: `title:sanctions`, `source:afp`,
/// `author:"Marie Dupont"` (also in French: `titre:`, `auteur:`).
public enum QueryField: String, Sendable, CaseIterable {
  /// The title's words (the `Schema.titlePrefix` field), stemmed like free words.
  case title
  /// The whole source name, case and accents ignored (`Schema.sourcePrefix`), as `--source`.
  case source
  /// A word of the author's name (`Schema.authorPrefix`).
  case author

  /// The field a query prefix names ("title", "titre", "source", "author", "auteur"; any
  /// case), or nil.
  static func named(_ name: String) -> QueryField? {
    switch FrenchAnalyzer.fold(name) {
    case "title", "titre": return .title
    case "source": return .source
    case "author", "auteur": return .author
    default: return nil
    }
  }
}

extension QueryLexer {
  /// The field and value of a chunk written `field:value` (value maybe empty, when a quoted
  /// phrase follows), or nil when the chunk does not start with a field name and a colon.
  static func fieldPrefix(_ chunk: String) -> (field: QueryField, value: String)? {
    guard let colon = chunk.firstIndex(of: ":"), let field = QueryField.named(String(chunk[..<colon])) else { return nil }
    return (field, String(chunk[chunk.index(after: colon)...]))
  }
}

extension QueryBuilder {
  /// A field query: title words in the title field (each word with its stems and variants,
  /// as a free word), the source name or the author's words as boolean terms (which add no
  /// weight: they select).
  func buildField(_ field: QueryField, _ words: [QueryWord]) throws -> XapianQuery {
    switch field {
    case .title:
      let parts = try words.filter { !$0.isStopWord }.map { word -> XapianQuery in
        _ = try build(.word(word))
        let terms = plan.groups.last?.terms ?? [word.term]
        return try XapianQuery.combine(.synonym, terms.map { try XapianQuery.term(Schema.titlePrefix + $0) })
      }
      guard !parts.isEmpty else { return try XapianQuery.matchAll() }
      return try XapianQuery.combine(.and, parts)
    case .source:
      return try XapianQuery.term(Schema.sourceTerm(words.map(\.term).joined(separator: " ")))
    case .author:
      return try XapianQuery.combine(.and, words.map { try XapianQuery.term(Schema.authorPrefix + $0.term) })
    }
  }

  /// A phrase in one field: in the title, the words' exact forms (and name variants) at
  /// consecutive title positions, stop words included, as a phrase of the whole text; the
  /// source and author fields take the words as `buildField` does.
  func buildFieldPhrase(_ field: QueryField, _ words: [QueryWord]) throws -> XapianQuery {
    guard field == .title else { return try buildField(field, words) }
    return try phraseQuery(phraseSlots(words, highlightingWords: true), prefix: Schema.titlePrefix)
  }
}
