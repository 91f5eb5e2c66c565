/// One dispatch read whole, as a reader opens it from a result: every passage, with the words
/// of the query that led there marked the way snippets mark them.
public struct DispatchReading: Equatable, Sendable {
  /// The dispatch as stored, with all its passages.
  public var dispatch: Dispatch
  /// Matched words of the title: scalar ranges into `dispatch.title`.
  public var titleHighlights: [Range<Int>]
  /// Matched words of each passage (same count as `dispatch.passages`): scalar ranges, in
  /// order, never overlapping.
  public var highlights: [[Range<Int>]]
  /// The passage a search's snippet would show (most distinct query parts), nil without a
  /// query or a match in the body.
  public var bestPassage: Int?
}

extension SearchIndex {
  /// Reads the dispatch with id `id` (see `Dispatch.makeID`), its words matching `query`
  /// marked; nil when no dispatch has that id. The lookup is by the id's unique term only, so
  /// no text given here can reach a file.
  public func read(id: String, query: String? = nil) throws -> DispatchReading? {
    try retryingIfModified { try readOnce(id: id, query: query) }
  }

  private func readOnce(id: String, query: String?) throws -> DispatchReading? {
    let mset = try XapianMSet(
      database: db, query: try XapianQuery.term(Schema.idTerm(id)), offset: 0, limit: 1, checkAtLeast: 0,
      facetSlot: nil)
    guard mset.count > 0 else { return nil }
    let stored = try mset.storedDispatch(at: 0)
    let passages = stored.dispatch.passages
    var reading = DispatchReading(
      dispatch: stored.dispatch, titleHighlights: [], highlights: passages.map { _ in [] }, bestPassage: nil)
    guard let query, let node = try parser.parse(query, defaultOperator: .and) else { return reading }
    let table = synonymTable
    let builder = QueryBuilder(
      db: db, stems: stems, wordSets: WordSetReader(db: db), synonyms: { table.variants(of: $0) })
    _ = try builder.build(node)
    let plan = builder.plan
    // Every passage is decoded already: its words give the positions without another read.
    let hits = PassageChooser.hits(
      plan: plan, termPositions: TextPositions.of(plan.positionTerms, in: stored, analyzer: analyzer))
    let maker = SnippetMaker(analyzer: analyzer, stems: stems)
    reading.titleHighlights = maker.highlights(
      in: stored.dispatch.title, start: Schema.titleStartPosition, hits: hits, plan: plan)
    reading.highlights = zip(passages, stored.passageStarts).map {
      maker.highlights(in: $0, start: $1, hits: hits, plan: plan)
    }
    reading.bestPassage = PassageChooser.best(hits: hits, passageStarts: stored.passageStarts)
    return reading
  }
}
