import ArgumentParser
import DepechesKit

/// The `depeches` command: index folders of French dispatches, then search them.
@main
struct Depeches: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "depeches",
    abstract: "Full-text search for French news dispatches, on Xapian.",
    discussion: """
      Index a folder of dispatches (.txt, .md, .html, .jsonl, RSS/Atom), then search it:
        depeches index seeds
        depeches search cessez le feu
        depeches search '"cessez le feu"' --since 2021-11-01 --json
      Exit codes: 0 success (also with no results), 64 bad usage, 1 runtime failure, 130 interrupted.
      """,
    version: "depeches 0.1.0 (Xapian \(xapianVersion))",
    subcommands: [IndexCommand.self, SearchCommand.self, StatsCommand.self, BenchCommand.self]
  )
}

/// Options shared by the commands that read an index.
struct ReadIndexOptions: ParsableArguments {
  @Option(name: .customLong("index"), help: "Index folder or Xapian stub file to search; repeat to search several together.")
  var indexes: [String] = ["Index"]

  /// Opens every index given as one.
  func open() throws -> SearchIndex { try SearchIndex(paths: indexes) }
}
