import ArgumentParser
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

  /// Largest page accepted.
  static let maxLimit = 10_000
  /// Largest offset accepted: Xapian counts documents in 32 bits, and offset + limit must fit.
  static let maxOffset = Int(UInt32.max) - maxLimit

  /// The query text.
  var query: String { words.joined(by: " ") }

  /// The checks of search's own options; `ReadIndexOptions.validate(timeout:)` checks the
  /// shared ones. Throws `ValidationError` (exit 64).
  func validate() throws {
    try checkRange(limit, 1...Self.maxLimit, option: "--limit")
    try checkRange(offset, 0...Self.maxOffset, option: "--offset")
    if let from = try parseDay(since, option: "--since"), let to = try parseDay(until, option: "--until"), from > to {
      throw ValidationError("--since \(since!) is after --until \(until!)")
    }
    guard !query.allSatisfy(\.isWhitespace) else { throw ValidationError("the query is empty") }
  }

  /// Searches and prints the results; failures become "Error: …" and an exit code.
  func run() throws {
    try runReportingFailures {
      let request = SearchRequest(
        query: query, limit: limit, offset: offset,
        since: try parseDay(since, option: "--since"), until: try parseDay(until, option: "--until"))
      let opened = try ReadIndexOptions.open(indexes, timeout: timeout, partial: partial)
      let before = opened.warnings.count
      let response = try opened.search(request)
      opened.warnings.dropFirst(before).forEach(Terminal.warning)
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

extension [String] {
  /// The strings with `separator` between them, like `joined(separator:)`; that one is not
  /// specialised for arrays, and its first call looks up a witness at run time, which in a
  /// static binary scans every protocol conformance (~0.1 ms of a search process).
  func joined(by separator: String) -> String {
    var text = ""
    for (index, string) in enumerated() {
      if index > 0 { text += separator }
      text += string
    }
    return text
  }
}
