/// What one saved search found in one `watch run`.
public struct WatchOutcome: Sendable {
  /// The search as it was before the run.
  public var search: SavedSearch
  /// The dispatches that entered the index since it last ran and match it, newest first
  /// (`total` counts them all; every one is in `hits`).
  public var response: SearchResponse
  /// The completed run to record once they are shown.
  public var completed: Int
}

extension SearchIndex {
  /// Feed entries at most (`watch feed`, `/feeds/NAME.atom`).
  public static let feedLength = 50

  /// The last `index` run completed in every shard (the lowest recorded; 0 before any): what
  /// `watch run` may record. Read before searching, on the same database, so that a point
  /// recorded is never past what the search saw (see `IndexRun`).
  public func completedRun() throws -> Int {
    try retryingIfModified {
      try db.metadataOfEachShard(Schema.runCompletedKey).map(IndexRun.completed(fromMetadata:)).min() ?? 0
    }
  }

  /// The dispatches that entered the index after `search.recorded` up to run `completed`, and
  /// match it (its query, `since` and `source`), newest first. An index whose runs restarted
  /// below what was recorded (rebuilt) is shown from its first run.
  public func newMatches(of search: SavedSearch, completed: Int) throws -> WatchOutcome {
    let first = search.recorded <= completed ? search.recorded + 1 : 1
    let response: SearchResponse
    if first > completed {
      response = SearchResponse(query: search.query, total: 0, hits: [], months: [], fellBackToAnyWord: false)
    } else {
      let everything = max(1, try retryingIfModified { try db.documentCount() })
      response = try matching(search.request(limit: everything, runs: first...completed))
    }
    return WatchOutcome(search: search, response: response, completed: completed)
  }

  /// The latest `feedLength` dispatches matching `search` (newest first), for its feed.
  public func latestMatches(of search: SavedSearch, limit: Int = SearchIndex.feedLength) throws -> SearchResponse {
    try matching(search.request(limit: limit))
  }

  /// Runs `request` as typed: no spelling correction, no widening to any word (a saved
  /// search shows what matches it, nothing else).
  func matching(_ request: SearchRequest) throws -> SearchResponse {
    try retryingIfModified {
      guard let node = try parser.parse(request.query, defaultOperator: .and) else {
        throw DepechesError.invalidQuery("nothing to search for in \"\(request.query)\"")
      }
      let outcome = try execute(node, request, wordSets: WordSetReader(db: db))
      return SearchResponse(
        query: request.query, total: outcome.total, totalGroups: outcome.totalGroups, hits: outcome.hits,
        months: outcome.months,
        suggestion: nil, corrected: nil, fellBackToAnyWord: false)
    }
  }

  /// Checks that `query` is one a search can run (a usage error otherwise).
  public static func checkQuery(_ query: String) throws {
    guard try QueryParser().parse(query, defaultOperator: .and) != nil else {
      throw DepechesError.invalidQuery("nothing to search for in \"\(query)\"")
    }
  }
}
