import ArgumentParser
import DepechesKit

/// `depeches compact`: Xapian's compaction of an index, in place.
struct CompactCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "compact",
    abstract: "Compact the index in place (a compacted copy is written, then swapped in).",
    discussion: "Takes the index's write lock, so it fails at once while `depeches index` runs on it.")

  @Option(name: .customLong("index"), help: "Index folder to compact.")
  var indexPath = "Index"

  func run() throws {
    try runReportingFailures {
      let outcome = try Compactor.compact(indexPath: indexPath)
      Terminal.note("compacted \(indexPath): \(outcome.bytesBefore / 1000) kB → \(outcome.bytesAfter / 1000) kB")
    }
  }
}
