import ArgumentParser
import DepechesFormat
import DepechesKit
import Foundation

/// `depeches watch`: saved searches kept with the index, and what is new for each.
struct WatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "watch",
    abstract: "Saved searches: what entered the index since each last ran, and Atom feeds.",
    discussion: """
      A saved search is kept with the index (the file depeches-watches.json inside the index \
      folder). `watch run` shows, for each, the dispatches that an `index` run added or \
      changed since it last ran and that match it, newest first, then records that point: \
      running it twice in a row shows nothing the second time.
      """,
    subcommands: [
      WatchAddCommand.self, WatchListCommand.self, WatchRemoveCommand.self, WatchShowCommand.self,
      WatchRunCommand.self, WatchFeedCommand.self,
    ])
}

/// The index options of the `watch` commands: one index, whose folder keeps the searches.
struct WatchIndexOptions: ParsableArguments {
  @OptionGroup var index: ReadIndexOptions

  func validate() throws {
    guard index.indexes.count == 1 else {
      throw ValidationError("saved searches are kept with one index: give --index once")
    }
  }

  /// The store of the searches.
  func store() throws -> WatchStore { try WatchStore(indexPath: index.indexes[0]) }
}

struct WatchAddCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "add", abstract: "Save a search (it then sees what enters the index from now on).")

  @Argument(help: "The search's name: letters, digits, '.', '_', '-'.")
  var name: String

  @Argument(help: "The query, in `search`'s syntax (put `--` before it when a word starts with '-').")
  var words: [String]

  @Option(help: "Only dispatches dated on or after this day (YYYY-MM-DD); the first run also shows those already indexed from that day on.")
  var since: String?

  @Option(help: "Only dispatches from this source (as in their metadata; case and accents ignored).")
  var source: String?

  @OptionGroup var options: WatchIndexOptions

  var query: String { words.joined(separator: " ") }

  func validate() throws {
    if let problem = SavedSearch.problem(withName: name) { throw ValidationError(problem) }
    guard !query.allSatisfy(\.isWhitespace) else { throw ValidationError("the query is empty") }
    _ = try parseDay(since, option: "--since")
    if let source, source.allSatisfy(\.isWhitespace) { throw ValidationError("--source is empty") }
  }

  func run() throws {
    try runReportingFailures {
      try SearchIndex.checkQuery(query)
      let store = try options.store()
      let completed = try options.index.open().completedRun()
      let search = SavedSearch(
        name: name, query: query, since: try parseDay(since, option: "--since"), source: source, completed: completed)
      try store.add(search)
      Terminal.note("saved search \(name): \"\(query)\"")
    }
  }
}

struct WatchListCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "list", abstract: "List the saved searches.")

  @OptionGroup var options: WatchIndexOptions

  func run() throws {
    try runReportingFailures {
      let searches = try options.store().load()
      Terminal.output(searches.reduce(into: TerminalText("")) { $0 += WatchText.line($1) })
    }
  }
}

struct WatchRemoveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove a saved search.")

  @Argument(help: "The search's name.")
  var name: String

  @OptionGroup var options: WatchIndexOptions

  func run() throws {
    try runReportingFailures {
      try options.store().remove(name)
      Terminal.note("removed saved search \(name)")
    }
  }
}

struct WatchShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a saved search: its query and last run.")

  @Argument(help: "The search's name.")
  var name: String

  @OptionGroup var options: WatchIndexOptions

  func run() throws {
    try runReportingFailures { Terminal.output(WatchText.details(try options.store().search(named: name))) }
  }
}

struct WatchRunCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "run", abstract: "Show what is new for each saved search (or those named), then record it.",
    discussion: "Each search's point is recorded once its results are printed; a run killed or failing midway records nothing for the searches it did not finish.")

  @Argument(help: "Saved searches to run (default: all).")
  var names: [String] = []

  @Flag(help: "Print as JSON (versioned, stable; see README).")
  var json = false

  @OptionGroup var options: WatchIndexOptions

  func run() throws {
    try runReportingFailures {
      let store = try options.store()
      let all = try store.load()
      for name in names where !all.contains(where: { $0.name == name }) { throw WatchStore.unknown(name) }
      let chosen = names.isEmpty ? all : names.compactMap { name in all.first { $0.name == name } }
      let index = try options.index.open()
      let completed = try index.completedRun()
      if json {
        let outcomes = try chosen.map { try index.newMatches(of: $0, completed: completed) }
        Terminal.outputJSON(try JSONOutput.watchRun(outcomes))
        for outcome in outcomes { try record(outcome, in: store) }
      } else {
        for search in chosen {
          let outcome = try index.newMatches(of: search, completed: completed)
          Terminal.output(WatchText.outcome(outcome))
          try record(outcome, in: store)
        }
      }
    }
  }

  private func record(_ outcome: WatchOutcome, in store: WatchStore) throws {
    try store.record(outcome.search.name, completed: outcome.completed, shown: outcome.response.total)
  }
}

struct WatchFeedCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "feed", abstract: "Write the Atom feed of a saved search: its latest \(SearchIndex.feedLength) matches.")

  @Argument(help: "The search's name.")
  var name: String

  @Option(name: [.customShort("o"), .customLong("output")], help: "Write the feed to this file (replaced atomically) instead of stdout.")
  var output: String?

  @OptionGroup var options: WatchIndexOptions

  func run() throws {
    try runReportingFailures {
      let search = try options.store().search(named: name)
      let response = try options.index.open().latestMatches(of: search)
      let cwd = FileManager.default.currentDirectoryPath
      let feed = AtomFeed.document(search: search, response: response) {
        AtomFeed.fileURI(FileWalker.absolute($0.dispatch.path, from: cwd))
      }
      guard let output else { return Terminal.outputDocument(feed) }
      do {
        try Data(feed.utf8).write(to: URL(fileURLWithPath: output), options: .atomic)
      } catch {
        throw DepechesError.unreadableFile(path: output, reason: "cannot write the feed: \(error.localizedDescription)")
      }
    }
  }
}
