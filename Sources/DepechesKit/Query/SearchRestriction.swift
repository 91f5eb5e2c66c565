/// A condition a search adds to the typed query, not typed by the user: which `index` runs
/// the dispatches entered in (`watch run`), a source (`watch add --source`), dispatches left
/// out (`similar`). Each is a Xapian filter, so it changes what matches, never the scores.
public enum SearchRestriction: Equatable, Sendable {
  /// Only dispatches added or changed by an `index` run numbered in this range (see `IndexRun`).
  case enteredIn(ClosedRange<Int>)
  /// Only dispatches from this source (compared folded, as `Schema.sourcePrefix` terms are).
  case source(String)
  /// None of the dispatches with these ids.
  case excluding(ids: [String])
  /// None of the versions of this story (`Schema.groupSlot` equal to this group).
  case excludingGroup(String)

  /// `query` with every restriction applied.
  static func apply(_ restrictions: [SearchRestriction], to query: XapianQuery) throws -> XapianQuery {
    try restrictions.reduce(query) { query, restriction in try restriction.apply(to: query) }
  }

  private func apply(to query: XapianQuery) throws -> XapianQuery {
    switch self {
    case .enteredIn(let runs):
      let range = try XapianQuery.valueRange(
        slot: Schema.runSlot, lower: Schema.runValue(runs.lowerBound), upper: Schema.runValue(runs.upperBound))
      return try XapianQuery.combine(.filter, [query, range])
    case .source(let source):
      let term = try XapianQuery.term(Schema.sourceTerm(source))
      return try XapianQuery.combine(.filter, [query, term])
    case .excluding(let ids):
      guard !ids.isEmpty else { return query }
      let terms = try ids.map { try XapianQuery.term(Schema.idTerm($0)) }
      return try XapianQuery.combine(.andNot, [query, try XapianQuery.combine(.or, terms)])
    case .excludingGroup(let group):
      let versions = try XapianQuery.valueRange(slot: Schema.groupSlot, lower: group, upper: group)
      return try XapianQuery.combine(.andNot, [query, versions])
    }
  }
}
