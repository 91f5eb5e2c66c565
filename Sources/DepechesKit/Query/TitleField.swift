extension QueryBuilder {
  /// `body` (the query of a free word over the whole text) with the same terms looked up in
  /// the title field (`Schema.titlePrefix`) as well: a dispatch whose title holds the word
  /// ranks above one that only mentions it. Every title word is in the body too, so AND_MAYBE
  /// keeps the matches of `body` and only adds weight.
  func withTitleField(_ body: XapianQuery, _ word: QueryWord) throws -> XapianQuery {
    guard !word.isStopWord, let group = plan.groups.last else { return body }
    let terms = try group.terms.map { try XapianQuery.term(Schema.titlePrefix + $0) }
    guard !terms.isEmpty else { return body }
    return try XapianQuery.combine(.andMaybe, [body, try XapianQuery.combine(.synonym, terms)])
  }
}
