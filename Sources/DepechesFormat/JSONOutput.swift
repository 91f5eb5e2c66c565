import DepechesKit
import Foundation

/// The `--json` contract, version 1 (documented in README.md), printed by `depeches search
/// --json` and `stats --json` and served by `/api/search`, `/api/stats` and `/api/dispatch/ID`:
/// one encoder, so the CLI and the API give the same bytes. Fields are only ever added.
public enum JSONOutput {
  /// The documents' `version` key.
  public static let version = 1

  struct SearchDocument: Encodable {
    var version = JSONOutput.version
    var query: String
    var total: Int
    /// Results once versions of one story are collapsed into one (what paging goes through).
    var totalGroups: Int
    var results: [Result]
    var facets: Facets
    var suggestion: String?
    /// The suggestion that was searched instead of the typed words (null when none was).
    var corrected: String?
    /// "any" when no dispatch had all the words and any of them was used (null otherwise).
    var fallback: String?
    /// The shards left out by `--partial` because they did not answer ([] when none was).
    var missingShards: [String]
    enum CodingKeys: String, CodingKey {
      case version, query, total, totalGroups = "total_groups", results, facets, suggestion, corrected, fallback
      case missingShards = "missing_shards"
    }
  }

  struct Result: Encodable {
    var rank: Int
    var score: Double
    var id: String
    var path: String
    var title: String
    var date: String?
    var source: String?
    var author: String?
    var url: String?
    var snippet: String
    var highlights: [[Int]]
    var passage: Int
    /// With `--passages N` (N > 1): the best passages, the snippet's first (absent otherwise).
    var passages: [Passage]?
    /// The other versions of the story collapsed into this result (empty with --all-versions).
    var duplicates: [Version]
  }

  /// One of a result's best passages (`--passages`).
  struct Passage: Encodable {
    var passage: Int
    var snippet: String
    var highlights: [[Int]]
  }

  /// A collapsed version of a result's story.
  struct Version: Encodable {
    var id: String
    var path: String
    var date: String?
    var source: String?
  }

  struct Facets: Encodable { var month: [Month] }
  struct Month: Encodable {
    var value: String?
    var count: Int
  }

  struct StatsDocument: Encodable {
    var version = JSONOutput.version
    var dispatches: Int
    var passages: Int
    var firstDate: String?
    var lastDate: String?
    var sizeBytes: Int
    var shards: Int
    enum CodingKeys: String, CodingKey {
      case version, dispatches, passages, firstDate = "first_date", lastDate = "last_date", sizeBytes = "size_bytes", shards
    }
  }

  /// A dispatch read whole (`/api/dispatch/ID`): its fields, tags and passages.
  struct DispatchDocument: Encodable {
    var version = JSONOutput.version
    var id: String
    var path: String
    var title: String
    var date: String?
    var source: String?
    var author: String?
    var url: String?
    var tags: [String]
    var passages: [String]
  }

  /// The `search --json` document of a response.
  public static func search(_ r: SearchResponse) throws -> String {
    let results = r.hits.map(result)
    let doc = SearchDocument(
      query: r.query, total: r.total, totalGroups: r.totalGroups, results: results,
      facets: Facets(month: r.months.map { Month(value: $0.month, count: $0.count) }),
      suggestion: r.suggestion, corrected: r.corrected, fallback: r.fellBackToAnyWord ? "any" : nil,
      missingShards: r.missingShards)
    return try encode(doc)
  }

  /// One result object of a search document (also `watch run --json`'s and `similar --json`'s).
  static func result(_ hit: SearchHit) -> Result {
    Result(
      rank: hit.rank, score: (hit.score * 10_000).rounded() / 10_000, id: hit.dispatch.id,
      path: hit.dispatch.path, title: hit.dispatch.title, date: hit.dispatch.date?.iso,
      source: hit.dispatch.source, author: hit.dispatch.author, url: hit.dispatch.url,
      snippet: hit.snippet.text, highlights: hit.snippet.highlights.map { [$0.lowerBound, $0.upperBound] },
      passage: hit.passage,
      passages: hit.passages.isEmpty
        ? nil
        : hit.passages.map { Passage(passage: $0.passage, snippet: $0.snippet.text, highlights: $0.snippet.highlights.map { [$0.lowerBound, $0.upperBound] }) },
      duplicates: hit.duplicates.map { Version(id: $0.id, path: $0.path, date: $0.date?.iso, source: $0.source) })
  }

  /// The `stats --json` document.
  public static func stats(_ s: IndexStats) throws -> String {
    try encode(StatsDocument(
      dispatches: s.dispatches, passages: s.passages, firstDate: s.firstDate?.iso,
      lastDate: s.lastDate?.iso, sizeBytes: s.sizeBytes, shards: s.shards))
  }

  /// The document of one stored dispatch, with every passage.
  public static func dispatch(_ d: Dispatch) throws -> String {
    try encode(DispatchDocument(
      id: d.id, path: d.path, title: d.title, date: d.date?.iso, source: d.source, author: d.author,
      url: d.url, tags: d.tags, passages: d.passages))
  }

  /// The API's error document, `{"error": "…"}`.
  public static func error(_ message: String) throws -> String {
    try encode(["error": message])
  }

  static func encode<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
  }
}

extension KeyedEncodingContainer {
  /// The contract prints every key, `null` when there is no value: synthesized `Encodable`
  /// conformances in this module call this instead of leaving optional text out.
  mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
    try encode(value, forKey: key)
  }
}
