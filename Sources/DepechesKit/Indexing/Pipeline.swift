import Foundation

/// Prepares chunk N+1 on worker threads while the caller writes chunk N.
final class Pipeline: @unchecked Sendable {
  typealias Item = (file: FoundFile, previous: FileState?)
  private let chunks: [[Item]]
  private let preparer: FilePreparer
  private let workers: Int
  private var nextIndex = 0
  private var pending: (DispatchSemaphore, Box)?
  private var cancelled = false

  /// Holds one prepared chunk, filled by the workers.
  final class Box: @unchecked Sendable {
    private(set) var files: [PreparedFile?]
    private let lock = NSLock()
    init(count: Int) { files = Array(repeating: nil, count: count) }
    func store(_ file: PreparedFile, at index: Int) {
      lock.lock()
      files[index] = file
      lock.unlock()
    }
  }

  init(chunks: [[Item]], preparer: FilePreparer, workers: Int) {
    self.chunks = chunks
    self.preparer = preparer
    self.workers = max(1, workers)
    startNext()
  }

  /// The next prepared chunk, in order; nil at the end.
  func next() -> [PreparedFile]? {
    guard let (done, box) = pending else { return nil }
    done.wait()
    pending = nil
    startNext()
    return box.files.compactMap { $0 }
  }

  /// Stops preparing chunks after the one under way.
  func cancel() { cancelled = true }

  private func startNext() {
    guard !cancelled, nextIndex < chunks.count else { return }
    let chunk = chunks[nextIndex]
    nextIndex += 1
    let done = DispatchSemaphore(value: 0)
    let box = Box(count: chunk.count)
    let preparer = self.preparer
    let lanes = min(workers, chunk.count)
    DispatchQueue.global().async {
      DispatchQueue.concurrentPerform(iterations: lanes) { lane in
        // Each lane takes every lanes-th file: no shared mutable state between lanes.
        for i in stride(from: lane, to: chunk.count, by: lanes) {
          box.store(preparer.prepare(chunk[i].file, previous: chunk[i].previous), at: i)
        }
      }
      done.signal()
    }
    pending = (done, box)
  }
}
