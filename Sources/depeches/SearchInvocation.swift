import ArgumentParser
import DepechesFormat
import DepechesKit

/// One `depeches search`, however its command line was read (`SearchCommand` through
/// ArgumentParser, or `QuickSearch`): the same checks and the same run either way.
struct SearchInvocation: Equatable {
  /// The query's words, joined by spaces.
  var words: [String]
  /// Index folders or stub files, searched together.
  var indexes = ReadIndexOptions.defaultIndexes
  /// Seconds to wait for a remote shard.
  var timeout = ReadIndexOptions.defaultTimeout
  /// Search the shards that answer when some do not.
  var partial = false
  /// Results to show.
  var limit = SearchRequest.defaultLimit
  /// Results to skip.
  var offset = 0
  /// `--since` as typed (YYYY-MM-DD).
  var since: String?
  /// `--until` as typed (YYYY-MM-DD).
  var until: String?
  /// Print JSON instead of text.
  var json = false
  /// `--sort` as typed: "relevance" or "date".
  var sort = SearchSort.relevance.rawValue
  /// `--source`: only dispatches from this source.
  var source: String?
  /// `--passages`: passages shown per dispatch.
  var passages = 1

  /// Most passages shown per dispatch.
  static let maxPassages = 20
  /// List every version of a story instead of one result per group.
  var allVersions = false


  /// The query text.
  var query: String { words.joined(separator: " ") }

  /// The checks of search's own options; `ReadIndexOptions.validate(timeout:)` checks the
  /// shared ones. Throws `ValidationError` (exit 64).
  func validate() throws {
    // The engine's ranges (it checks them too), as usage errors naming the options.
    try checkRange(limit, SearchRequest.limitRange, option: "--limit")
    try checkRange(offset, SearchRequest.offsetRange, option: "--offset")
    if let from = try parseDay(since, option: "--since"), let to = try parseDay(until, option: "--until"), from > to {
      throw ValidationError("--since \(since!) is after --until \(until!)")
    }
    try checkRange(passages, 1...Self.maxPassages, option: "--passages")
    if let source, source.allSatisfy(\.isWhitespace) { throw ValidationError("--source is empty") }
    guard !query.allSatisfy(\.isWhitespace) else { throw ValidationError("the query is empty") }
    _ = try order()
  }

  /// The order `--sort` names.
  func order() throws -> SearchSort {
    guard let order = SearchSort(rawValue: sort) else {
      throw ValidationError("--sort must be one of: \(SearchSort.allCases.map(\.rawValue).joined(separator: ", ")) (got '\(sort)')")
    }
    return order
  }

  /// Searches and prints the results; failures become "Error: …" and an exit code.
  func run() throws {
    try runReportingFailures {
      var request = SearchRequest(
        query: query, limit: limit, offset: offset,
        since: try parseDay(since, option: "--since"), until: try parseDay(until, option: "--until"),
        sort: try order(), source: source, passages: passages)
      request.allVersions = allVersions
      let opened = try ReadIndexOptions.open(indexes, timeout: timeout, partial: partial)
      let before = opened.warnings.count
      let response = try opened.search(request)
      opened.warnings.dropFirst(before).forEach(Terminal.warning)
      if let corrected = response.corrected {
        Terminal.note("Résultats pour « \(corrected) » : aucune dépêche n'a tous les mots tapés")
      }
      if response.fellBackToAnyWord {
        Terminal.note("no dispatch has all the words; showing those with any of them")
      }
      if json {
        Terminal.outputJSON(try JSONOutput.search(response))
      } else {
        Terminal.output(TextOutput.search(response))
      }
    }
  }
}
