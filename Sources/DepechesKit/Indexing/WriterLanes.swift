import Foundation

/// The indexer's one scheduler: N writer lanes, each a thread that owns one `BatchWriter`, fed
/// from one queue of files, bounded in what is prepared ahead of the lanes. Which lane writes
/// a file, and which thread prepares it (reads, hashes and analyses it with the
/// `FilePreparer`), is the `Policy`.
///
/// The calling thread sleeps until a lane has written a file (or `cancelCheckInterval` has
/// passed: a signal handler cannot wake a condition), passes the reports to `onReport` and
/// then asks `isCancelled`: cancellation (Ctrl-C sets the flag `isCancelled` reads) reaches the
/// lanes through that check, which sets `stopping` and raises `cancellation`. Lanes and workers
/// look at `stopping` before they take each file; the readers and the analysis of the file in
/// hand look at `cancellation` as they go (`Cancellation`), so a long file is abandoned part
/// way and not written. A lane's failure stops them too, and is thrown once every thread has
/// stopped. Every other thread blocks on one condition.
final class WriterLanes: @unchecked Sendable {
  // Sendable because every `var` below is read and written only with `condition` locked, and
  // writer `i` is used only by lane `i`'s thread while it runs (by the caller before `run` and
  // after every thread has said it ended, under the same lock).

  typealias Item = (file: FoundFile, previous: FileState?)

  /// Input bytes a database's batch holds before a commit: bounds Xapian's buffers whatever the corpus.
  static let batchByteLimit = 12_000_000
  /// Input bytes that several writers filling together hold in their batches (a first run's
  /// parts, an index's shards, whose files are spread by a hash of the path): their batches
  /// fill at the same pace, so memory peaks with all of them full (Xapian buffers about 18
  /// bytes per input byte; with 9 MB a first run of a million files peaked at 317 MB).
  static let sharedByteLimit = 8_000_000
  /// Input bytes after which one of `writers` writers commits its batch: a first run's parts
  /// and an index's shards fill together and share `sharedByteLimit`; a lone database's
  /// writer has `batchByteLimit`.
  static func batchByteLimit(sharedBy writers: Int, parts: Bool) -> Int {
    parts || writers > 1 ? sharedByteLimit / max(1, writers) : batchByteLimit
  }
  /// Input bytes prepared ahead of the lanes (`byPath`): enough to keep the writers busy, bounded memory.
  static let queueByteLimit = 8_000_000
  /// Files prepared ahead of the lanes, at most (`byPath`): bounds memory on many small files.
  static let queueFileLimit = 512
  /// Seconds between two looks at `isCancelled` while no file is finished: Ctrl-C is seen
  /// within this, well inside the second a user waits.
  static let cancelCheckInterval = 0.1
  /// Stack size of a lane or worker thread (analysis is iterative; this is headroom).
  static let stackSize = 8 << 20
  /// Analysis workers at most (`byPath`): one per core, as more would only hold more builders.
  static var maxWorkers: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

  /// How files are assigned to lanes, and who prepares them.
  enum Policy: Sendable {
    /// A first run's parallel parts: each lane takes the next file when it is free, largest
    /// first so that the lanes finish within one small file of each other, and prepares it
    /// itself. No hand-off between threads, so each lane allocates and frees its own memory
    /// (handing documents from analysing threads to writing threads costs more CPU than it
    /// saves). Parts defer spelling counts to their last commit, which each lane makes itself
    /// so that those heavy commits run in parallel.
    case nextFree
    /// Any other run (incremental, small or sharded; one writer, or one per shard): `workers`
    /// threads prepare files in the given order, ahead of the lanes within the queue's
    /// bounds, and each file goes to lane `lane(absolutePath)` (a stable hash of the path,
    /// `IndexLayout.shard(forPath:)`), which writes its files in that order. Spelling counts
    /// go with every batch's commit; the caller makes the last commit (after removing
    /// missing files).
    case byPath(workers: Int, lane: @Sendable (String) -> Int)

    /// True when spelling counts wait for a writer's last commit (see `BatchWriter.init`).
    var defersSpellings: Bool { if case .nextFree = self { true } else { false } }

    /// True when each lane commits its writer once its files are written.
    var lanesCommit: Bool { defersSpellings }

  }

  private let writers: [BatchWriter]
  private let preparer: FilePreparer
  private let policy: Policy
  private let condition = NSCondition()
  /// Raised when the lanes stop: the file each thread is reading or analysing is abandoned.
  private let cancellation = CancellationFlag()

  /// The files, and the order they are taken in (positions in `files`; nil: as given).
  private var files = FilesToWrite([])
  private var takeOrder: [UInt32]?
  /// The next item to take (by a lane under `nextFree`, by a worker under `byPath`).
  private var nextToTake = 0
  /// Items taken by a worker and not yet written, and their input bytes (`byPath`).
  private var queuedFiles = 0
  private var queuedBytes = 0
  /// Prepared items waiting for their lane, by index (`byPath`).
  private var prepared: [Int: PreparedFile] = [:]
  /// Each lane's item indices in order, and the next one it writes (`byPath`).
  private var laneItems: [[Int]] = []
  private var laneNext: [Int] = []
  /// Reports not yet passed to the caller.
  private var finished: [(FoundFile, FileReport)] = []
  private var threadsRunning = 0
  private var stopping = false
  private var failure: Error?

  /// Lanes over `writers` (lane `i` owns `writers[i]`), assigning files by `policy`.
  init(writers: [BatchWriter], preparer: FilePreparer, policy: Policy) {
    self.writers = writers
    self.preparer = preparer
    self.policy = policy
  }

  /// Writes `files`, calling `onReport` on this thread after each one. Returns true when
  /// `isCancelled` stopped the lanes early; throws the first lane's failure, once all stopped.
  /// Each lane commits its writer at the end only when the policy says `lanesCommit`.
  func run(_ files: FilesToWrite, onReport: (FoundFile, FileReport) -> Void, isCancelled: () -> Bool) throws -> Bool {
    if isCancelled() { return true }
    start(files)
    let interrupted = collect(onReport: onReport, isCancelled: isCancelled)
    condition.lock()
    let failure = self.failure
    condition.unlock()
    if let failure { throw failure }
    return interrupted
  }

  /// Writes `items` (see the other `run`).
  func run(_ items: [Item], onReport: (FoundFile, FileReport) -> Void, isCancelled: () -> Bool) throws -> Bool {
    try run(FilesToWrite(items), onReport: onReport, isCancelled: isCancelled)
  }

  private func start(_ files: FilesToWrite) {
    condition.lock()
    defer { condition.unlock() }
    self.files = files
    switch policy {
    case .nextFree:
      takeOrder = (0..<UInt32(files.count)).sorted { files.size(at: Int($0)) > files.size(at: Int($1)) }
      threadsRunning = writers.count
    case .byPath(let workers, let lane):
      laneItems = Array(repeating: [], count: writers.count)
      for index in 0..<files.count { laneItems[lane(files.item(at: index).file.absolutePath)].append(index) }
      laneNext = Array(repeating: 0, count: writers.count)
      let workerCount = min(max(1, workers), WriterLanes.maxWorkers, files.count)
      threadsRunning = writers.count + workerCount
      for _ in 0..<workerCount { spawn { self.prepareAhead() } }
    }
    for lane in writers.indices { spawn { self.runLane(lane) } }
  }

  private func spawn(_ body: @escaping @Sendable () -> Void) {
    let thread = Thread(block: body)
    thread.stackSize = WriterLanes.stackSize
    thread.start()
  }

  /// The calling thread: passes on reports as lanes finish files and checks for cancellation,
  /// until every thread has ended.
  private func collect(onReport: (FoundFile, FileReport) -> Void, isCancelled: () -> Bool) -> Bool {
    var interrupted = false
    while true {
      condition.lock()
      if finished.isEmpty && threadsRunning > 0 {
        _ = condition.wait(until: Date(timeIntervalSinceNow: WriterLanes.cancelCheckInterval))
      }
      let reports = finished
      finished.removeAll(keepingCapacity: true)
      let done = threadsRunning == 0
      condition.unlock()
      for (file, report) in reports { onReport(file, report) }
      if !interrupted && isCancelled() {
        interrupted = true
        stop(because: nil)
      }
      if done { return interrupted }
    }
  }

  /// One lane: writes its files one after the other until there are none or the lanes stop.
  private func runLane(_ lane: Int) {
    let writer = writers[lane]
    do {
      while let item = nextForLane(lane) {
        if case .cancelled = item.outcome { break }
        let report = try writer.guarded { try writer.write(item) }
        condition.lock()
        if case .byPath = policy {
          queuedFiles -= 1
          queuedBytes -= item.file.size
        }
        finished.append((item.file, report))
        condition.broadcast()
        condition.unlock()
      }
      if policy.lanesCommit && !hasFailed() { try writer.guarded { try writer.commit() } }
    } catch {
      stop(because: error)
    }
    threadEnded()
  }

  /// The lane's next prepared file, or nil when it has none left or the lanes stop.
  private func nextForLane(_ lane: Int) -> PreparedFile? {
    switch policy {
    case .nextFree:
      guard let (_, item) = take(waitingForRoom: false) else { return nil }
      return preparer.prepare(item.file, previous: item.previous, cancellation: cancellation)
    case .byPath:
      return waitForPrepared(lane)
    }
  }

  /// The lane's next file in order once a worker has prepared it (`byPath`).
  private func waitForPrepared(_ lane: Int) -> PreparedFile? {
    condition.lock()
    defer { condition.unlock() }
    while !stopping && laneNext[lane] < laneItems[lane].count {
      if let file = prepared.removeValue(forKey: laneItems[lane][laneNext[lane]]) {
        laneNext[lane] += 1
        return file
      }
      condition.wait()
    }
    return nil
  }

  /// One analysis worker (`byPath`): prepares the next file in order whenever the queue has room.
  private func prepareAhead() {
    while let (index, item) = take(waitingForRoom: true) {
      let file = preparer.prepare(item.file, previous: item.previous, cancellation: cancellation)
      condition.lock()
      prepared[index] = file
      condition.broadcast()
      condition.unlock()
    }
    threadEnded()
  }

  /// The next file to prepare, nil when there is none left or the lanes stop. A worker waits
  /// for room: fewer than the queue's limits taken and not yet written (a lane under
  /// `nextFree` holds one file at a time, so it needs no limit).
  private func take(waitingForRoom: Bool) -> (Int, Item)? {
    condition.lock()
    defer { condition.unlock() }
    while !stopping && nextToTake < files.count {
      if !waitingForRoom || (queuedBytes < WriterLanes.queueByteLimit && queuedFiles < WriterLanes.queueFileLimit) {
        let index = takeOrder.map { Int($0[nextToTake]) } ?? nextToTake
        nextToTake += 1
        let item = files.item(at: index)
        if waitingForRoom {
          queuedFiles += 1
          queuedBytes += item.file.size
        }
        return (index, item)
      }
      condition.wait()
    }
    return nil
  }

  /// Makes every lane and worker stop before its next file, keeping the first failure.
  private func stop(because error: Error?) {
    cancellation.raise()
    condition.lock()
    stopping = true
    if let error, failure == nil { failure = error }
    condition.broadcast()
    condition.unlock()
  }

  private func hasFailed() -> Bool {
    condition.lock()
    defer { condition.unlock() }
    return failure != nil
  }

  private func threadEnded() {
    condition.lock()
    threadsRunning -= 1
    condition.broadcast()
    condition.unlock()
  }
}
