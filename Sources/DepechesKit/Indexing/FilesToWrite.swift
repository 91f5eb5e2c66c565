/// The files a run reads and writes, with what the index remembers of each: positions in the
/// walk's `FileList` (4 bytes a file) and the remembered states of those that have one, so a
/// first run over a million files holds no `FoundFile` until a lane takes it.
struct FilesToWrite: Sendable {
  private enum Storage: Sendable {
    case listed(FileList, positions: [UInt32], previous: [UInt32: FileState])
    case items([WriterLanes.Item])
  }

  private let storage: Storage

  /// The files at `positions` of `list`, `previous[p]` the remembered state of position p.
  init(list: FileList, positions: [UInt32], previous: [UInt32: FileState]) {
    storage = .listed(list, positions: positions, previous: previous)
  }

  /// Files given one by one (tests, small runs).
  init(_ items: [WriterLanes.Item]) { storage = .items(items) }

  /// How many files there are.
  var count: Int {
    switch storage {
    case .listed(_, let positions, _): positions.count
    case .items(let items): items.count
    }
  }

  /// Input bytes of the k-th file.
  func size(at k: Int) -> Int {
    switch storage {
    case .listed(let list, let positions, _): list.size(at: Int(positions[k]))
    case .items(let items): items[k].file.size
    }
  }

  /// The k-th file and its remembered state.
  func item(at k: Int) -> WriterLanes.Item {
    switch storage {
    case .listed(let list, let positions, let previous):
      (list.file(at: Int(positions[k])), previous[positions[k]])
    case .items(let items): items[k]
    }
  }

  /// Input bytes of them all.
  var totalSize: Int { (0..<count).reduce(0) { $0 + size(at: $1) } }
}
