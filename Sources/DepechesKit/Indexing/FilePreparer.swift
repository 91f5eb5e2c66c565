import Foundation

/// A file read and analysed, ready for the writer.
struct PreparedFile {
  var file: FoundFile
  var previous: FileState?
  var outcome: Outcome

  enum Outcome {
    /// Same bytes as last time: only the state (time) is refreshed.
    case sameContent(FileState)
    /// New content, analysed into documents.
    case documents([DocumentBuilder.Built], FileState)
    case skipped(String)
  }
}

/// Reads, hashes, parses and analyses files; safe to use from several threads (each call
/// borrows a builder from a pool).
final class FilePreparer: @unchecked Sendable {
  // Sendable: `pool` is only touched with `lock` held; the reader is a value.
  private let reader: DocumentReader
  private let force: Bool
  /// The run the documents are written by (their `Schema.runSlot` and `indexedSlot`).
  private let run: IndexRun
  private var pool: [DocumentBuilder] = []
  private let lock = NSLock()

  init(maxFileSize: Int, force: Bool, run: IndexRun = IndexRun(sequence: 1, time: IndexRun.timeText(Date()))) {
    reader = DocumentReader(maxFileSize: maxFileSize)
    self.force = force
    self.run = run
  }

  /// Prepares one file whose size or time differ from `previous` (or that is new).
  func prepare(_ file: FoundFile, previous: FileState?) -> PreparedFile {
    PreparedFile(file: file, previous: previous, outcome: outcome(file, previous: previous))
  }

  /// Reads the file once through the `DocumentReader` (which gives every skip reason), hashes
  /// its bytes, and parses and analyses them unless they are the bytes indexed last time.
  private func outcome(_ file: FoundFile, previous: FileState?) -> PreparedFile.Outcome {
    let bytes: [UInt8]
    switch reader.load(absolutePath: file.absolutePath) {
    case .skipped(let reason): return .skipped(reason)
    case .bytes(let read): bytes = read
    }
    let hash = FileState.hash(bytes)
    let state = FileState(
      absolutePath: file.absolutePath, size: file.size, modificationTime: file.modificationTime,
      hash: hash, dispatchCount: previous?.dispatchCount ?? 0)
    if !force, let previous, previous.hash == hash { return .sameContent(state) }
    switch reader.parse(bytes: bytes, absolutePath: file.absolutePath, displayPath: file.displayPath) {
    case .skipped(let reason):
      return .skipped(reason)
    case .dispatches(let dispatches):
      return build(dispatches, file: file, state: state)
    }
  }

  private func build(_ dispatches: [Dispatch], file: FoundFile, state: FileState) -> PreparedFile.Outcome {
    let builder = borrowBuilder()
    defer { returnBuilder(builder) }
    let term = FileState.term(forPath: file.absolutePath)
    let built: [DocumentBuilder.Built]
    do {
      built = try dispatches.map { try builder.build($0, absolutePath: file.absolutePath, fileTerm: term, run: run) }
    } catch {
      return .skipped("its text could not be compressed for storage (\(error))")
    }
    var counted = state
    counted.dispatchCount = built.count
    return .documents(built, counted)
  }

  private func borrowBuilder() -> DocumentBuilder {
    lock.lock()
    let builder = pool.popLast()
    lock.unlock()
    // A stemmer that cannot be created means Xapian lacks French: nothing can be indexed.
    return builder ?? (try! DocumentBuilder())
  }

  private func returnBuilder(_ builder: DocumentBuilder) {
    lock.lock()
    pool.append(builder)
    lock.unlock()
  }
}
