import ArgumentParser
import DepechesFormat
import DepechesKit

/// `depeches search`: ranked dispatches with their best passage, month counts, suggestions.
struct SearchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "search",
    abstract: "Search the index.",
    discussion: """
      Words typed without quotes are one query: every word must match (stemmed, accents and \
      case ignored, exact forms ranked first); when that finds nothing, any word may match.

      Syntax: "quoted phrase" (also « »), AND, OR, NOT (also ET, OU, SAUF), ( ), +word, -word, \
      prefix*. Hyphenated words (cessez-le-feu) are phrases. Fields: title:word (or \
      title:"words"; also titre:) in the title only, source:name (or source:"Le Monde") the \
      whole source name, author:word (also auteur:) a word of the author's name. A capitalised \
      word is a name: it matches its plurals, and its other transliterations (Poroshenko: \
      Porochenko).
      """)

  @Argument(help: "The query: words, \"phrases\", operators.")
  var words: [String]

  @OptionGroup var index: ReadIndexOptions

  @Option(help: "Results to show (0: only the total and the month counts, no snippets; at most 10000).")
  var limit = SearchRequest.defaultLimit

  @Option(help: "Results to skip (for paging).")
  var offset = 0

  @Option(help: "Only dispatches dated on or after this day (YYYY-MM-DD).")
  var since: String?

  @Option(help: "Only dispatches dated on or before this day (YYYY-MM-DD).")
  var until: String?

  @Option(help: "Order of the results: relevance (best first, the default) or date (newest first, undated last).")
  var sort = SearchSort.relevance.rawValue

  @Option(help: "Only dispatches from this source (its whole name, case and accents ignored).")
  var source: String?

  @Option(help: "Passages shown per dispatch, best first (1 to \(SearchInvocation.maxPassages); default 1).")
  var passages = 1

  @Flag(help: "Print results as JSON (versioned, stable; see README).")
  var json = false

  @Flag(help: "List every version of a story (by default, one result per group of versions, the others named under it).")
  var allVersions = false

  /// What was asked, for the checks and the run shared with `QuickSearch`.
  var invocation: SearchInvocation {
    SearchInvocation(
      words: words, indexes: index.indexes, timeout: index.timeout, partial: index.partial,
      limit: limit, offset: offset, since: since, until: until, json: json, sort: sort,
      source: source, passages: passages, allVersions: allVersions)
  }

  func validate() throws { try invocation.validate() }

  func run() throws { try invocation.run() }
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
      if json { Terminal.outputJSON(try JSONOutput.stats(stats)) } else { Terminal.output(TextOutput.stats(stats)) }
    }
  }
}
