import DepechesKit
import Foundation

/// What a query benchmark measured: one wall-clock sample per search, in milliseconds.
public struct QueryTimings: Equatable, Sendable {
  /// Queries in the file.
  public var queries: Int
  /// Timed passes over all the queries (the warm-up pass is not counted).
  public var runs: Int
  /// Every timed search, in milliseconds, pass after pass in file order.
  public var samplesMs: [Double]
  /// Matching dispatches summed over the queries (from the warm-up pass).
  public var totalMatches: Int
  /// The queries that matched nothing (from the warm-up pass), in file order.
  public var queriesWithoutMatches: [String]
  /// The CPU time of the searching thread for each timed search, in milliseconds (same order
  /// as `samplesMs`): on a machine shared with other jobs, wall time also counts their turns.
  public var cpuSamplesMs: [Double] = []

  /// Median search time.
  public var p50Ms: Double { Percentile.of(samplesMs, 50) ?? 0 }
  /// 95th-percentile search time.
  public var p95Ms: Double { Percentile.of(samplesMs, 95) ?? 0 }
  /// Slowest search.
  public var maxMs: Double { samplesMs.max() ?? 0 }
  /// Median CPU time of a search.
  public var cpuP50Ms: Double { Percentile.of(cpuSamplesMs, 50) ?? 0 }
  /// 95th-percentile CPU time of a search.
  public var cpuP95Ms: Double { Percentile.of(cpuSamplesMs, 95) ?? 0 }
  /// Largest CPU time of a search.
  public var cpuMaxMs: Double { cpuSamplesMs.max() ?? 0 }
  /// Mean search time.
  public var meanMs: Double { samplesMs.isEmpty ? 0 : samplesMs.reduce(0, +) / Double(samplesMs.count) }
}

/// Times the full search path (`SearchIndex.search`: ranking, snippets of the page, month facets
/// over all matches, spelling suggestion) in-process, so the figures leave out process start-up
/// and index opening.
public struct QueryBenchmark {
  /// Timed passes when the caller does not say.
  public static let defaultRuns = 5

  /// Runs every request once as a warm-up (caches, lazy tables), then `runs` timed passes over
  /// all of them with `ContinuousClock`. Errors of a search (a bad query) are thrown as is.
  public static func run(index: SearchIndex, requests: [SearchRequest], runs: Int = defaultRuns) throws -> QueryTimings {
    guard runs >= 1 else { throw DepechesError.invalidArgument("runs must be at least 1") }
    guard !requests.isEmpty else { throw DepechesError.invalidArgument("no queries to run") }
    var totalMatches = 0
    var withoutMatches: [String] = []
    for request in requests {
      let response = try index.search(request)
      totalMatches += response.total
      if response.total == 0 { withoutMatches.append(request.query) }
    }
    let clock = ContinuousClock()
    var samples: [Double] = []
    var cpu: [Double] = []
    samples.reserveCapacity(runs * requests.count)
    cpu.reserveCapacity(runs * requests.count)
    for _ in 0..<runs {
      for request in requests {
        let cpuStart = threadCPUMilliseconds()
        let start = clock.now
        _ = try index.search(request)
        samples.append(milliseconds(clock.now - start))
        cpu.append(threadCPUMilliseconds() - cpuStart)
      }
    }
    return QueryTimings(
      queries: requests.count, runs: runs, samplesMs: samples,
      totalMatches: totalMatches, queriesWithoutMatches: withoutMatches, cpuSamplesMs: cpu)
  }

  /// CPU time used by the calling thread so far, in milliseconds.
  static func threadCPUMilliseconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) * 1_000 + Double(now.tv_nsec) / 1e6
  }

  /// A duration in (fractional) milliseconds.
  static func milliseconds(_ duration: Duration) -> Double {
    let attosecondsPerMillisecond = 1e15
    let (seconds, attoseconds) = duration.components
    return Double(seconds) * 1_000 + Double(attoseconds) / attosecondsPerMillisecond
  }
}
