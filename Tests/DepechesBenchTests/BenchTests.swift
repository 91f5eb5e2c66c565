import DepechesKit
import Foundation
import Testing

@testable import DepechesBench

/// The benchmark's pure parts: percentiles and the query-file parser. No timing is asserted.
@Suite struct BenchTests {
  @Test(arguments: [
    // (values, percent, expected): NumPy's default linear interpolation.
    ([5.0], 50.0, 5.0),
    ([5.0], 95.0, 5.0),
    ([1.0, 2.0, 3.0, 4.0], 50.0, 2.5),
    ([4.0, 1.0, 3.0, 2.0], 50.0, 2.5),
    ([1.0, 2.0, 3.0, 4.0, 5.0], 50.0, 3.0),
    ([1.0, 2.0, 3.0, 4.0, 5.0], 0.0, 1.0),
    ([1.0, 2.0, 3.0, 4.0, 5.0], 100.0, 5.0),
    ([1.0, 2.0, 3.0, 4.0, 5.0], 95.0, 4.8),
    ([1.0, 2.0, 3.0, 4.0, 5.0], 25.0, 2.0),
    (Array(stride(from: 1.0, through: 100.0, by: 1.0)), 95.0, 95.05),
    ([1.0, 2.0, 3.0], 150.0, 3.0),
    ([1.0, 2.0, 3.0], -10.0, 1.0),
  ])
  func percentile(values: [Double], percent: Double, expected: Double) throws {
    let value = try #require(Percentile.of(values, percent))
    #expect(abs(value - expected) < 1e-9)
  }

  @Test func percentileOfNothingIsNil() {
    #expect(Percentile.of([], 50) == nil)
  }

  @Test func percentilesAreOrderedAndWithinTheSample() throws {
    var generator = SampleGenerator(state: 42)
    for _ in 0..<100 {
      let values = (0..<Int.random(in: 1...50, using: &generator)).map { _ in Double.random(in: 0...100, using: &generator) }
      let p50 = try #require(Percentile.of(values, 50)), p95 = try #require(Percentile.of(values, 95))
      #expect(values.min()! <= p50 && p50 <= p95 && p95 <= values.max()!)
      #expect(Percentile.of(values, 100) == values.max())
    }
  }

  @Test func queryFileSkipsCommentsAndBlankLinesAndReadsFilters() throws {
    let text = """
      # geopolitics
      Arménie

        # indented comment
      "cessez le feu"
      Haut-Karabakh drones\tsince=2020-09-27 until=2020-11-10
      Poutine OR Erdogan\tuntil=2021-01-31\r
      drone*\tsince=2021-01-01
      """
    let requests = try QueryFile.parse(text)
    #expect(requests.map(\.query) == ["Arménie", "\"cessez le feu\"", "Haut-Karabakh drones", "Poutine OR Erdogan", "drone*"])
    #expect(requests[0].since == nil && requests[0].until == nil)
    #expect(requests[2].since?.iso == "2020-09-27" && requests[2].until?.iso == "2020-11-10")
    #expect(requests[3].since == nil && requests[3].until?.iso == "2021-01-31")
    #expect(requests[4].since?.iso == "2021-01-01" && requests[4].until == nil)
    #expect(requests.allSatisfy { $0.limit == SearchRequest.defaultLimit && $0.offset == 0 })
  }

  @Test func queryFileWithOnlyCommentsIsEmpty() throws {
    #expect(try QueryFile.parse("# nothing\n\n").isEmpty)
  }

  @Test(arguments: [
    ("Arménie\tsince=2021-13-01", "queries line 1: since expects a date as YYYY-MM-DD, got \"2021-13-01\""),
    ("# c\nArménie\tafter=2021-01-01", "queries line 2: unknown filter \"after\" (use since= or until=)"),
    ("Arménie\tsince", "queries line 1: expected since=YYYY-MM-DD or until=YYYY-MM-DD, got \"since\""),
    ("Arménie\tsince=2021-06-01 until=2021-01-01", "queries line 1: since=2021-06-01 is after until=2021-01-01"),
    ("\tsince=2021-01-01", "queries line 1: filters without a query"),
  ])
  func queryFileErrorsNameTheLine(text: String, message: String) {
    #expect(throws: DepechesError.invalidArgument(message)) { try QueryFile.parse(text) }
  }

  @Test func milliseconds() {
    #expect(QueryBenchmark.milliseconds(.milliseconds(1_500)) == 1_500)
    #expect(abs(QueryBenchmark.milliseconds(.microseconds(250)) - 0.25) < 1e-12)
  }

  @Test func benchmarkRunsEveryQueryOncePerPass() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("depeches-bench-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let index = folder + "/Index"
    _ = try Indexer(options: IndexOptions(paths: [packageRoot + "/seeds/000_fe0702cd3db7fe5e.txt"], indexPath: index)).run()
    let requests = try QueryFile.parse("Bayraktar\nzzzquasiabsent\n")
    let timings = try QueryBenchmark.run(index: SearchIndex(paths: [index]), requests: requests, runs: 3)
    #expect(timings.queries == 2 && timings.runs == 3 && timings.samplesMs.count == 6)
    #expect(timings.totalMatches == 1 && timings.queriesWithoutMatches == ["zzzquasiabsent"])
    #expect(timings.p50Ms <= timings.p95Ms && timings.p95Ms <= timings.maxMs)
  }
}


/// The package's root folder (for seeds/).
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

/// A small seeded generator (a 64-bit linear congruential one), so the random samples repeat.
private struct SampleGenerator: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return state ^ (state >> 29)
  }
}
