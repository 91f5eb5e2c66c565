import DepechesKit

/// The `watch run --json` and `similar --json` documents (version 1, README.md): their
/// results are the objects of `search --json`.
extension JSONOutput {
  struct WatchRunDocument: Encodable {
    var version = JSONOutput.version
    var searches: [WatchedSearch]
  }

  struct WatchedSearch: Encodable {
    var name: String
    var query: String
    var new: Int
    var results: [Result]
  }

  struct SimilarDocument: Encodable {
    var version = JSONOutput.version
    var id: String
    var title: String
    var terms: [String]
    var total: Int
    var results: [Result]
  }

  /// `{ "version": 1, "searches": [ { "name", "query", "new", "results" } ] }`.
  public static func watchRun(_ outcomes: [WatchOutcome]) throws -> String {
    try encode(WatchRunDocument(searches: outcomes.map {
      WatchedSearch(
        name: $0.search.name, query: $0.search.query, new: $0.response.total, results: $0.response.hits.map(result))
    }))
  }

  /// `{ "version": 1, "id", "title", "terms", "total", "results" }`: the dispatch, the words
  /// searched for, and the related dispatches.
  public static func similar(_ s: SimilarResponse) throws -> String {
    try encode(SimilarDocument(
      id: s.dispatch.id, title: s.dispatch.title, terms: s.terms, total: s.response.total,
      results: s.response.hits.map(result)))
  }
}
