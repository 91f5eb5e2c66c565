import ArgumentParser
import DepechesKit

/// `depeches search`: ranked dispatches with their best passage, month counts, suggestions.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search the index.",
    discussion: """
      Words typed without quotes are one query: every word must match (stemmed, accents and
      case ignored, exact forms ranked first); when that finds nothing, any word may match.
      Syntax: "quoted phrase" (also « »), AND, OR, NOT (also ET, OU, SAUF), ( ), +word, -word,
      prefix*. Hyphenated words (cessez-le-feu) are phrases.
      """)

  @Argument(help: "The query: words, \"phrases\", operators.")
  var words: [String]

  @OptionGroup var index: ReadIndexOptions

  @Option(help: "Results to show.")
  var limit = SearchRequest.defaultLimit

  @Option(help: "Results to skip (for paging).")
  var offset = 0

  @Option(help: "Only dispatches dated on or after this day (YYYY-MM-DD).")
  var since: String?

  @Option(help: "Only dispatches dated on or before this day (YYYY-MM-DD).")
  var until: String?

  @Flag(help: "Print results as JSON (versioned, stable; see README).")
  var json = false

  /// Largest page accepted.
  static let maxLimit = 10_000

  func validate() throws {
    guard (1...Self.maxLimit).contains(limit) else { throw ValidationError("--limit must be between 1 and \(Self.maxLimit)") }
    guard offset >= 0 else { throw ValidationError("--offset must be 0 or more") }
    if let from = try parseDay(since, option: "--since"), let to = try parseDay(until, option: "--until"), from > to {
      throw ValidationError("--since \(since!) is after --until \(until!)")
    }
    guard !query.allSatisfy(\.isWhitespace) else { throw ValidationError("the query is empty") }
  }

  var query: String { words.joined(separator: " ") }

  func run() throws {
    try runReportingFailures {
      let request = SearchRequest(
        query: query, limit: limit, offset: offset,
        since: try parseDay(since, option: "--since"), until: try parseDay(until, option: "--until"))
      let opened = try index.open()
      let before = opened.warnings.count
      let response = try opened.search(request)
      opened.warnings.dropFirst(before).forEach(Terminal.warning)
      if response.fellBackToAnyWord {
        Terminal.note("no dispatch has all the words; showing those with any of them")
      }
      if json {
        print(try JSONOutput.search(response))
      } else {
        print(TextOutput.search(response), terminator: "")
      }
    }
  }
}

/// `depeches stats`: what an index holds.
struct StatsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "stats", abstract: "Show what the index holds: dispatches, passages, dates, size.")

  @OptionGroup var index: ReadIndexOptions

  @Flag(help: "Print as JSON.")
  var json = false

  func run() throws {
    try runReportingFailures {
      let stats = try index.open().stats()
      print(json ? try JSONOutput.stats(stats) : TextOutput.stats(stats), terminator: json ? "\n" : "")
    }
  }
}
