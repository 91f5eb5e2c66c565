import Foundation

/// A file read and analysed, ready for the writer.
struct PreparedFile {
  var file: FoundFile
  var previous: FileState?
  var outcome: Outcome
  /// What the user should know about the file though it was read (see `ReadReport`).
  var warnings: [String] = []

  enum Outcome {
    /// Same bytes as last time: only the state (time) is refreshed.
    case sameContent(FileState)
    /// New content, analysed into documents.
    case documents([DocumentBuilder.Built], FileState)
    case skipped(String)
    /// The file could not be read (permission, I/O): the index keeps what it holds of it.
    case unreadable(String)
    /// The run is stopping: the file was abandoned part way, and is not written.
    case cancelled
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

  /// Prepares one file whose size or time differ from `previous` (or that is new), stopping
  /// part way when `cancellation` is raised (the outcome is then `.cancelled`).
  func prepare(_ file: FoundFile, previous: FileState?, cancellation: CancellationFlag? = nil) -> PreparedFile {
    var warnings: [String] = []
    if file.pathBytes != nil {
      warnings.append("its name is not valid UTF-8 (each invalid byte is shown as \\xHH)")
    }
    let outcome = Cancellation.$flag.withValue(cancellation) { self.outcome(file, previous: previous, warnings: &warnings) }
    let stopped = cancellation?.isRaised ?? false
    return PreparedFile(file: file, previous: previous, outcome: stopped ? .cancelled : outcome, warnings: warnings)
  }

  /// Reads the file once through the `DocumentReader` (which gives every skip reason), hashes
  /// its bytes, and parses and analyses them unless they are the bytes indexed last time.
  private func outcome(_ file: FoundFile, previous: FileState?, warnings: inout [String]) -> PreparedFile.Outcome {
    let bytes: [UInt8]
    switch reader.load(absolutePath: file.absolutePath, pathBytes: file.pathBytes) {
    case .skipped(let reason): return .skipped(reason)
    case .unreadable(let reason): return .unreadable(reason)
    case .bytes(let read): bytes = read
    }
    let hash = FileState.hash(bytes)
    let state = FileState(
      absolutePath: file.absolutePath, size: file.size, modificationTime: file.modificationTime,
      hash: hash, dispatchCount: previous?.dispatchCount ?? 0)
    if !force, let previous, previous.hash == hash { return .sameContent(state) }
    let report = reader.parse(bytes: bytes, absolutePath: file.absolutePath, displayPath: file.displayPath)
    warnings += report.warnings
    switch report.result {
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
    var built: [DocumentBuilder.Built] = []
    do {
      for dispatch in dispatches where !Cancellation.isRequested {
        built.append(try builder.build(dispatch, absolutePath: file.absolutePath, fileTerm: term, run: run))
      }
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
