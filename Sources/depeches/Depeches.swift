import ArgumentParser
import DepechesKit

/// The `depeches` command: index folders of French dispatches, then search them.
@main
struct Depeches: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "depeches",
    abstract: "Full-text search for French news dispatches, on Xapian.",
    discussion: """
      Index a folder of dispatches (.txt .md .html .jsonl RSS/Atom), then search it:
        depeches index seeds
        depeches search cessez le feu
        depeches search '"cessez le feu"' --since 2021-11-01 --json
      Exit codes: 0 success (also with no results), 64 bad usage, 1 runtime failure,
      130 interrupted.
      """,
    version: "depeches 0.1.0 (Xapian \(xapianVersion))",
    subcommands: [
      IndexCommand.self, SearchCommand.self, StatsCommand.self, CompactCommand.self,
      ServeShardCommand.self, BenchCommand.self, ServeCommand.self, WatchCommand.self, SimilarCommand.self,
    ]
  )

  /// Runs the command line: `search` in its common forms is read by `QuickSearch`, which
  /// skips ArgumentParser's start-up cost; everything else, and every usage error, by
  /// ArgumentParser. Errors are printed by `exitReporting`, which escapes control characters.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      guard let search = QuickSearch.invocation(arguments) else {
        let commands = configuration.subcommands.compactMap { $0.configuration.commandName }
        if let typo = CommandSuggestion.error(for: arguments, commands: commands) { throw typo }
        var command = try parseAsRoot(QuickSearch.forArgumentParser(arguments))
        return try command.run()
      }
      try search.run()
    } catch {
      exitReporting(error)
    }
  }
}

/// Options shared by the commands that read an index.
struct ReadIndexOptions: ParsableArguments {
  /// The index read when no `--index` is given.
  static let defaultIndexes = ["Index"]
  /// Seconds to wait for a remote shard when no `--timeout` is given.
  static let defaultTimeout: Double = 10
  /// `--timeout`'s range in seconds: the engine's (`OpenOptions.timeoutRange`).
  static let timeoutRange = OpenOptions.timeoutRange

  @Option(name: .customLong("index"), help: "Index folder (sharded or not) or Xapian stub file listing local and `remote :HOST:PORT` databases; repeat to search several together.")
  var indexes: [String] = ReadIndexOptions.defaultIndexes

  @Option(help: "Seconds to wait for a remote shard before giving up on it.")
  var timeout: Double = ReadIndexOptions.defaultTimeout

  @Flag(help: "When some shards are down, search the others (with a warning naming the missing ones) instead of failing.")
  var partial = false

  func validate() throws { try Self.validate(timeout: timeout) }

  /// Checks `--timeout` (NaN and infinities are outside the range); throws `ValidationError`
  /// (exit 64).
  static func validate(timeout: Double) throws {
    try checkRange(timeout, timeoutRange, option: "--timeout", unit: "seconds")
  }

  /// Opens every index given as one; warnings go to stderr.
  func open() throws -> SearchIndex { try Self.open(indexes, timeout: timeout, partial: partial) }

  /// Opens `indexes` as one; warnings go to stderr.
  static func open(_ indexes: [String], timeout: Double, partial: Bool) throws -> SearchIndex {
    let index = try SearchIndex(paths: indexes, options: OpenOptions(timeoutSeconds: timeout, partial: partial))
    index.warnings.forEach(Terminal.warning)
    return index
  }
}
