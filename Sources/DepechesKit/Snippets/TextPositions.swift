/// Term positions found again from a dispatch's stored text, the way `DocumentBuilder` wrote
/// them: the title's words from `Schema.titleStartPosition` (with their title-field terms),
/// each passage's from its stored start. Over Xapian's remote backend each position list is a
/// round trip, and the reranking asks for those of every term of every candidate; the stored
/// text is one document read per candidate, whatever the number of terms.
enum TextPositions {
  /// The positions of each of `terms` in `stored` (whose passages must all be decoded), by
  /// term; a term that does not occur has no entry, as with the position lists.
  static func of(_ terms: [String], in stored: StoredDispatch, analyzer: FrenchAnalyzer) -> [String: [Int]] {
    let wanted = Set(terms)
    var found: [String: [Int]] = [:]
    analyzer.forEachToken(in: stored.dispatch.title) { token in
      let position = Schema.titleStartPosition + token.position
      if wanted.contains(token.term) { found[token.term, default: []].append(position) }
      let field = Schema.titlePrefix + token.term
      if wanted.contains(field) { found[field, default: []].append(position) }
    }
    for (passage, start) in zip(stored.dispatch.passages, stored.passageStarts) {
      analyzer.forEachToken(in: passage) { token in
        if wanted.contains(token.term) { found[token.term, default: []].append(start + token.position) }
      }
    }
    return found
  }
}
