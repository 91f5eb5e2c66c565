import Foundation

/// Runs read → analyse → write for each part database on a thread of its own, with no hand-off
/// between threads: each lane allocates and frees its own memory, so two lanes on two cores do
/// twice the work of one (a pipeline handing documents from analysing threads to writing
/// threads measured a third more CPU time for the same work).
///
/// The calling thread only collects the lanes' reports and polls for cancellation.
final class LaneRunner: @unchecked Sendable {
  typealias Item = (file: FoundFile, previous: FileState?)

  private let condition = NSCondition()
  private var finished: [(FoundFile, FileReport)] = []
  private var running = 0
  private var cancelled = false
  private var failure: Error?

  /// How often (seconds) the calling thread polls `isCancelled` while lanes work.
  static let pollInterval = 0.1
  /// Stack size of a lane thread (analysis is iterative; this is headroom).
  static let stackSize = 8 << 20

  /// Writes `items` spread over `writers`, calling `onReport` on this thread after each file.
  /// Returns true when `isCancelled` stopped the lanes early (each stops after its file).
  func run(
    _ items: [Item], writers: [BatchWriter], preparer: FilePreparer,
    onReport: (FoundFile, FileReport) -> Void, isCancelled: () -> Bool
  ) throws -> Bool {
    let lanes = ParallelParts.lanes(sizes: items.map(\.file.size), count: writers.count)
    running = writers.count
    for (lane, writer) in writers.enumerated() {
      let mine = items.indices.filter { lanes[$0] == lane }.map { items[$0] }
      let thread = Thread { self.work(mine, writer: writer, preparer: preparer) }
      thread.stackSize = LaneRunner.stackSize
      thread.start()
    }
    var interrupted = false
    var done = false
    while !done {
      condition.lock()
      while finished.isEmpty && running > 0 {
        if !condition.wait(until: Date(timeIntervalSinceNow: LaneRunner.pollInterval)) { break }
      }
      let reports = finished
      finished.removeAll()
      done = running == 0
      condition.unlock()
      for (file, report) in reports { onReport(file, report) }
      if !interrupted && isCancelled() {
        interrupted = true
        condition.lock()
        cancelled = true
        condition.unlock()
      }
    }
    if let failure { throw failure }
    return interrupted
  }

  /// One lane: each file read, analysed and written on this thread; stops at cancellation or
  /// at the first failure (of any lane).
  private func work(_ items: [Item], writer: BatchWriter, preparer: FilePreparer) {
    for item in items {
      condition.lock()
      let stop = cancelled || failure != nil
      condition.unlock()
      if stop { break }
      let prepared = preparer.prepare(item.file, previous: item.previous)
      do {
        let report = try writer.guarded { try writer.write(prepared) }
        condition.lock()
        finished.append((item.file, report))
        condition.signal()
        condition.unlock()
      } catch {
        condition.lock()
        if failure == nil { failure = error }
        condition.unlock()
        break
      }
    }
    condition.lock()
    running -= 1
    condition.signal()
    condition.unlock()
  }
}
