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
  /// The files to write, largest first, and the next one a lane takes.
  private var queue: [Item] = []
  private var next = 0
  private var running = 0
  private var cancelled = false
  private var failure: Error?

  /// How often (seconds) the calling thread polls `isCancelled` while lanes work.
  static let pollInterval = 0.1
  /// Stack size of a lane thread (analysis is iterative; this is headroom).
  static let stackSize = 8 << 20

  /// Writes `items` spread over `writers` and commits each, calling `onReport` on this thread
  /// after each file.
  /// Returns true when `isCancelled` stopped the lanes early (each stops after its file).
  func run(
    _ items: [Item], writers: [BatchWriter], preparer: FilePreparer,
    onReport: (FoundFile, FileReport) -> Void, isCancelled: () -> Bool
  ) throws -> Bool {
    // Each lane takes the next file when it is free, largest files first, so that the lanes
    // finish within one small file of each other (which part a file lands in does not matter:
    // the parts are merged).
    queue = items.sorted { $0.file.size > $1.file.size }
    running = writers.count
    for writer in writers {
      let thread = Thread { self.work(writer: writer, preparer: preparer) }
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
  /// at the first failure (of any lane). The lane then commits its part itself, so that the
  /// last commits (which carry a part's deferred spelling counts) run in parallel too.
  private func work(writer: BatchWriter, preparer: FilePreparer) {
    do {
      while let item = take() {
        let prepared = preparer.prepare(item.file, previous: item.previous)
        let report = try writer.guarded { try writer.write(prepared) }
        condition.lock()
        finished.append((item.file, report))
        condition.signal()
        condition.unlock()
      }
      if !failed() { try writer.guarded { try writer.commit() } }
    } catch {
      condition.lock()
      if failure == nil { failure = error }
      condition.unlock()
    }
    condition.lock()
    running -= 1
    condition.signal()
    condition.unlock()
  }

  /// The next file to write, or nil when there is none left or the lanes must stop.
  private func take() -> Item? {
    condition.lock()
    defer { condition.unlock() }
    guard !cancelled, failure == nil, next < queue.count else { return nil }
    next += 1
    return queue[next - 1]
  }

  private func failed() -> Bool {
    condition.lock()
    defer { condition.unlock() }
    return failure != nil
  }
}
