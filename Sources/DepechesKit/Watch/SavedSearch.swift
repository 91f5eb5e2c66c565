import Foundation

/// A search kept with the index (`depeches watch add`), and how far `watch run` has shown it.
public struct SavedSearch: Codable, Equatable, Sendable {
  /// Its name: letters, digits, `.`, `_`, `-` (it names a feed, `/feeds/NAME.atom`).
  public var name: String
  /// The query, in `search`'s syntax.
  public var query: String
  /// Only dispatches dated on or after this day (YYYY-MM-DD); also what was indexed before
  /// the search was added, from that day on.
  public var since: String?
  /// Only dispatches from this source.
  public var source: String?
  /// When it was added (UTC, RFC 3339).
  public var created: String
  /// The last completed `index` run whose dispatches this search has shown (see `IndexRun`):
  /// the next `watch run` shows those of later runs.
  public var recorded: Int
  /// When `watch run` last ran it, and how many new dispatches it showed then.
  public var lastRun: String?
  public var lastNew: Int?

  /// Longest name accepted.
  public static let maxNameLength = 64

  /// A search starting after run `completed` (or from the start of the index with `since`).
  public init(name: String, query: String, since: DispatchDate?, source: String?, completed: Int, now: Date = Date()) {
    self.name = name
    self.query = query
    self.since = since?.iso
    self.source = source
    self.created = IndexRun.timeText(now)
    self.recorded = since == nil ? completed : 0
  }

  enum CodingKeys: String, CodingKey {
    case name, query, since, source, created, recorded, lastRun = "last_run", lastNew = "last_new"
  }

  /// `since` as a date.
  public var sinceDate: DispatchDate? { since.flatMap(DispatchDate.init(iso:)) }

  /// Nil when `name` can name a saved search, else why not.
  public static func problem(withName name: String) -> String? {
    let allowed = name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)
    }
    guard !name.isEmpty, name.count <= maxNameLength, allowed, !name.hasPrefix(".") else {
      return "a saved search's name is 1 to \(maxNameLength) letters, digits, '.', '_' or '-' (not starting with '.'), got \"\(name)\""
    }
    return nil
  }

  /// The search request of this saved search, newest first; `runs` narrows it to the
  /// dispatches that entered the index in those runs. Every version of a story is listed:
  /// a new version (an update, another outlet's) is itself news to someone following it.
  func request(limit: Int, runs: ClosedRange<Int>? = nil) -> SearchRequest {
    var request = SearchRequest(query: query, limit: limit, since: sinceDate, sort: .date)
    request.allVersions = true
    if let runs { request.restrictions.append(.enteredIn(runs)) }
    if let source { request.restrictions.append(.source(source)) }
    return request
  }
}
