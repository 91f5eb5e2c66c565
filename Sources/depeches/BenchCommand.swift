import ArgumentParser
import DepechesBench
import DepechesKit
import Foundation

/// `depeches bench`: times every query of a file in-process and prints p50/p95/max.
struct BenchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "bench",
    abstract: "Time the queries of a file against an index (p50/p95/max in ms).",
    discussion: """
      Each query goes through the full search path (ranking, snippets of the first page, month \
      counts over all matches), in this process, after one untimed warm-up pass.

      Query file: one query per line, # comments, optional date filters after a tab:
        Haut-Karabakh drones<TAB>since=2020-09-27 until=2020-11-10
      """)

  @OptionGroup var index: ReadIndexOptions

  @Option(help: "The query file (one query per line).")
  var queries: String

  @Option(help: "Timed passes over all the queries.")
  var runs = QueryBenchmark.defaultRuns

  @Flag(help: "Print the figures as JSON.")
  var json = false

  /// Most timed passes: every sample is kept, and a thousand passes are plenty for p95.
  static let maxRuns = 1_000

  func validate() throws {
    try checkRange(runs, 1...Self.maxRuns, option: "--runs")
  }

  func run() throws {
    try runReportingFailures {
      let requests = try QueryFile.load(path: queries)
      guard !requests.isEmpty else { throw DepechesError.invalidArgument("no queries in \(queries)") }
      let timings = try QueryBenchmark.run(index: index.open(), requests: requests, runs: runs)
      for query in timings.queriesWithoutMatches { Terminal.note("no match: \(query)") }
      print(json ? try BenchOutput.json(timings) : BenchOutput.text(timings))
    }
  }
}

/// Text and JSON (version 1) forms of the benchmark figures.
enum BenchOutput {
  struct Document: Encodable {
    var version = 1
    var queries: Int
    var runs: Int
    var samples: Int
    var p50Ms: Double
    var p95Ms: Double
    var maxMs: Double
    var meanMs: Double
    var totalMatches: Int
    var queriesWithoutMatches: Int
    var cpuP50Ms: Double
    var cpuP95Ms: Double
    var cpuMaxMs: Double

    enum CodingKeys: String, CodingKey {
      case version, queries, runs, samples, p50Ms = "p50_ms", p95Ms = "p95_ms", maxMs = "max_ms"
      case meanMs = "mean_ms", totalMatches = "total_matches", queriesWithoutMatches = "queries_without_matches"
      case cpuP50Ms = "cpu_p50_ms", cpuP95Ms = "cpu_p95_ms", cpuMaxMs = "cpu_max_ms"
    }
  }

  /// Milliseconds are printed with this many decimals.
  static let decimals = 3

  static func json(_ t: QueryTimings) throws -> String {
    let document = Document(
      queries: t.queries, runs: t.runs, samples: t.samplesMs.count, p50Ms: rounded(t.p50Ms),
      p95Ms: rounded(t.p95Ms), maxMs: rounded(t.maxMs), meanMs: rounded(t.meanMs),
      totalMatches: t.totalMatches, queriesWithoutMatches: t.queriesWithoutMatches.count,
      cpuP50Ms: rounded(t.cpuP50Ms), cpuP95Ms: rounded(t.cpuP95Ms), cpuMaxMs: rounded(t.cpuMaxMs))
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(document), as: UTF8.self)
  }

  static func text(_ t: QueryTimings) -> String {
    """
    queries: \(t.queries) × \(IndexReporter.count(t.runs, "run", "runs")) (after 1 warm-up pass), \(t.queriesWithoutMatches.count) without matches
    p50 \(format(t.p50Ms)) ms  p95 \(format(t.p95Ms)) ms  max \(format(t.maxMs)) ms  mean \(format(t.meanMs)) ms
    """
  }

  private static func rounded(_ ms: Double) -> Double {
    let scale = pow(10, Double(decimals))
    return (ms * scale).rounded() / scale
  }

  private static func format(_ ms: Double) -> String { String(format: "%.\(decimals)f", ms) }
}
