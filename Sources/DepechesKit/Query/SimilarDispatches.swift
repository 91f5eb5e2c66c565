import Foundation

/// `depeches similar`: dispatches about the same thing as one dispatch.
public struct SimilarRequest: Sendable {
  /// The dispatch's id (see `Dispatch.makeID`).
  public var id: String
  /// Results to return.
  public var limit: Int
  /// Only dispatches dated on or after / on or before these days.
  public var since: DispatchDate?
  public var until: DispatchDate?

  /// A request with the command line's defaults.
  public init(id: String, limit: Int = SearchRequest.defaultLimit, since: DispatchDate? = nil, until: DispatchDate? = nil) {
    self.id = id
    self.limit = limit
    self.since = since
    self.until = until
  }
}

/// The dispatches related to one, ranked, with their snippets.
public struct SimilarResponse: Sendable {
  /// The dispatch they are related to (without its passages).
  public var dispatch: Dispatch
  /// The words searched for: the dispatch's best expand terms, best first.
  public var terms: [String]
  /// The results as a search's (`query` is the terms joined by spaces).
  public var response: SearchResponse
}

extension SearchIndex {
  /// Expand terms searched for: enough to name a subject (places, people, the event's
  /// words), few enough that the dispatch's incidental words weigh little.
  public static let similarTerms = 20
  /// Expand terms asked of Xapian, per term kept: room for the stop words and numbers left out.
  static let expandOverfetch = 3
  /// Dispatches a file may hold for `dispatchIDs(inFile:)` to list them all.
  static let maxDispatchesPerFileListed = 1_000

  /// The dispatches most like the one with `request.id` (Xapian's RSet of it alone, its
  /// ESet's best terms OR'ed as a query), it and those `similarExclusions` names left out;
  /// nil when no dispatch has that id.
  public func similar(_ request: SimilarRequest) throws -> SimilarResponse? {
    try retryingIfModified {
      let lookup = try XapianMSet(
        database: db, query: try XapianQuery.term(Schema.idTerm(request.id)), offset: 0, limit: 1,
        checkAtLeast: 0, facetSlot: nil)
      guard lookup.count > 0 else { return nil }
      let docid = try lookup.docid(at: 0)
      var dispatch = try lookup.storedDispatch(at: 0).dispatch
      dispatch.passages = []
      let terms = try expandTerms(of: docid)
      var search = SearchRequest(query: terms.joined(separator: " "), limit: request.limit, since: request.since, until: request.until)
      let group = try lookup.value(at: 0, slot: Schema.groupSlot).utf8String
      search.restrictions = SearchIndex.similarExclusions(of: dispatch, group: group.isEmpty ? nil : group)
      let node = QueryNode.any(terms.map { .word(QueryWord(term: $0, stemBase: $0)) })
      let outcome = terms.isEmpty
        ? Outcome(total: 0, totalGroups: 0, hits: [], months: [])
        : try execute(node, search, wordSets: WordSetReader(db: db))
      let response = SearchResponse(
        query: search.query, total: outcome.total, totalGroups: outcome.totalGroups, hits: outcome.hits,
        months: outcome.months,
        suggestion: nil, corrected: nil, fellBackToAnyWord: false)
      return SimilarResponse(dispatch: dispatch, terms: terms, response: response)
    }
  }

  /// What `similar` leaves out for `dispatch`: the dispatch itself and the other versions of
  /// its story (`group`, its `Schema.groupSlot` value, when it has one). The one place that
  /// decides it.
  static func similarExclusions(of dispatch: Dispatch, group: String?) -> [SearchRestriction] {
    [.excluding(ids: [dispatch.id])] + (group.map { [.excludingGroup($0)] } ?? [])
  }

  /// The dispatch's best expand terms, words only (no stop word, number or word shorter
  /// than `DocumentBuilder.minSpellingLength`), one per stem: each word is searched with its
  /// stem's forms, so "japonais" and "japonaises" would count one subject twice.
  private func expandTerms(of docid: UInt32) throws -> [String] {
    let candidates = try db.expandTerms(docid: docid, max: SearchIndex.similarTerms * SearchIndex.expandOverfetch)
    var stemsSeen: Set<String> = []
    let words = candidates.filter { term in
      term.unicodeScalars.count >= DocumentBuilder.minSpellingLength && !StopWords.contains(term)
        && !term.unicodeScalars.allSatisfy { ("0"..."9").contains($0) } && stemsSeen.insert(stems.foldedStem(term)).inserted
    }
    return Array(words.prefix(SearchIndex.similarTerms))
  }

  /// The ids of the dispatches read from the file at `path` (relative to the working
  /// directory), in the order they were written: for `similar PATH`.
  public func dispatchIDs(inFile path: String) throws -> [String] {
    let absolute = FileWalker.absolute(path, from: FileManager.default.currentDirectoryPath)
    return try retryingIfModified {
      let mset = try XapianMSet(
        database: db, query: try XapianQuery.term(FileState.term(forPath: absolute)), offset: 0,
        limit: SearchIndex.maxDispatchesPerFileListed, checkAtLeast: 0, facetSlot: nil)
      return try (0..<mset.count).compactMap { index in
        try StoredDispatch(decoding: try mset.value(at: index, slot: Schema.storedSlot))?.dispatch.id
      }
    }
  }
}
