import Foundation

/// The walked files set against what the index remembers of files, in one ordered sweep of
/// each database's file states.
///
/// A file's state is kept under a key made of its path's hash, so the keys' order is no order
/// of the walk: looking every listed file up was a random B-tree read per file (a million at a
/// million files), and finding the missing ones a second pass over every state. Here the
/// listed files are sorted by key number and merged with each database's states as they come,
/// a page at a time, in key order: every state is read once, and the random reads are gone.
struct FileSweep {
  /// One database's remembered file that the walk did not find.
  struct Missing: Equatable {
    /// Its state's metadata key.
    var key: String
    /// Its absolute path (the text form).
    var path: String
  }

  /// Listed files that are new or changed (or all, with `force`), in the list's order, with
  /// the remembered states of those the index knows.
  private(set) var toRead = FilesToWrite([])
  /// Listed files whose size and time are those remembered.
  private(set) var unchanged = 0
  /// Per database, its remembered files at or below a walked root that the walk did not list,
  /// but for those at or below a path it could not read (their files may all be there still).
  private(set) var missing: [[Missing]] = []

  /// Remembered states read at a time: bounded memory at a million.
  static let entriesPerPage = 10_000

  /// Sweeps `databases` (`shard(number)` says which one remembers the file of a key number).
  init(
    _ files: FileList, databases: [BatchWriter], shard: @escaping (UInt64) -> Int, force: Bool, roots: [String],
    unreadable: [String], entriesPerPage: Int = FileSweep.entriesPerPage
  ) throws {
    var byKey = (0..<files.count).map { (number: FileState.keyNumber(forPath: files.absolutePath(at: $0)), position: UInt32($0)) }
    byKey.sort { $0.number < $1.number }
    var merge = Merge(files: files, byKey: byKey, force: force, shardOf: shard)
    for (w, database) in databases.enumerated() {
      merge.start(database: w)
      var lost: [Missing] = []
      try database.forEachRememberedFile(entriesPerPage: entriesPerPage) { key, number, state in
        guard !merge.take(number, state), BatchWriter.isAt(state.absolutePath, orBelowAnyOf: roots),
          !BatchWriter.isAt(state.absolutePath, orBelowAnyOf: unreadable)
        else { return }
        lost.append(Missing(key: key, path: state.absolutePath))
      }
      merge.finish()
      missing.append(lost)
    }
    toRead = FilesToWrite(list: files, positions: merge.positions.sorted(), previous: merge.previous)
    unchanged = merge.unchanged
  }

  /// The merge of the files sorted by key number with one database's states in key order.
  private struct Merge {
    let files: FileList
    let byKey: [(number: UInt64, position: UInt32)]
    let force: Bool
    var positions: [UInt32] = []
    var previous: [UInt32: FileState] = [:]
    var unchanged = 0
    private var next = 0
    private var database = 0
    private let shardOf: (UInt64) -> Int

    init(files: FileList, byKey: [(number: UInt64, position: UInt32)], force: Bool, shardOf: @escaping (UInt64) -> Int) {
      self.files = files
      self.byKey = byKey
      self.force = force
      self.shardOf = shardOf
    }

    /// Starts the merge with the states of database `database`.
    mutating func start(database: Int) {
      self.database = database
      next = 0
    }

    /// Takes the state of key `number`: true when a listed file of this database has its path.
    mutating func take(_ number: UInt64, _ state: FileState) -> Bool {
      while next < byKey.count, byKey[next].number < number { add(next, nil) }
      var listed = false
      while next < byKey.count, byKey[next].number == number {
        // Two paths with one hash share a key: only the one the state names is known.
        let known = !listed && shardOf(number) == database
          && files.absolutePath(at: Int(byKey[next].position)) == state.absolutePath
        listed = listed || known
        add(next, known ? state : nil)
      }
      return listed
    }

    /// Takes the files after the last state.
    mutating func finish() {
      while next < byKey.count { add(next, nil) }
    }

    /// Classifies the file at `byKey[k]` when this database holds it, and moves past it.
    private mutating func add(_ k: Int, _ state: FileState?) {
      next = k + 1
      let (number, position) = byKey[k]
      guard shardOf(number) == database else { return }
      let k = Int(position)
      if !force, let state, state.size == files.size(at: k), state.modificationTime == files.modificationTime(at: k) {
        unchanged += 1
        return
      }
      positions.append(position)
      if let state { previous[position] = state }
    }
  }
}

extension BatchWriter {
  /// Calls `body` with every file state this database remembers, in key order, reading
  /// `entriesPerPage` of them at a time (a value that does not decode is left out).
  func forEachRememberedFile(
    entriesPerPage: Int, _ body: (_ key: String, _ number: UInt64, _ state: FileState) throws -> Void
  ) throws {
    var after = ""
    while true {
      let entries = try guarded { try database.metadataEntries(prefix: Schema.fileStatePrefix, after: after, max: entriesPerPage) }
      for (key, value) in entries {
        guard let number = FileState.keyNumber(ofKey: key), let state = FileState(decoding: value) else { continue }
        try body(key, number, state)
      }
      guard entries.count == entriesPerPage, let last = entries.last else { return }
      after = last.key
    }
  }

  /// Removes the dispatches and states of files the walk no longer finds.
  func remove(_ missing: [FileSweep.Missing]) throws -> [FileReport] {
    let cwd = FileManager.default.currentDirectoryPath
    return try missing.map { file in
      try guarded { try forget(path: file.path, key: file.key) }
      return FileReport(path: FileWalker.display(file.path, workingDirectory: cwd), outcome: .removed)
    }
  }
}
