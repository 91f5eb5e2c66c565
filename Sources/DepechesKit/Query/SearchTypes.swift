/// A search as the user asked it.
public struct SearchRequest: Sendable {
  /// Results shown by default.
  public static let defaultLimit = 10
  /// Most results one request may ask for: a page is built whole in memory (its snippets
  /// too). 0 asks for the total and the month counts only (no result, no snippet).
  public static let limitRange = 0...10_000
  /// Most results one request may skip: Xapian counts documents in 32 bits, and offset +
  /// limit must fit.
  public static let offsetRange = 0...(Int(UInt32.max) - limitRange.upperBound)

  /// The query text, in the query syntax (words, "phrases", AND/OR/NOT, +/-, prefix*).
  public var query: String
  /// Results to return.
  public var limit: Int
  /// Results to skip (paging).
  public var offset: Int
  /// Only dispatches dated on or after this day.
  public var since: DispatchDate?
  /// Only dispatches dated on or before this day.
  public var until: DispatchDate?
  /// The order of the results.
  public var sort: SearchSort
  /// Filters added by the engine's own callers (`watch`, `similar`), applied after the dates.
  public var restrictions: [SearchRestriction] = []
  /// Only dispatches from this source (its whole name, case and accents ignored).
  public var source: String?
  /// Passages shown per dispatch, best first (the snippet is the first).
  public var passages: Int
  /// List every version of a story (false: one result per group of versions, the others in
  /// the result's `duplicates`).
  public var allVersions = false

  /// A request with the command line's defaults.
  public init(
    query: String, limit: Int = SearchRequest.defaultLimit, offset: Int = 0, since: DispatchDate? = nil,
    until: DispatchDate? = nil, sort: SearchSort = .relevance, source: String? = nil, passages: Int = 1
  ) {
    self.source = source
    self.passages = passages
    self.query = query
    self.limit = limit
    self.offset = offset
    self.since = since
    self.until = until
    self.sort = sort
  }

  /// Throws `DepechesError.invalidArgument` when the limit or offset is out of range, or the
  /// date range is empty: the engine checks what every caller (CLI, API, library) gives it.
  public func validate() throws {
    guard SearchRequest.limitRange.contains(limit) else {
      throw DepechesError.invalidArgument(
        "the limit must be between \(SearchRequest.limitRange.lowerBound) and \(SearchRequest.limitRange.upperBound), got \(limit)")
    }
    guard SearchRequest.offsetRange.contains(offset) else {
      throw DepechesError.invalidArgument(
        "the offset must be between 0 and \(SearchRequest.offsetRange.upperBound), got \(offset)")
    }
    if let since, let until, since > until {
      throw DepechesError.invalidArgument("the start date \(since.iso) is after the end date \(until.iso)")
    }
  }
}

/// The order of search results.
public enum SearchSort: String, CaseIterable, Sendable {
  /// Best match first (BM25 weight).
  case relevance
  /// Newest first by the dispatch's date (undated last), equal dates by relevance.
  case date
}

/// One ranked dispatch.
public struct SearchHit: Equatable, Sendable {
  /// 1-based rank over all results (offset included).
  public var rank: Int
  /// BM25 weight from Xapian.
  public var score: Double
  /// The dispatch as stored (title, date, path, source, ...); `passages` are left out.
  public var dispatch: Dispatch
  /// The best passage, trimmed, with the matched words marked.
  public var snippet: Snippet
  /// Index of that passage in the dispatch (0-based).
  public var passage: Int
  /// When the dispatch entered the index (the `index` run's start, `Schema.indexedSlot`):
  /// nil for a dispatch written before runs were recorded.
  public var indexedAt: String? = nil
  /// With `SearchRequest.passages` above 1, the best passages (up to that many, the snippet's
  /// first), each trimmed and marked; empty otherwise.
  public var passages: [PassageSnippet] = []
  /// The other matching versions of the same story, collapsed into this result (earliest
  /// first); empty with `allVersions`.
  public var duplicates: [DispatchVersion] = []
}

/// One passage of a dispatch shown with `--passages`: its index and its snippet.
public struct PassageSnippet: Equatable, Sendable {
  /// Index of the passage in the dispatch (0-based).
  public var passage: Int
  /// The passage, trimmed, with the matched words marked.
  public var snippet: Snippet
}

/// A version of a story shown under the result that stands for its group.
public struct DispatchVersion: Equatable, Sendable {
  /// The dispatch id.
  public var id: String
  /// Its path, as stored.
  public var path: String
  /// Its date, if known.
  public var date: DispatchDate?
  /// Its source, if known.
  public var source: String?
}

/// The answer to a search.
public struct SearchResponse: Equatable, Sendable {
  /// The query as asked.
  public var query: String
  /// Matching dispatches in all (not only this page).
  public var total: Int
  /// Results in all, once versions of one story are collapsed into one (equal to `total`
  /// with `allVersions`): what paging goes through.
  public var totalGroups = 0
  /// This page of results.
  public var hits: [SearchHit]
  /// Matching dispatches per month over all matches (undated last); they add up to `total`.
  public var months: [MonthCount]
  /// A corrected query when words look misspelled (`Bayraktr` → `bayraktar`).
  public var suggestion: String?
  /// The suggestion, when all typed words together matched nothing and it was searched
  /// instead (the hits are then its hits); nil otherwise.
  public var corrected: String?
  /// True when all words together matched nothing and any of them was used instead.
  public var fellBackToAnyWord: Bool
  /// The shards left out because they did not answer (`OpenOptions.partial`), by name: the
  /// results are then those of the others only.
  public var missingShards: [String] = []
}

/// What an index holds.
public struct IndexStats: Equatable, Sendable {
  /// Dispatches.
  public var dispatches: Int
  /// Passages over all dispatches.
  public var passages: Int
  /// Earliest and latest dispatch dates, if any are dated.
  public var firstDate: DispatchDate?
  public var lastDate: DispatchDate?
  /// Bytes on disk.
  public var sizeBytes: Int
  /// Shards (sub-databases) searched together.
  public var shards: Int
}
